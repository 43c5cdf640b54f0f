// What an adversary found at the API's door (issue: hardening), over HTTP through Fastify's own
// pipeline. The connection's peer address is injected (light-my-request's `remoteAddress`): a
// non-loopback peer at the unit level. The web's half is proven with a real second address in a
// network namespace (apps/web/e2e/security.spec.ts).
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from "@lodestone/domain/rate-limit";
import { MAX_BATCH_CALLS } from "@lodestone/domain/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, isLoopback, normalizeIp } from "./context.js";
import { loadEnv } from "./env.js";
import { buildHttpServer, createLogger } from "./http.js";
import { createFixture, inDeliveryOf, sessionFor, type Fixture } from "./test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;
let app: Awaited<ReturnType<typeof buildHttpServer>>;
let delegateToken: string;
let coordinatorToken: string;
let adminToken: string;

const policy: RateLimitPolicy = {
  ...DEFAULT_RATE_LIMITS,
  mutationsPerIp: { limit: 1000, windowSeconds: 60 },
  heavyQueriesPerUser: { limit: 25, windowSeconds: 60 },
};

const startedAt = new Date();

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  delegateToken = await sessionFor(db, fx.users.usDelegate.id);
  coordinatorToken = await sessionFor(db, fx.users.coordinator.id);
  adminToken = await sessionFor(db, fx.users.admin.id);
  app = await buildHttpServer({
    // A fixed clock: the limits' one-minute windows must not end halfway through a test.
    services: createServices(db, { rateLimits: policy, now: () => startedAt }),
    logger: createLogger("silent"),
  });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const outboxUrl = `/trpc/dev.outbox?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`;

