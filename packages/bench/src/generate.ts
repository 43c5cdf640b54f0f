// Creates a fresh PostgreSQL database or PGlite data directory, applies the migrations and fills
// it with the generated dataset (the same SQL on both); creates signed-in sessions for the load.
import { createHash, randomBytes } from "node:crypto";
import { openDatabase, pgliteAdapterFactory } from "@lodestone/db/client";
import { applyMigrations } from "@lodestone/db/migrations";
import pg from "pg";
import {
  activitySql,
  baseSql,
  delegateCount,
  FIRST_COORDINATOR,
  firstDelegate,
  projectsSql,
  uuidOf,
  type DatasetSize,
} from "./dataset.js";
import { openPglite, type SqlDatabase, type SqlQueryable } from "./sql-database.js";

export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `lodestone_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(serverUrl, name);
  const db = await openDatabase({ databaseUrl: url, dataDir: "memory://", holder: "bench" });
  try {
    await applyMigrations(db.adapterFactory);
  } finally {
    await db.close();
  }
  return { name, url };
}

/**
 * Opens a new PGlite data directory in this process (holding its lock) and applies the
 * migrations, as the API's embedded start does. Close it before a server opens the directory.
 */
export async function createPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  const db = await openPglite(dataDir, "the benchmark");
  try {
    await applyMigrations(pgliteAdapterFactory(db.pglite));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface Timed {
  label: string;
  rows: number;
  ms: number;
}

async function run(db: SqlQueryable, statements: string[]): Promise<number> {
  let rows = 0;
  for (const sql of statements) {
    const result = await db.query(sql);
    rows += result.rowCount;
  }
  return rows;
}

async function timed(label: string, work: () => Promise<number>, log: Timed[]): Promise<void> {
  const t0 = performance.now();
  const rows = await work();
  log.push({ label, rows, ms: performance.now() - t0 });
}

/** Fills the database (one connection); returns how long each table group took. */
export async function generate(client: SqlQueryable, size: DatasetSize): Promise<Timed[]> {
  const log: Timed[] = [];
  await client.query("SET synchronous_commit = off");
  await timed("delegations, organisations, users", () => run(client, baseSql(size)), log);
  await timed(
    "projects (+ sponsors, revisions)",
    () => run(client, projectsSql(size, 1, size.projects)),
    log,
  );
  const [rounds, votes, comments, milestones] = activitySql(size);
  await timed("review rounds", () => run(client, [rounds!]), log);
  await timed("votes", () => run(client, [votes!]), log);
  await timed("comments", () => run(client, [comments!]), log);
  await timed("milestones", () => run(client, [milestones!]), log);
  // As autovacuum leaves a database after bulk inserts: statistics, and the visibility map that
  // index-only scans need (the dashboard's aggregates read a narrow index).
  await timed("vacuum, analyze", () => run(client, ["VACUUM ANALYZE"]).then(() => 0), log);
  // The bulk load's pages are written out now, not by the checkpointer during the first measured
  // runs. (Needs superuser or pg_checkpoint; without them the step is skipped.)
  await timed(
    "checkpoint",
    () =>
      run(client, ["CHECKPOINT"]).then(
        () => 0,
        () => 0,
      ),
    log,
  );
  return log;
}

/** Adds projects `from`..`to` to a database generated with `size` (for the scaling curve). */
export async function growProjects(
  client: SqlQueryable,
  size: DatasetSize,
  from: number,
  to: number,
): Promise<number> {
  const t0 = performance.now();
  await run(client, projectsSql(size, from, to));
  await client.query('VACUUM ANALYZE "Project"');
  await client.query('VACUUM ANALYZE "ProjectSponsor"');
  return performance.now() - t0;
}

export interface Sessions {
  coordinator: string;
  /** Delegates' tokens, with the user number of each. */
  delegates: { token: string; userNumber: number }[];
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Signed-in sessions as next-auth would store them (sha256 of the token). */
export async function createSessions(
  client: SqlQueryable,
  size: DatasetSize,
  delegates: number,
): Promise<Sessions> {
  const fd = firstDelegate(size.users);
  const count = Math.min(delegates, delegateCount(size.users));
  const coordinator = randomBytes(24).toString("hex");
  const list = Array.from({ length: count }, (_, i) => ({
    token: randomBytes(24).toString("hex"),
    userNumber: fd + i,
  }));
  const rows = [{ token: coordinator, userNumber: FIRST_COORDINATOR }, ...list];
  await client.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     SELECT gen_random_uuid(), t, ${uuidOf("u", "n")}, now() + interval '1 day'
     FROM unnest($1::text[], $2::int[]) AS s(t, n)`,
    [rows.map((r) => hashToken(r.token)), rows.map((r) => r.userNumber)],
  );
  return { coordinator, delegates: list };
}
