import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { seed } from "@lodestone/db/seed";
import { BODY_TOO_LARGE_MESSAGE } from "@lodestone/domain/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, processSigner } from "./context.js";
import { buildHttpServer, createLogger } from "./http.js";
import { sessionFor } from "./test/fixtures.js";

let db: TestDatabase;
let app: Awaited<ReturnType<typeof buildHttpServer>>;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db.prisma, processSigner());
  const delegate = await db.prisma.user.findUniqueOrThrow({
    where: { email: "delegate.us@lodestone.example" },
  });
  token = await sessionFor(db, delegate.id);
  app = await buildHttpServer({ services: createServices(db), logger: createLogger("silent") });
});
afterAll(async () => {
  await app.close();
});

describe("HTTP host", () => {
  it("reports a reachable database on /healthz", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: "up" });
  });

  it("serves project.list over /trpc with batching and its own request id, to a Bearer session", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { limit: 2 }, 1: { limit: 3 } }));
    const res = await app.inject({
      method: "GET",
      url: `/trpc/project.list,project.list?batch=1&input=${input}`,
      headers: { "x-request-id": "req-123", authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    // The server makes up request ids; the client's is logged beside it, never used in its place.
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const body = res.json() as { result: { data: { items: unknown[] } } }[];
    expect(body.map((r) => r.result.data.items.length)).toEqual([2, 3]);
  });

  it("resolves next-auth's session cookie, and refuses without a session", async () => {
    const url = `/trpc/auth.me`;
    const withCookie = await app.inject({
      method: "GET",
      url,
      headers: { cookie: `a=b; next-auth.session-token=${token}` },
    });
    expect(withCookie.statusCode).toBe(200);
    expect(withCookie.json()).toMatchObject({ result: { data: { email: "delegate.us@lodestone.example" } } });
    const without = await app.inject({ method: "GET", url });
    expect(without.statusCode).toBe(401);
    const forged = await app.inject({
      method: "GET",
      url,
      headers: { cookie: "next-auth.session-token=forged" },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("answers invalid input with 400 and a readable message", async () => {
    const input = encodeURIComponent(JSON.stringify({ limit: -1 }));
    const res = await app.inject({
      method: "GET",
      url: `/trpc/project.list?input=${input}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as {
      error: { message: string; data: { fieldErrors: Record<string, string[]> } };
    };
    expect(body.error.message).toBe("Some fields need attention.");
    expect(body.error.data.fieldErrors.limit?.length).toBeGreaterThan(0);
  });

  it("refuses a page larger than the limit and a body over 1 MiB with clear messages", async () => {
    const input = encodeURIComponent(JSON.stringify({ limit: 101 }));
    const page = await app.inject({
      method: "GET",
      url: `/trpc/project.list?input=${input}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.statusCode).toBe(400);
    expect(page.json()).toMatchObject({ error: { data: { fieldErrors: { limit: [expect.any(String)] } } } });

    const huge = await app.inject({
      method: "POST",
      url: "/trpc/user.updateProfile",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({
      error: { message: BODY_TOO_LARGE_MESSAGE, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } },
    });
  });

  it("refuses text holding a NUL character or half a surrogate pair with 400 and says so", async () => {
    for (const name of ["Margaret\u0000Ellison", "Margaret \ud800", "\udc00 Ellison"]) {
      const res = await app.inject({
        method: "POST",
        url: "/trpc/user.updateProfile",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        payload: JSON.stringify({ name }),
      });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json()).toMatchObject({ error: { message: expect.stringContaining("NUL character") } });
    }
    // A whole pair (an emoji) is fine.
    const ok = await app.inject({
      method: "POST",
      url: "/trpc/user.updateProfile",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: JSON.stringify({ name: "Margaret Ellison 🧲" }),
    });
    expect(ok.statusCode).toBe(200);
  });

  it("answers an unknown procedure with 404, not 500", async () => {
    const res = await app.inject({ method: "GET", url: "/trpc/project.nothing" });
    expect(res.statusCode).toBe(404);
  });

  it("reports 503 on /healthz once the database is gone", async () => {
    await db.close();
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: "unavailable", database: "down" });
  });
});
