import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from "@lodestone/domain/rate-limit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext, createServices } from "./context.js";
import { buildHttpServer, createLogger } from "./http.js";
import { createCaller } from "./root.js";
import { callerFor, createFixture, sessionFor, type Fixture } from "./test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const tight: RateLimitPolicy = {
  ...DEFAULT_RATE_LIMITS,
  mutationsPerUser: { limit: 3, windowSeconds: 60 },
  mutationsPerIp: { limit: 5, windowSeconds: 60 },
  signInMailsPerAddress: { limit: 2, windowSeconds: 900 },
  signInMailTrickle: { limit: 1, windowSeconds: 60 },
  signInMailsPerIp: { limit: 3, windowSeconds: 900 },
};
// A fixed clock 18 s before the end of a minute window.
const now = () => new Date("2026-11-24T10:07:42.000Z");

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("rate limits", () => {
  it("refuse a user's mutations over the limit with TOO_MANY_REQUESTS and the wait, queries still answer", async () => {
    const api = callerFor(db, fx.users.usDelegate, { rateLimits: tight, now });
    for (let i = 0; i < 3; i++) await api.user.updateProfile({ name: `Delegate ${i}` });
    const error = await refusal(api.user.updateProfile({ name: "One too many" }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toBe("Too many requests. Please wait 18 seconds and try again.");
    // Nothing of the refused call was applied.
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: fx.users.usDelegate.id } });
    expect(user.name).toBe("Delegate 2");
    // Reading is not limited; another user has a count of their own.
    await expect(api.auth.me()).resolves.toMatchObject({ id: fx.users.usDelegate.id });
    const other = callerFor(db, fx.users.jpDelegate, { rateLimits: tight, now });
    await expect(other.user.updateProfile({ name: "JP delegate" })).resolves.toBeDefined();
    // The next window starts afresh.
    const later = callerFor(db, fx.users.usDelegate, {
      rateLimits: tight,
      now: () => new Date("2026-11-24T10:08:01.000Z"),
    });
    await expect(later.user.updateProfile({ name: "Next minute" })).resolves.toBeDefined();
  });

  it("are shared by every API instance, because the count lives in the database", async () => {
    const instanceA = createServices(db, { rateLimits: tight, now: () => new Date("2026-11-24T11:00:10Z") });
    const instanceB = createServices(db, { rateLimits: tight, now: () => new Date("2026-11-24T11:00:20Z") });
    const on = (services: typeof instanceA) =>
      createCaller(createInnerContext({ ...services, session: fx.users.coordinator }));
    await on(instanceA).user.updateProfile({ name: "A1" });
    await on(instanceB).user.updateProfile({ name: "B1" });
    await on(instanceA).user.updateProfile({ name: "A2" });
    expect((await refusal(on(instanceB).user.updateProfile({ name: "B2" }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("hold 200 concurrent mutations of one user to exactly the limit", async () => {
    const policy = { ...tight, mutationsPerUser: { limit: 50, windowSeconds: 60 } };
    const clock = () => new Date("2026-11-24T12:00:00Z");
    const api = callerFor(db, fx.users.admin, { rateLimits: policy, now: clock });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => api.user.updateProfile({ name: `Admin ${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(50);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => (r.reason as TRPCError).code === "TOO_MANY_REQUESTS")).toBe(true);
  });

  it("never lock an address out: beyond the burst, requests for it are answered alike and mails go on slowly", async () => {
    const sent: string[] = [];
    const at = (iso: string) =>
      createCaller(
        createInnerContext({
          db,
          internal: true,
          rateLimits: tight,
          mailer: { kind: "outbox", send: async (mail) => void sent.push(mail.to) },
          now: () => new Date(iso),
        }),
      );
    const victim = fx.users.partnerA.email;
    const input = {
      email: victim,
      url: "http://localhost/api/auth/callback/email?token=x",
      locale: "en" as const,
    };
    // Someone floods the address (from many client addresses, so no per-client limit stops them).
    const flood = at("2026-11-24T13:05:00Z");
    for (let i = 0; i < 20; i++) {
      await expect(flood.auth.sendSignInLink({ ...input, clientIp: `198.51.100.${i + 1}` })).resolves.toEqual(
        { ok: true },
      );
    }
    // The burst (2) and one trickle mail went out; the rest were counted silently.
    expect(sent.filter((to) => to === victim)).toHaveLength(3);
    // The owner asks in the same minute: the same answer, no refusal; the newest mail in their inbox is a minute old at most.
    await expect(flood.auth.sendSignInLink({ ...input, email: victim.toUpperCase() })).resolves.toEqual({
      ok: true,
    });
    // One trickle window later their request is mailed, flood or not.
    await at("2026-11-24T13:06:01Z").auth.sendSignInLink(input);
    expect(sent.filter((to) => to === victim)).toHaveLength(4);
    // An unknown address gets the same answer and no mail.
    await expect(flood.auth.sendSignInLink({ ...input, email: "nobody@unknown.example" })).resolves.toEqual({
      ok: true,
    });
    expect(sent).not.toContain("nobody@unknown.example");
  });

  it("limit sign-in mails per client address when the web server passes it, across e-mail addresses", async () => {
    const internal = createCaller(
      createInnerContext({
        db,
        internal: true,
        rateLimits: tight,
        now: () => new Date("2026-11-24T15:05:00Z"),
      }),
    );
    const ask = (email: string, clientIp: string | null) =>
      internal.auth.sendSignInLink({ email, url: "http://localhost/api/auth/callback/email?t=1", clientIp });
    for (let i = 0; i < 3; i++) await ask(`person-${i}@ip-test.example`, "203.0.113.9");
    const error = await refusal(ask("person-3@ip-test.example", "203.0.113.9"));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    // Another client address, or none known, is not held back by it.
    await expect(ask("person-4@ip-test.example", "198.51.100.20")).resolves.toEqual({ ok: true });
    await expect(ask("person-5@ip-test.example", null)).resolves.toEqual({ ok: true });
  });

  it("over HTTP: per client address behind the trusted proxy, with Retry-After and the wait in the error data", async () => {
    const app = await buildHttpServer({
      services: createServices(db, {
        rateLimits: { ...tight, mutationsPerUser: { limit: 0, windowSeconds: 60 } },
        now: () => new Date("2026-11-24T14:00:30Z"),
      }),
      logger: createLogger("silent"),
    });
    try {
      const token = await sessionFor(db, fx.users.partnerB.id);
      const post = (forwardedFor: string) =>
        app.inject({
          method: "POST",
          url: "/trpc/user.updateProfile",
          headers: { authorization: `Bearer ${token}`, "x-forwarded-for": forwardedFor },
          payload: { name: "Partner B" },
        });
      for (let i = 0; i < 5; i++) expect((await post("203.0.113.7")).statusCode).toBe(200);
      const refused = await post("203.0.113.7");
      expect(refused.statusCode).toBe(429);
      expect(refused.headers["retry-after"]).toBe("30");
      expect(refused.json()).toMatchObject({
        error: {
          message: "Too many requests. Please wait 30 seconds and try again.",
          data: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: 30 },
        },
      });
      // Another client address behind the same proxy has its own count.
      expect((await post("198.51.100.2")).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
