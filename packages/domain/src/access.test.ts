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

describe("canSeeProject (DESIGN.md §4)", () => {
  it.each(PROJECT_STATUSES)("delegates, coordinators and admins see %s unless it is a draft", (status) => {
    for (const role of ["DELEGATE", "COORDINATOR", "ADMIN"] as const) {
      expect(canSeeProject(actor(role), { status, organisationId: orgA })).toBe(status !== "DRAFT");
    }
  });

  it.each(PROJECT_STATUSES)("a partner sees its own organisation's %s project", (status) => {
    expect(canSeeProject(actor("PARTNER", orgA), { status, organisationId: orgA })).toBe(true);
  });

  it.each(PROJECT_STATUSES)(
    "a partner sees another organisation's %s project only once approved",
    (status) => {
      const expected = ["APPROVED", "IN_DELIVERY", "COMPLETED"].includes(status);
      expect(canSeeProject(actor("PARTNER", orgA), { status, organisationId: orgB })).toBe(expected);
    },
  );
});
