import { checkReport } from "@lodestone/domain/delivery";
import { DomainError } from "@lodestone/domain/errors";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ReportSchema } from "../delivery/report-form";
import { domainRule } from "./domain-rule";

const REPORTS = [
  { status: "DONE", progress: "100", note: "", evidence: "" },
  { status: "DONE", progress: "90", note: "", evidence: "Certificate" },
  { status: "BLOCKED", progress: "40", note: "", evidence: "" },
  { status: "BLOCKED", progress: "40", note: "Customs", evidence: "" },
  { status: "IN_PROGRESS", progress: "40", note: "", evidence: "" },
  { status: "DONE", progress: "100", note: "", evidence: "Certificate" },
] as const;

const refusedByDomain = (r: (typeof REPORTS)[number]) => {
  try {
    checkReport({
      status: r.status,
      progress: Number(r.progress),
      note: r.note || null,
      evidence: r.evidence || null,
    });
    return false;
  } catch (error) {
    if (error instanceof DomainError) return true;
    throw error;
  }
};

describe("the report form's schema", () => {
  it.each(REPORTS)("refuses exactly what checkReport refuses: %o", (report) => {
    expect(ReportSchema.safeParse(report).success).toBe(!refusedByDomain(report));
  });

  it("shows each of checkReport's refusals on the field to fix, with the form's own words", () => {
    const issue = (r: (typeof REPORTS)[number]) => ReportSchema.safeParse(r).error?.issues[0];
    expect(issue(REPORTS[0])).toMatchObject({ path: ["evidence"], message: "evidenceRequired" });
    expect(issue(REPORTS[1])).toMatchObject({ path: ["progress"], message: "doneIs100" });
    expect(issue(REPORTS[2])).toMatchObject({ path: ["note"], message: "blockedReason" });
  });
});

describe("domainRule", () => {
  const problems = (v: { a: string; b: string }) => [
    ...(v.a ? [] : [{ field: "a", reason: "aMissing" as const, message: "A is missing." }]),
    ...(v.b ? [] : [{ field: "b", reason: "bMissing" as const, message: "B is missing." }]),
  ];
  const schema = z
    .object({ a: z.string(), b: z.string() })
    .superRefine(domainRule(problems, { aMissing: "invalid", bMissing: "sameDate" }));

  it("puts every problem on the field the domain names, in the form's words for its reason", () => {
    expect(schema.safeParse({ a: "", b: "" }).error?.issues).toMatchObject([
      { path: ["a"], message: "invalid" },
      { path: ["b"], message: "sameDate" },
    ]);
  });

  it("adds nothing when the rule finds no problem", () => {
    expect(schema.safeParse({ a: "x", b: "y" }).success).toBe(true);
  });
});
