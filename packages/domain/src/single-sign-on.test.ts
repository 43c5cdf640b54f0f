import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdmitSsoSignInCommand,
  decideSsoAdmission,
  isEmailVerifiedClaim,
  type SsoAdmissionFacts,
} from "./single-sign-on.js";

const user = "0190c9a0-0000-7000-8000-000000000001";
const facts = (overrides: Partial<SsoAdmissionFacts>): SsoAdmissionFacts => ({
  providerAccountId: "sub-1",
  linkedTo: null,
  emailVerified: true,
  accountByEmail: { userId: user, active: true, linkedIdentities: [] },
  ...overrides,
});

describe("isEmailVerifiedClaim", () => {
  it("counts only the boolean true", () => {
    expect(isEmailVerifiedClaim(true)).toBe(true);
    for (const claim of [false, "true", 1, null, undefined, {}, "yes"]) {
      expect(isEmailVerifiedClaim(claim)).toBe(false);
    }
  });
});

describe("decideSsoAdmission", () => {
  it("links an active account found by a verified address", () => {
    expect(decideSsoAdmission(facts({}))).toEqual({ kind: "link", userId: user });
  });

  it("reuses a linked identity of an active account, whatever the address claims say now", () => {
    for (const emailVerified of [true, false, undefined]) {
      expect(
        decideSsoAdmission(
          facts({ linkedTo: { userId: user, active: true }, emailVerified, accountByEmail: null }),
        ),
      ).toEqual({ kind: "reuse", userId: user });
    }
  });

  it("refuses a linked identity whose account is deactivated", () => {
    expect(decideSsoAdmission(facts({ linkedTo: { userId: user, active: false } }))).toEqual({
      kind: "refuse",
      reason: "DEACTIVATED",
    });
  });

  it("refuses to link by an address the provider did not verify", () => {
    for (const emailVerified of [false, "true", undefined, null, 1]) {
      expect(decideSsoAdmission(facts({ emailVerified }))).toEqual({
        kind: "refuse",
        reason: "EMAIL_UNVERIFIED",
      });
    }
  });

  it("refuses an unknown address and a deactivated account", () => {
    expect(decideSsoAdmission(facts({ accountByEmail: null }))).toEqual({
      kind: "refuse",
      reason: "NO_ACCOUNT",
    });
    expect(
      decideSsoAdmission(facts({ accountByEmail: { userId: user, active: false, linkedIdentities: [] } })),
    ).toEqual({ kind: "refuse", reason: "DEACTIVATED" });
  });

  it("refuses a second identity of the same provider for one account, and reuses the same one", () => {
    const linked = { userId: user, active: true, linkedIdentities: ["sub-other"] };
    expect(decideSsoAdmission(facts({ accountByEmail: linked }))).toEqual({
      kind: "refuse",
      reason: "OTHER_IDENTITY_LINKED",
    });
    expect(decideSsoAdmission(facts({ accountByEmail: { ...linked, linkedIdentities: ["sub-1"] } }))).toEqual(
      { kind: "reuse", userId: user },
    );
  });

  it("never links, and never reveals the account, unless the address is verified", () => {
    const account = fc.option(
      fc.record({ userId: fc.constant(user), active: fc.boolean(), linkedIdentities: fc.array(fc.string()) }),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.anything(),
        account,
        fc.string({ minLength: 1 }),
        (emailVerified, accountByEmail, sub) => {
          fc.pre(emailVerified !== true);
          expect(
            decideSsoAdmission({ providerAccountId: sub, linkedTo: null, emailVerified, accountByEmail }),
          ).toEqual({ kind: "refuse", reason: "EMAIL_UNVERIFIED" });
        },
      ),
    );
  });

  it("admits only active accounts", () => {
    const account = fc.record({
      userId: fc.constant(user),
      active: fc.boolean(),
      linkedIdentities: fc.array(fc.constantFrom("sub-1", "sub-2")),
    });
    const linkedTo = fc.option(fc.record({ userId: fc.constant(user), active: fc.boolean() }), { nil: null });
    fc.assert(
      fc.property(linkedTo, account, fc.boolean(), (linked, byEmail, emailVerified) => {
        const decision = decideSsoAdmission({
          providerAccountId: "sub-1",
          linkedTo: linked,
          emailVerified,
          accountByEmail: byEmail,
        });
        const active = linked ? linked.active : byEmail.active;
        if (decision.kind !== "refuse") expect(active).toBe(true);
      }),
    );
  });
});

describe("AdmitSsoSignInCommand", () => {
  it("normalises the address and keeps a missing one as null", () => {
    expect(
      AdmitSsoSignInCommand.parse({
        provider: "oidc",
        providerAccountId: "abc",
        email: " Aiko@Example.JP ",
        emailVerified: true,
      }),
    ).toMatchObject({ email: "aiko@example.jp" });
    expect(
      AdmitSsoSignInCommand.parse({
        provider: "oidc",
        providerAccountId: "abc",
        email: null,
        emailVerified: false,
      }).email,
    ).toBeNull();
  });

  it("refuses a verification flag that is not a boolean", () => {
    expect(
      AdmitSsoSignInCommand.safeParse({
        provider: "oidc",
        providerAccountId: "abc",
        email: "a@b.c",
        emailVerified: "true",
      }).success,
    ).toBe(false);
  });
});
