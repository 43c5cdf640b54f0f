// The bench's own databases: fresh PostgreSQL databases (dropped at the end) or PGlite data
// directories in temporary directories (removed at the end), unless --keep.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabase, createPgliteDatabase, dropDatabase } from "./generate.js";
import type { BenchMode } from "./mode.js";
import { openSqlDatabase, type SqlDatabase, type SqlTarget } from "./sql-database.js";

export class ScratchDatabases {
  private readonly databases: string[] = [];
  /** Temporary directories holding PGlite data directories. */
  private readonly scratchDirs: string[] = [];

  constructor(private readonly mode: BenchMode) {}

  /** A fresh, empty database with the schema: a PostgreSQL database or a PGlite directory. */
  async fresh(label: string): Promise<{ target: SqlTarget; db: SqlDatabase }> {
    if (this.mode.kind === "postgres") {
      const created = await createDatabase(this.mode.serverUrl!);
      this.databases.push(created.name);
      const target: SqlTarget = { kind: "postgres", url: created.url };
      return { target, db: await openSqlDatabase(target, "the benchmark") };
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), "lodestone-bench-"));
    this.scratchDirs.push(dir);
    const target: SqlTarget = { kind: "pglite", dataDir: path.join(dir, label) };
    return { target, db: await createPgliteDatabase(target.dataDir) };
  }

  /** Drops the databases and removes the directories; with `keep`, names the directories kept. */
  async cleanUp(keep: boolean): Promise<void> {
    if (keep) {
      for (const dir of this.scratchDirs) console.log(`Kept the PGlite data in ${dir}`);
      for (const name of this.databases) console.log(`Kept the PostgreSQL database ${name}`);
      return;
    }
    for (const name of this.databases) await dropDatabase(this.mode.serverUrl!, name).catch(() => {});
    for (const dir of this.scratchDirs) await rm(dir, { recursive: true, force: true });
  }
}

/** Opens the database for `work` and closes it afterwards (on PGlite, so that a server can open it). */
export async function withDatabase<T>(target: SqlTarget, work: (db: SqlDatabase) => Promise<T>): Promise<T> {
  const db = await openSqlDatabase(target, "the benchmark");
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
