import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client.js";
import { DataDirInUseError } from "./lock.js";
import { applyMigrations, loadMigrations } from "./migrations.js";
import { createTestDatabase, testDatabaseKind } from "./testing.js";

describe("openDatabase (embedded PGlite on disk)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("keeps data across restarts and refuses a second process-level opener", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lodestone-client-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "pglite");

    const first = await openDatabase({ dataDir, holder: "test API" });
    expect(first.kind).toBe("pglite");
    const folders = (await loadMigrations()).migrationDirectories.map((d) => d.path);
    expect(folders.length).toBeGreaterThanOrEqual(3);
    expect(await applyMigrations(first.adapterFactory)).toEqual(folders);
    await first.prisma.delegation.create({
      data: { code: "US", nameEn: "United States", nameJa: "アメリカ合衆国", kind: "FOUNDING" },
    });

    // The lock file names the holder; a second opener is refused with a clear message.
    // (Same process here, so simulate another live holder by writing our parent's pid.)
    await first.close();

    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, holder: "the Lodestone API" }));
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by the Lodestone API/);
    await rm(`${dataDir}.lock`);

    const second = await openDatabase({ dataDir });
    expect(await applyMigrations(second.adapterFactory)).toEqual([]);
    expect(await second.prisma.delegation.findMany({ select: { code: true, nameJa: true } })).toEqual([
      { code: "US", nameJa: "アメリカ合衆国" },
    ]);
    expect(await second.ping()).toBe(true);
    await second.close();
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lodestone-client-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "pglite");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, holder: "a crashed API" }));
    const db = await openDatabase({ dataDir });
    expect(await db.ping()).toBe(true);
    await db.close();
  });
});

describe(`createTestDatabase (${testDatabaseKind()})`, () => {
  it("gives a fresh, migrated database each time", async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    try {
      await a.prisma.delegation.create({
        data: { code: "JP", nameEn: "Japan", nameJa: "日本", kind: "FOUNDING" },
      });
      expect(await a.prisma.delegation.count()).toBe(1);
      expect(await b.prisma.delegation.count()).toBe(0);
      expect(a.kind).toBe(testDatabaseKind());
    } finally {
      await a.close();
      await b.close();
    }
  });
});
