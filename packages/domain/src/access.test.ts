import { describe, expect, it } from "vitest";
import { canSeeProject, type Actor } from "./access.js";
import { PROJECT_STATUSES } from "./enums.js";

const orgA = "0190c9a0-0000-7000-8000-00000000000a";
const orgB = "0190c9a0-0000-7000-8000-00000000000b";
const actor = (role: Actor["role"], organisationId: string | null = null): Actor => ({
  id: "u",
  role,
  delegation: role === "DELEGATE" ? "US" : null,
  organisationId,
});

const submittedAt = "2026-11-02T09:00:00.000Z";
// Only a draft, and a draft withdrawn before its first submission, were never submitted.
const submittedOf = (status: (typeof PROJECT_STATUSES)[number]) => (status === "DRAFT" ? null : submittedAt);

describe("canSeeProject (DESIGN.md §4)", () => {
  it.each(PROJECT_STATUSES)("delegates, coordinators and admins see %s unless it is a draft", (status) => {
    for (const role of ["DELEGATE", "COORDINATOR", "ADMIN"] as const) {
      expect(
        canSeeProject(actor(role), { status, organisationId: orgA, submittedAt: submittedOf(status) }),
      ).toBe(status !== "DRAFT");
    }
  });

  it("nobody but its organisation sees a draft withdrawn before it was ever submitted", () => {
    const withdrawnDraft = { status: "WITHDRAWN", organisationId: orgA, submittedAt: null } as const;
    for (const role of ["DELEGATE", "COORDINATOR", "ADMIN"] as const) {
      expect(canSeeProject(actor(role), withdrawnDraft)).toBe(false);
    }
    expect(canSeeProject(actor("PARTNER", orgB), withdrawnDraft)).toBe(false);
    expect(canSeeProject(actor("PARTNER", orgA), withdrawnDraft)).toBe(true);
    // Withdrawn after a submission, it stays on the record for every delegate.
    expect(canSeeProject(actor("DELEGATE"), { ...withdrawnDraft, submittedAt })).toBe(true);
  });

  it.each(PROJECT_STATUSES)("a partner sees its own organisation's %s project", (status) => {
    expect(
      canSeeProject(actor("PARTNER", orgA), {
        status,
        organisationId: orgA,
        submittedAt: submittedOf(status),
      }),
    ).toBe(true);
  });

  it.each(PROJECT_STATUSES)(
    "a partner sees another organisation's %s project only once approved",
    (status) => {
      const expected = ["APPROVED", "IN_DELIVERY", "COMPLETED"].includes(status);
      expect(
        canSeeProject(actor("PARTNER", orgA), {
          status,
          organisationId: orgB,
          submittedAt: submittedOf(status),
        }),
      ).toBe(expected);
    },
  );
});
