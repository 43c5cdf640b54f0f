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
  const rule = (message: string) => () => {
    throw new DomainError("VALIDATION", message);
  };

  it("puts a refusal it does not know on the fallback field", () => {
    const schema = z
      .object({ a: z.string() })
      .superRefine(domainRule(rule("Something new."), {}, { path: "a", key: "invalid" }));
    expect(schema.safeParse({ a: "" }).error?.issues[0]).toMatchObject({ path: ["a"], message: "invalid" });
  });

  it("lets other errors through", () => {
    const schema = z.object({ a: z.string() }).superRefine(
      domainRule(
        () => {
          throw new TypeError("bug");
        },
        {},
        { path: "a", key: "invalid" },
      ),
    );
    expect(() => schema.safeParse({ a: "" })).toThrow("bug");
  });
});
