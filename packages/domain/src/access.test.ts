import { describe, expect, it } from "vitest";
import {
  canManageProposal,
  canSeeProject,
  may,
  PERMISSIONS,
  projectVisibility,
  rolesFor,
  type Actor,
  type Permission,
} from "./access.js";
import { PROJECT_STATUSES, ROLES, type Role } from "./enums.js";

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

describe("who may do what by role (DESIGN.md §4, written out here as the table reads)", () => {
  // Each row of the table with the roles that hold it; every other role is refused.
  const TABLE: [Permission, Role[]][] = [
    ["proposal.manage", ["PARTNER"]],
    ["comment.write", ["DELEGATE", "COORDINATOR", "PARTNER"]],
    ["comment.moderate", ["COORDINATOR", "ADMIN"]],
    ["round.vote", ["DELEGATE"]],
    ["round.run", ["COORDINATOR"]],
    ["round.readResultsWhileOpen", ["COORDINATOR", "ADMIN"]],
    ["round.readVotesWhileOpen", ["COORDINATOR"]],
    ["delivery.plan", ["COORDINATOR"]],
    ["delivery.report", ["DELEGATE", "COORDINATOR", "PARTNER"]],
    ["documents.upload", ["DELEGATE", "COORDINATOR", "PARTNER"]],
    ["documents.organise", ["COORDINATOR"]],
    ["documents.scanStatus", ["COORDINATOR", "ADMIN"]],
    ["gates.advance", ["COORDINATOR"]],
    ["gates.evidence", ["COORDINATOR", "PARTNER"]],
    ["gates.signOff", ["DELEGATE", "COORDINATOR"]],
    ["funding.record", ["DELEGATE", "COORDINATOR"]],
    ["permitting.edit", ["COORDINATOR", "PARTNER"]],
    ["permitting.determine", ["COORDINATOR"]],
    ["audit.read", ["COORDINATOR", "ADMIN"]],
    ["users.manage", ["ADMIN"]],
    ["delegations.manage", ["ADMIN"]],
  ];

  it("covers every permission the domain defines, and nothing else", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(TABLE.map(([p]) => p).sort());
  });

  it.each(TABLE)("%s: held by %j only", (permission, holders) => {
    for (const role of ROLES) expect(may(role, permission), role).toBe(holders.includes(role));
    expect([...rolesFor(permission)].sort()).toEqual([...holders].sort());
  });
});

describe("canManageProposal", () => {
  it("is for partners of the proposing organisation only", () => {
    expect(canManageProposal(actor("PARTNER", orgA), { organisationId: orgA })).toBe(true);
    expect(canManageProposal(actor("PARTNER", orgB), { organisationId: orgA })).toBe(false);
  });

  it("refuses a partner without an organisation, and every other role even with a matching organisation", () => {
    expect(canManageProposal(actor("PARTNER", null), { organisationId: orgA })).toBe(false);
    for (const role of ["DELEGATE", "COORDINATOR", "ADMIN"] as const) {
      expect(canManageProposal(actor(role, orgA), { organisationId: orgA })).toBe(false);
    }
  });
});

describe("projectVisibility: the description the repositories turn into SQL", () => {
  it("describes partners by their organisation and the statuses public to partners; everyone else by submission", () => {
    expect(projectVisibility(actor("PARTNER", orgA))).toEqual({
      kind: "ownOrPublic",
      organisationId: orgA,
      publicStatuses: ["APPROVED", "IN_DELIVERY", "COMPLETED"],
    });
    for (const role of ["DELEGATE", "COORDINATOR", "ADMIN"] as const) {
      expect(projectVisibility(actor(role, orgA))).toEqual({ kind: "submitted" });
    }
  });
});
