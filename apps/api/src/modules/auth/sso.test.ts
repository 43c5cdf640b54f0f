// Single sign-on's admission (auth.admitSsoSignIn): linking a provider identity to an existing,
// active account with the verified address, once, audited, in one transaction.
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "../../context.js";
import { createCaller } from "../../root.js";
import { callerFor, createFixture, type Fixture } from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const internal = () => createCaller(createInnerContext({ db, internal: true, requestId: "req-sso-test" }));

let serial = 0;
/** A fresh person for each test, so the tests share no links. */
async function person(options: { deactivated?: boolean } = {}) {
  serial += 1;
  const user = await db.prisma.user.create({
    data: {
      name: `Person ${serial}`,
      email: `person.${serial}.${Date.now()}@gov.example`,
      role: "COORDINATOR",
      deactivatedAt: options.deactivated ? new Date() : null,
    },
    select: { id: true, email: true },
  });
  return user;
}

const admit = (input: { providerAccountId: string; email: string | null; emailVerified: boolean }) =>
  internal().auth.admitSsoSignIn({ provider: "oidc", ...input });

const linksOf = (userId: string) =>
  db.prisma.account.findMany({ where: { userId }, select: { provider: true, providerAccountId: true } });
const linkEventsOf = (userId: string) =>
  db.prisma.auditEvent.findMany({
    where: { entityType: "User", entityId: userId, action: "account.linked" },
    select: { actorId: true, after: true, requestId: true },
  });

