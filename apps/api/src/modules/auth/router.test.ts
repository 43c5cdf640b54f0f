import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext, hashToken } from "../../context.js";
import { createMailer } from "../../mailer.js";
import { createCaller } from "../../root.js";
import { callerFor, callerWithToken, createFixture, sessionFor, type Fixture } from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const quietLog = { info: () => {} };
const internal = () =>
  createCaller(
    createInnerContext({ db, internal: true, mailer: createMailer({ from: "x@y.z", db, log: quietLog }) }),
  );
const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`);

describe("internal adapter procedures", () => {
  it("refuse callers without the internal secret, signed in or not", async () => {
    for (const user of [null, fx.users.admin, fx.users.coordinator]) {
      const error = await callerFor(db, user)
        .auth.getUserByEmail({ email: fx.users.usDelegate.email })
        .catch((e: unknown) => e);
      expect(codeOf(error)).toBe("FORBIDDEN");
    }
  });

  it("find active users only", async () => {
    const api = internal();
    expect(await api.auth.getUserByEmail({ email: fx.users.usDelegate.email.toUpperCase() })).toMatchObject({
      id: fx.users.usDelegate.id,
    });
    expect(await api.auth.getUserByEmail({ email: fx.users.deactivated.email })).toBeNull();
    expect(await api.auth.getUserByEmail({ email: "nobody@test.example" })).toBeNull();
  });

  it("store sessions hashed and resolve them to the caller until they expire", async () => {
    const api = internal();
    const token = "a-session-token-0123456789abcdef";
    const expires = new Date(Date.now() + 3_600_000);
    await api.auth.createSession({ sessionToken: token, userId: fx.users.jpDelegate.id, expires });

    const stored = await db.prisma.session.findMany({ where: { userId: fx.users.jpDelegate.id } });
    expect(stored.map((s) => s.sessionToken)).toEqual([hashToken(token)]);

    const found = await api.auth.getSessionAndUser({ sessionToken: token });
    expect(found?.user).toMatchObject({
      id: fx.users.jpDelegate.id,
      role: "DELEGATE",
      delegation: "JP",
      locale: "ja",
    });

    const me = await (await callerWithToken(db, token)).auth.me();
    expect(me.id).toBe(fx.users.jpDelegate.id);

    // Past its expiry the same token resolves to nobody.
    const later = new Date(expires.getTime() + 1000);
    const expired = await (await callerWithToken(db, token, later)).auth.me().catch((e: unknown) => e);
    expect(codeOf(expired)).toBe("UNAUTHORIZED");

    await api.auth.deleteSession({ sessionToken: token });
    expect(await api.auth.getSessionAndUser({ sessionToken: token })).toBeNull();
  });

  it("refuse a session for a deactivated user", async () => {
    const error = await internal()
      .auth.createSession({
        sessionToken: "another-token-0123456789abcdef",
        userId: fx.users.deactivated.id,
        expires: new Date(Date.now() + 60_000),
      })
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe("FORBIDDEN");
  });

  it("consume a verification token exactly once", async () => {
    const api = internal();
    const token = {
      identifier: fx.users.usDelegate.email,
      token: "hashed-token-0123456789",
      expires: new Date(Date.now() + 60_000),
    };
    await api.auth.createVerificationToken(token);
    expect(
      await api.auth.useVerificationToken({ identifier: token.identifier, token: token.token }),
    ).toMatchObject({
      token: token.token,
    });
    expect(
      await api.auth.useVerificationToken({ identifier: token.identifier, token: token.token }),
    ).toBeNull();
  });

  it("mail a sign-in link to known users only, with the same answer for unknown ones", async () => {
    const api = internal();
    const url = "http://localhost:3000/api/auth/callback/email?token=abc";
    const known = await api.auth.sendSignInLink({ email: fx.users.jpDelegate.email, url, locale: "en" });
    const unknown = await api.auth.sendSignInLink({ email: "stranger@test.example", url, locale: "en" });
    const deactivated = await api.auth.sendSignInLink({
      email: fx.users.deactivated.email,
      url,
      locale: "en",
    });
    expect(unknown).toEqual(known);
    expect(deactivated).toEqual(known);
    const mails = await db.prisma.outboxMail.findMany({ select: { to: true, subject: true, text: true } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: fx.users.jpDelegate.email, subject: "Lodestone へのサインイン" });
    expect(mails[0]?.text).toContain(url);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the caller and records it", async () => {
    const user = fx.users.coordinator;
    const t1 = await sessionFor(db, user.id);
    const t2 = await sessionFor(db, user.id);
    const result = await (await callerWithToken(db, t1)).auth.signOutEverywhere();
    expect(result.sessionsEnded).toBe(2);
    for (const t of [t1, t2]) {
      expect(codeOf(await (await callerWithToken(db, t)).auth.me().catch((e: unknown) => e))).toBe(
        "UNAUTHORIZED",
      );
    }
    const audit = await db.prisma.auditEvent.findFirst({
      where: { action: "session.signed_out_everywhere", actorId: user.id },
    });
    expect(audit).not.toBeNull();
  });

  it("is refused when signed out", async () => {
    expect(
      codeOf(
        await callerFor(db, null)
          .auth.signOutEverywhere()
          .catch((e: unknown) => e),
      ),
    ).toBe("UNAUTHORIZED");
  });
});

describe("dev.outbox", () => {
  it("lists mails newest first while the outbox is on", async () => {
    const page = await callerFor(db, null).dev.outbox({ limit: 10 });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it("does not exist with SMTP configured or in production", async () => {
    const api = createCaller(createInnerContext({ db, devOutbox: false }));
    expect(codeOf(await api.dev.outbox({ limit: 10 }).catch((e: unknown) => e))).toBe("NOT_FOUND");
  });
});