describe("the development outbox answers only this machine", () => {
  it("answers a loopback peer (IPv4, IPv6, IPv4-mapped)", async () => {
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.0.2"]) {
      const res = await app.inject({ method: "GET", url: outboxUrl, remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
    }
  });

  it("refuses any other peer with 404, whatever the headers claim", async () => {
    for (const remoteAddress of ["203.0.113.9", "192.168.1.20", "::ffff:10.0.0.1", "2001:db8::1"]) {
      const res = await app.inject({
        method: "GET",
        url: outboxUrl,
        remoteAddress,
        headers: { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", host: "localhost" },
      });
      expect(res.statusCode, remoteAddress).toBe(404);
      expect(res.json()).toMatchObject({ error: { data: { code: "NOT_FOUND" } } });
    }
  });

  it("is off in production and with SMTP, even on loopback", async () => {
    const base = {
      NODE_ENV: "development" as const,
      LODESTONE_INTERNAL_SECRET: "x".repeat(32),
      LODESTONE_DECISION_SIGNING_KEY: "unused-here",
      LODESTONE_WEB_URL: "https://lodestone.example.org",
    };
    expect(loadEnv({ ...base, NODE_ENV: "production" as const }).devOutbox).toBe(false);
    // Links in notification mails need the web's public address in production.
    expect(() => loadEnv({ ...base, NODE_ENV: "production" as const, LODESTONE_WEB_URL: undefined })).toThrow(
      /LODESTONE_WEB_URL is required in production/,
    );
    expect(loadEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:2525" }).devOutbox).toBe(false);
    expect(loadEnv({ ...base }).devOutbox).toBe(true);
    const production = await buildHttpServer({
      services: createServices(db, { devOutbox: false }),
      logger: createLogger("silent"),
    });
    try {
      const res = await production.inject({ method: "GET", url: outboxUrl, remoteAddress: "127.0.0.1" });
      expect(res.statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe("addresses", () => {
  it("knows loopback and normalises addresses", () => {
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("10.0.0.1")).toBe(false);
    expect(isLoopback("localhost")).toBe(false);
    expect(normalizeIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeIp("x".repeat(400))).toBeNull();
  });

  it("a 400-character X-Forwarded-For from the trusted web neither fails a mutation nor becomes a key", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/trpc/user.updateProfile",
      remoteAddress: "127.0.0.1",
      headers: {
        authorization: `Bearer ${delegateToken}`,
        "content-type": "application/json",
        "x-forwarded-for": "9".repeat(400),
      },
      payload: JSON.stringify({ name: "Forwarded" }),
    });
    expect(res.statusCode).toBe(200);
    const keys = await db.prisma.rateLimitHit.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes("9999"))).toBe(false);
    expect(keys.some((k) => k.key === "mutation:ip:127.0.0.1")).toBe(true);
  });

  it("believes a valid forwarded address from the trusted web, and only from it", async () => {
    const send = (remoteAddress: string) =>
      app.inject({
        method: "POST",
        url: "/trpc/user.updateProfile",
        remoteAddress,
        headers: {
          authorization: `Bearer ${delegateToken}`,
          "content-type": "application/json",
          "x-forwarded-for": "198.51.100.77",
        },
        payload: JSON.stringify({ name: "Forwarded again" }),
      });
    expect((await send("127.0.0.1")).statusCode).toBe(200);
    expect((await send("203.0.113.50")).statusCode).toBe(200);
    const keys = (await db.prisma.rateLimitHit.findMany({ select: { key: true } })).map((k) => k.key);
    expect(keys).toContain("mutation:ip:198.51.100.77");
    expect(keys).toContain("mutation:ip:203.0.113.50");
  });
});

describe("cookies", () => {
  it("a malformed session cookie is no session (401), not a 500", async () => {
    for (const cookie of [
      "next-auth.session-token=%",
      "__Secure-next-auth.session-token=%E0%A4%A",
      "next-auth.session-token=%; a=%zz",
      "=; ;;next-auth.session-token",
    ]) {
      const res = await app.inject({ method: "GET", url: "/trpc/auth.me", headers: { cookie } });
      expect(res.statusCode, cookie).toBe(401);
    }
  });
});

describe("dates PostgreSQL cannot hold", () => {
  it("year 0 is a 400 with the accepted range, at every procedure that takes a date", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const auth = { authorization: `Bearer ${coordinatorToken}`, "content-type": "application/json" };
    const milestone = await app.inject({
      method: "POST",
      url: "/trpc/delivery.createMilestone",
      headers: auth,
      payload: JSON.stringify({ projectId, titleEn: "Year zero", titleJa: "紀元0年", dueDate: "0000-01-01" }),
    });
    expect(milestone.statusCode).toBe(400);
    expect(milestone.json()).toMatchObject({
      error: { data: { fieldErrors: { dueDate: ["Use a date between 1900-01-01 and 2199-12-31."] } } },
    });
    const replan = await app.inject({
      method: "POST",
      url: "/trpc/delivery.replan",
      headers: auth,
      payload: JSON.stringify({
        milestoneId: "6f1c1c3e-8a0b-4a53-9a1e-4f7f2e7a2b10",
        dueDate: "0000-01-01",
        reason: "Year zero",
        version: 1,
      }),
    });
    expect(replan.statusCode).toBe(400);
    expect(JSON.stringify(replan.json())).toContain("Use a date between 1900-01-01 and 2199-12-31.");
    const audit = await app.inject({
      method: "GET",
      url: `/trpc/audit.list?input=${encodeURIComponent(JSON.stringify({ from: "0000-01-01T00:00:00Z" }))}`,
      headers: auth,
    });
    expect(audit.statusCode).toBe(400);
    const round = await app.inject({
      method: "POST",
      url: "/trpc/review.open",
      headers: auth,
      payload: JSON.stringify({ projectId, closesAt: "0000-01-01T00:00:00Z" }),
    });
    expect(round.statusCode).toBe(400);
  });
});

describe("batches", () => {
  it(`answers ${MAX_BATCH_CALLS} calls and refuses ${MAX_BATCH_CALLS + 1} with 400 and a clear message`, async () => {
    const headers = { authorization: `Bearer ${coordinatorToken}` };
    const ok = await app.inject({ method: "GET", url: batchUrlFor(MAX_BATCH_CALLS), headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toHaveLength(MAX_BATCH_CALLS);
    const over = await app.inject({ method: "GET", url: batchUrlFor(MAX_BATCH_CALLS + 1), headers });
    expect(over.statusCode).toBe(400);
    const body = over.json() as { error: { message: string; data: { code: string } } }[];
    expect(body).toHaveLength(MAX_BATCH_CALLS + 1);
    expect(body[0]!.error.message).toMatch(`at most ${MAX_BATCH_CALLS} calls`);
    expect(body[0]!.error.data.code).toBe("BAD_REQUEST");
  });

  it("refuses an empty procedure name in a batch with 400", async () => {
    const res = await app.inject({ method: "GET", url: "/trpc/auth.me,,auth.me?batch=1" });
    expect(res.statusCode).toBe(400);
  });
});

describe("heavy queries", () => {
  it("count per user in the database and are refused with 429 and Retry-After beyond the limit", async () => {
    await db.prisma.rateLimitHit.deleteMany({ where: { key: { startsWith: "heavy-query:" } } });
    const headers = { authorization: `Bearer ${delegateToken}` };
    // The limit is 25: one batch of 20 passes, the next is refused as soon as it goes over.
    const first = await app.inject({ method: "GET", url: batchUrlFor(20), headers });
    expect(first.statusCode).toBe(200);
    const second = await app.inject({ method: "GET", url: batchUrlFor(20), headers });
    const answers = second.json() as { error?: { data: { code: string } } }[];
    const refused = answers.filter((a) => a.error?.data.code === "TOO_MANY_REQUESTS");
    expect(refused).toHaveLength(15);
    expect(Number(second.headers["retry-after"])).toBeGreaterThan(0);
    // Another user has a count of their own; light queries are not counted.
    const other = await app.inject({
      method: "GET",
      url: "/trpc/dashboard.pipeline",
      headers: { authorization: `Bearer ${coordinatorToken}` },
    });
    expect(other.statusCode).toBe(200);
    const light = await app.inject({ method: "GET", url: "/trpc/auth.me", headers });
    expect(light.statusCode).toBe(200);
  });
});

function batchUrlFor(n: number) {
  const paths = Array(n).fill("dashboard.pipeline").join(",");
  const input = encodeURIComponent(
    JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))),
  );
  return `/trpc/${paths}?batch=1&input=${input}`;
}

describe("request ids", () => {
  it("are the server's own; a client's id goes to the log beside it, never into the audit log", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/trpc/user.invite",
      remoteAddress: "127.0.0.1",
      headers: {
        authorization: `Bearer ${adminToken}`,
        "content-type": "application/json",
        "x-request-id": "forged-request-id",
      },
      payload: JSON.stringify({
        name: "Invited",
        email: "invited.request-id@test.example",
        role: "COORDINATOR",
      }),
    });
    expect(res.statusCode).toBe(200);
    const serverId = res.headers["x-request-id"];
    expect(serverId).toMatch(/^[0-9a-f-]{36}$/);
    // The invitation's audit event carries the server's id.
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.invited" } });
    expect(event.requestId).toBe(serverId);
    expect(await db.prisma.auditEvent.count({ where: { requestId: "forged-request-id" } })).toBe(0);
  });
});
