import { describe, expect, it } from "vitest";
import { affiliationNotHeldBy } from "./affiliation";

describe("affiliationNotHeldBy: what a role change empties", () => {
  it("keeps a delegate's delegation and a partner's organisation, and empties the other", () => {
    expect(affiliationNotHeldBy("DELEGATE")).toEqual(["organisationId"]);
    expect(affiliationNotHeldBy("PARTNER")).toEqual(["delegation"]);
  });

  it("empties both for coordinators, admins and before a role is chosen", () => {
    for (const role of ["COORDINATOR", "ADMIN", ""] as const) {
      expect([...affiliationNotHeldBy(role)].sort()).toEqual(["delegation", "organisationId"]);
    }
  });
});