describe("auth.admitSsoSignIn", () => {
  it("links an active account by its verified address on the first sign-in, and audits the link", async () => {
    const user = await person();
    const first = await admit({ providerAccountId: "sub-first", email: user.email, emailVerified: true });
    expect(first).toEqual({ outcome: "linked", userId: user.id });
    expect(await linksOf(user.id)).toEqual([{ provider: "oidc", providerAccountId: "sub-first" }]);
    expect(await linkEventsOf(user.id)).toEqual([
      {
        actorId: user.id,
        after: { provider: "oidc", providerAccountId: "sub-first", verifiedEmail: user.email },
        requestId: "req-sso-test",
      },
    ]);
    // No token of the provider is kept.
    const stored = await db.prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect([stored.access_token, stored.id_token, stored.refresh_token]).toEqual([null, null, null]);
    // next-auth's adapter now finds the identity.
    expect(
      await internal().auth.getUserByAccount({ provider: "oidc", providerAccountId: "sub-first" }),
    ).toMatchObject({ id: user.id });
  });

  it("matches the address whatever its case", async () => {
    const user = await person();
    const admitted = await admit({
      providerAccountId: "sub-case",
      email: `  ${user.email.toUpperCase()} `,
      emailVerified: true,
    });
    expect(admitted).toEqual({ outcome: "linked", userId: user.id });
  });

  it("reuses the link on the next sign-in: no second link, no second event", async () => {
    const user = await person();
    await admit({ providerAccountId: "sub-again", email: user.email, emailVerified: true });
    // The provider no longer sends the address, or no longer vouches for it: the subject decides.
    for (const claims of [
      { email: user.email, emailVerified: true },
      { email: null, emailVerified: false },
    ]) {
      expect(await admit({ providerAccountId: "sub-again", ...claims })).toEqual({
        outcome: "reused",
        userId: user.id,
      });
    }
    expect(await linksOf(user.id)).toHaveLength(1);
    expect(await linkEventsOf(user.id)).toHaveLength(1);
  });

  it("refuses to link by an address the provider did not verify", async () => {
    const user = await person();
    expect(
      await admit({ providerAccountId: "sub-unverified", email: user.email, emailVerified: false }),
    ).toEqual({ outcome: "refused", reason: "EMAIL_UNVERIFIED" });
    // The same answer for an address nobody has: an unverified claim learns nothing about accounts.
    expect(
      await admit({
        providerAccountId: "sub-unverified-2",
        email: "nobody@gov.example",
        emailVerified: false,
      }),
    ).toEqual({ outcome: "refused", reason: "EMAIL_UNVERIFIED" });
    expect(await linksOf(user.id)).toEqual([]);
    expect(await linkEventsOf(user.id)).toEqual([]);
  });

  it("refuses an address without an account, and a sign-in without an address", async () => {
    expect(
      await admit({ providerAccountId: "sub-stranger", email: "stranger@gov.example", emailVerified: true }),
    ).toEqual({ outcome: "refused", reason: "NO_ACCOUNT" });
    expect(await admit({ providerAccountId: "sub-no-address", email: null, emailVerified: true })).toEqual({
      outcome: "refused",
      reason: "NO_ACCOUNT",
    });
    expect(
      await db.prisma.account.count({
        where: { providerAccountId: { in: ["sub-stranger", "sub-no-address"] } },
      }),
    ).toBe(0);
  });

  it("refuses a deactivated account, linked or not", async () => {
    const inactive = await person({ deactivated: true });
    expect(
      await admit({ providerAccountId: "sub-inactive", email: inactive.email, emailVerified: true }),
    ).toEqual({ outcome: "refused", reason: "DEACTIVATED" });
    expect(await linksOf(inactive.id)).toEqual([]);

    // Linked while active, then deactivated: the link no longer signs anyone in.
    const later = await person();
    await admit({ providerAccountId: "sub-later", email: later.email, emailVerified: true });
    await db.prisma.user.update({ where: { id: later.id }, data: { deactivatedAt: new Date() } });
    expect(await admit({ providerAccountId: "sub-later", email: later.email, emailVerified: true })).toEqual({
      outcome: "refused",
      reason: "DEACTIVATED",
    });
    expect(
      await internal().auth.getUserByAccount({ provider: "oidc", providerAccountId: "sub-later" }),
    ).toBeNull();
    expect(await linkEventsOf(later.id)).toHaveLength(1);
  });

  it("refuses a second, different identity of the provider for an account already linked", async () => {
    const user = await person();
    await admit({ providerAccountId: "sub-one", email: user.email, emailVerified: true });
    expect(await admit({ providerAccountId: "sub-two", email: user.email, emailVerified: true })).toEqual({
      outcome: "refused",
      reason: "OTHER_IDENTITY_LINKED",
    });
    expect(await linksOf(user.id)).toEqual([{ provider: "oidc", providerAccountId: "sub-one" }]);
    expect(await linkEventsOf(user.id)).toHaveLength(1);
  });

  it("links once when two first sign-ins of one identity run at the same time", async () => {
    const user = await person();
    const results = await Promise.all(
      [1, 2, 3].map(() => admit({ providerAccountId: "sub-race", email: user.email, emailVerified: true })),
    );
    expect(results.filter((r) => r.outcome === "linked")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "reused")).toHaveLength(2);
    expect(await linksOf(user.id)).toHaveLength(1);
    expect(await linkEventsOf(user.id)).toHaveLength(1);
  });

  it("writes the link and its event in one transaction", async () => {
    const user = await person();
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_link_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'account.linked' THEN RAISE EXCEPTION 'audit store failed'; END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_link_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION refuse_link_audit()`,
    );
    try {
      const error = await admit({
        providerAccountId: "sub-tx",
        email: user.email,
        emailVerified: true,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(await linksOf(user.id)).toEqual([]);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_link_audit ON "AuditEvent"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_link_audit()`);
    }
  });

  it("is for the web's adapter only", async () => {
    for (const caller of [callerFor(db, null), callerFor(db, fx.users.admin)]) {
      const error = await caller.auth
        .admitSsoSignIn({
          provider: "oidc",
          providerAccountId: "x",
          email: fx.users.admin.email,
          emailVerified: true,
        })
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
    }
    expect(await linksOf(fx.users.admin.id)).toEqual([]);
  });

  it("refuses a verification flag that is not a boolean", async () => {
    const user = await person();
    const error = await internal()
      .auth.admitSsoSignIn({
        provider: "oidc",
        providerAccountId: "sub-string-flag",
        email: user.email,
        emailVerified: "true" as unknown as boolean,
      })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await linksOf(user.id)).toEqual([]);
  });
});
