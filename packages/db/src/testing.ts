// Test databases: a fresh, migrated database per call. PGlite in memory by default; with
// DATABASE_URL set, a new PostgreSQL database (named lodestone_test_<random>) on that server,
// dropped again on close, so parallel runs never collide.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./client.js";
import { createDecisionSigner, generateSigningKey, type DecisionSigner } from "./decision-seal.js";
import { applyMigrations } from "./migrations.js";

export interface TestDatabase extends Database {
  /** Closes the connection and, on PostgreSQL, drops the database. */
  close(): Promise<void>;
  /** On PostgreSQL, the database's own URL (for a server process started against it). */
  url?: string;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The server a test run uses: DATABASE_URL when set (PostgreSQL), else PGlite. */
export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: "memory://" });
    await applyMigrations(db.adapterFactory);
    return db;
  }
  const name = `lodestone_test_${randomBytes(6).toString("hex")}`;
  const url = withDatabaseName(serverUrl, name);
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const db = await openDatabase({ databaseUrl: url, dataDir: "unused" });
  try {
    await applyMigrations(db.adapterFactory);
  } catch (error) {
    await db.close();
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw error;
  }
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

let signer: DecisionSigner | undefined;
/** A decision signing key for this test process (generated once). */
export function testSigner(): DecisionSigner {
  return (signer ??= createDecisionSigner(generateSigningKey()));
}
