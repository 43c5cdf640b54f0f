import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPglite, pgliteAdapterFactory } from "./client.js";
import { diffMigrationsToSchema } from "./migrations.js";
import { schemaPath } from "./paths.js";

// The migrations are replayed on a shadow PGlite and compared with schema.prisma.
describe("schema.prisma and prisma/migrations", () => {
  const pglite = createPglite();
  const factory = pgliteAdapterFactory(pglite);
  afterAll(() => pglite.close());

  it("agree: the migrations build exactly the schema", async () => {
    const sql = await diffMigrationsToSchema(factory);
    expect(sql, `schema.prisma changed without a migration; run pnpm db:migrate:new <name>:\n${sql}`).toBe(
      "",
    );
  });

  it("the check bites: a schema with a field the migrations lack is reported", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lodestone-drift-"));
    try {
      const drifted = (await readFile(schemaPath, "utf8")).replace(
        "model Delegation {",
        "model Delegation {\n  motto String?",
      );
      const driftedPath = path.join(dir, "schema.prisma");
      await writeFile(driftedPath, drifted);
      const sql = await diffMigrationsToSchema(factory, { schemaPath: driftedPath });
      expect(sql).toMatch(/ALTER TABLE "Delegation" ADD COLUMN\s+"motto" TEXT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
