import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { affiliationProblems, checkAffiliation, InviteUserInput, TimeZone } from "./user.js";

describe("checkAffiliation", () => {
  const org = "0190c9a0-0000-7000-8000-000000000001";
  it.each([
    ["DELEGATE", "US", null],
    ["PARTNER", null, org],
    ["COORDINATOR", null, null],
    ["ADMIN", null, null],
  ] as const)("accepts %s with delegation %s and organisation %s", (role, delegation, organisation) => {
    expect(() => checkAffiliation(role, delegation, organisation)).not.toThrow();
  });

  it.each([
    ["DELEGATE", null, null, "must belong to a delegation"],
    ["PARTNER", null, null, "must belong to an organisation"],
    ["COORDINATOR", "US", null, "Only delegates"],
    ["ADMIN", null, org, "Only partners"],
    ["DELEGATE", "US", org, "Only partners"],
  ] as const)("refuses %s with %s / %s", (role, delegation, organisation, message) => {
    expect(() => checkAffiliation(role, delegation, organisation)).toThrow(DomainError);
    expect(() => checkAffiliation(role, delegation, organisation)).toThrow(message);
  });
});

describe("InviteUserInput", () => {
  it("normalises the email and fills defaults", () => {
    expect(InviteUserInput.parse({ name: " Aiko ", email: "Aiko@Example.JP", role: "COORDINATOR" })).toEqual({
      name: "Aiko",
      email: "aiko@example.jp",
      role: "COORDINATOR",
      delegation: null,
      organisationId: null,
      locale: "en",
      timeZone: "UTC",
    });
  });

  it("refuses an unknown time zone and a bad email", () => {
    expect(TimeZone.safeParse("Mars/Olympus").success).toBe(false);
    expect(TimeZone.safeParse("Asia/Tokyo").success).toBe(true);
    expect(InviteUserInput.safeParse({ name: "A", email: "nope", role: "ADMIN" }).success).toBe(false);
  });
});

describe("affiliationProblems: each refusal with its field and reason", () => {
  it("names the field each refusal is about", () => {
    expect(affiliationProblems("DELEGATE", null, null).map((p) => [p.field, p.reason])).toEqual([
      ["delegation", "delegationRequired"],
    ]);
    expect(affiliationProblems("PARTNER", "US", null).map((p) => [p.field, p.reason])).toEqual([
      ["organisationId", "organisationRequired"],
      ["delegation", "delegationNotAllowed"],
    ]);
    expect(affiliationProblems("ADMIN", null, "org").map((p) => [p.field, p.reason])).toEqual([
      ["organisationId", "organisationNotAllowed"],
    ]);
    expect(affiliationProblems("COORDINATOR", null, null)).toEqual([]);
  });

  it("checkAffiliation refuses with the first problem's message", () => {
    expect(() => checkAffiliation("PARTNER", "US", null)).toThrow(
      "A partner must belong to an organisation.",
    );
  });
});
