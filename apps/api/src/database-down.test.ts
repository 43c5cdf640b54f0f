import { openDatabase } from "@lodestone/db/client";
import { afterAll, describe, expect, it } from "vitest";
import { createServices } from "./context.js";
import { buildHttpServer, createLogger } from "./http.js";

// A PostgreSQL URL where nothing listens: the API must say so clearly, never answer 500.
const db = await openDatabase({
  databaseUrl: "postgresql://postgres@127.0.0.1:9/lodestone",
  dataDir: "unused",
});
const app = await buildHttpServer({ services: createServices(db), logger: createLogger("silent") });
afterAll(async () => {
  await app.close();
  await db.close();
});

describe("with the database unreachable", () => {
  it("/healthz answers 503 and says the database is down", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: "unavailable", database: "down" });
  });

  it("procedures answer 503 SERVICE_UNAVAILABLE with a clear message", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/trpc/project.list",
      headers: { authorization: "Bearer some-session-token-0123456789" },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      error: { message: "The database is not reachable right now. Please try again in a moment." },
    });
  });
});
