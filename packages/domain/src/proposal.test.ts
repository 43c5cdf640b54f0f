import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { PROJECT_STATUSES } from "./enums.js";
import {
  canEditProposal,
  checkSubmittable,
  checkTimeZoneCorrection,
  CreateProposalInput,
  editTarget,
  fieldsShown,
  missingForSubmission,
  revisionContent,
  UpdateProposalInput,
} from "./proposal.js";

const complete = CreateProposalInput.parse({
  titleEn: "Dy separation pilot",
  titleJa: "ジスプロシウム分離パイロット",
  summaryEn: "A pilot.",
  summaryJa: "パイロット。",
  bodyEn: "## Plan",
  bodyJa: "## 計画",
  bindingLanguage: "en",
  translationEn: "ORIGINAL",
  translationJa: "HUMAN_CHECKED",
  commodity: "DY",
  stage: "SEPARATION",
  site: { country: "AU", region: "Western Australia", latitude: -31.95, longitude: 115.86 },
  capacityTpy: 1200,
  capexUsd: 340_000_000,
  sponsors: ["US", "JP"],
});

describe("proposal input", () => {
  it("lets a draft start nearly empty", () => {
    const draft = CreateProposalInput.parse({
      commodity: "NDPR",
      stage: "MINING",
      site: { country: "IN" },
      capacityTpy: 0,
      capexUsd: 0,
    });
    expect(draft).toMatchObject({
      titleEn: "",
      bindingLanguage: "en",
      translationJa: "MISSING",
      sponsors: [],
    });
  });

  it.each([
    [{ capexUsd: -1 }, "capexUsd"],
    [{ capacityTpy: 1.5 }, "capacityTpy"],
    [{ site: { country: "Australia" } }, "site"],
    [{ site: { country: "AU", latitude: 91 } }, "site"],
    [{ sponsors: ["US", "US"] }, "sponsors"],
    [{ titleEn: "x".repeat(201) }, "titleEn"],
    [{ extra: true }, ""],
  ])("refuses %j", (patch, path) => {
    const result = CreateProposalInput.safeParse({ ...complete, ...patch });
    expect(result.success).toBe(false);
    if (!result.success && path) expect(result.error.issues[0]?.path[0]).toBe(path);
  });

  it("needs the version to update", () => {
    expect(
      UpdateProposalInput.safeParse({ ...complete, id: "0190c9a0-0000-7000-8000-000000000001" }).success,
    ).toBe(false);
  });
});

describe("missingForSubmission", () => {
  it("accepts a complete proposal", () => {
    expect(missingForSubmission(complete)).toEqual({});
    expect(() => checkSubmittable(complete)).not.toThrow();
  });

  it("requires the binding language's texts, and the other language's unless marked missing", () => {
    const onlyEnglish = {
      ...complete,
      titleJa: "",
      summaryJa: "",
      bodyJa: "",
      translationJa: "MISSING" as const,
    };
    expect(missingForSubmission(onlyEnglish)).toEqual({});
    const claimedButEmpty = { ...onlyEnglish, translationJa: "MACHINE" as const };
    expect(Object.keys(missingForSubmission(claimedButEmpty)).sort()).toEqual([
      "bodyJa",
      "summaryJa",
      "titleJa",
    ]);
    const bindingJapanese = { ...onlyEnglish, bindingLanguage: "ja" as const };
    expect(Object.keys(missingForSubmission(bindingJapanese))).toEqual(
      expect.arrayContaining(["titleJa", "summaryJa", "bodyJa", "translationJa"]),
    );
  });

  it("requires a region and a sponsor, naming every gap in one message", () => {
    const gaps = { ...complete, site: { ...complete.site, region: "" }, sponsors: [] };
    expect(Object.keys(missingForSubmission(gaps)).sort()).toEqual(["site.region", "sponsors"]);
    expect(() => checkSubmittable(gaps)).toThrow(DomainError);
    expect(() => checkSubmittable(gaps)).toThrow(/region.*sponsoring/);
  });
});

describe("revisionContent", () => {
  it("is the same whatever order sponsors were named in, with capex as a string", () => {
    const a = revisionContent({ ...complete, sponsors: ["US", "JP"] });
    const b = revisionContent({ ...complete, sponsors: ["JP", "US"] });
    expect(a).toEqual(b);
    expect(a.capexUsd).toBe("340000000");
    expect(a.sponsors).toEqual(["JP", "US"]);
  });
});

describe("what reviewers read while the organisation edits", () => {
  const org = "0190c9a0-0000-7000-8000-00000000000a";
  const partner = { id: "p", role: "PARTNER" as const, delegation: null, organisationId: org };
  const delegate = { id: "d", role: "DELEGATE" as const, delegation: "US", organisationId: null };
  const submitted = complete;
  const edits = { ...submitted, titleEn: "Edited after changes were requested" };

  it("edits a never-submitted draft in place, and a submitted proposal in its working copy", () => {
    expect(editTarget({ submittedAt: null })).toBe("content");
    expect(editTarget({ submittedAt: "2026-11-02T09:00:00.000Z" })).toBe("workingCopy");
  });

  it("shows the working copy to the organisation while it may edit, and the submission to everyone else", () => {
    const project = {
      organisationId: org,
      status: "CHANGES_REQUESTED" as const,
      fields: submitted,
      workingCopy: edits,
    };
    expect(fieldsShown(partner, project)).toBe(edits);
    expect(fieldsShown(delegate, project)).toBe(submitted);
    expect(fieldsShown({ ...partner, organisationId: "other" }, project)).toBe(submitted);
    // Withdrawn with edits unsent: what was submitted, for the organisation too.
    expect(fieldsShown(partner, { ...project, status: "WITHDRAWN" })).toBe(submitted);
    expect(fieldsShown(partner, { ...project, workingCopy: null })).toBe(submitted);
  });
});

describe("correcting a project's time zone", () => {
  it("waits until the proposing organisation can no longer edit the proposal", () => {
    for (const status of PROJECT_STATUSES) {
      const open = status === "DRAFT" || status === "CHANGES_REQUESTED";
      if (open) expect(() => checkTimeZoneCorrection(status), status).toThrow(/still edit this proposal/);
      else expect(() => checkTimeZoneCorrection(status), status).not.toThrow();
    }
  });
});

describe("canEditProposal", () => {
  const orgA = "0190c9a0-0000-7000-8000-00000000000a";
  const partnerOf = (organisationId: string | null) => ({
    id: "u",
    role: "PARTNER" as const,
    delegation: null,
    organisationId,
  });

  it.each(PROJECT_STATUSES)(
    "the proposing organisation's partners edit a %s proposal only while it is a draft or sent back",
    (status) => {
      expect(canEditProposal(partnerOf(orgA), { organisationId: orgA, status })).toBe(
        status === "DRAFT" || status === "CHANGES_REQUESTED",
      );
    },
  );

  it("nobody else edits it, in any status", () => {
    for (const status of ["DRAFT", "CHANGES_REQUESTED"] as const) {
      expect(
        canEditProposal(partnerOf("0190c9a0-0000-7000-8000-00000000000b"), { organisationId: orgA, status }),
      ).toBe(false);
      for (const role of ["DELEGATE", "COORDINATOR", "ADMIN"] as const) {
        expect(
          canEditProposal(
            { id: "u", role, delegation: null, organisationId: orgA },
            { organisationId: orgA, status },
          ),
        ).toBe(false);
      }
    }
  });
});
