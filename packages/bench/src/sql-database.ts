// One small interface over the two ways the bench and the baseline reach the database: a `pg`
// pool (PostgreSQL) or PGlite's own query API (the embedded database, opened in this process).
// PGlite is one connection: its transactions run one at a time, and so do its queries.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { createPglite } from "@lodestone/db/client";
import pg from "pg";
import { acquireDataDirLock } from "@lodestone/db/lock";
import { CUSTOM_PLANS, statementName } from "@lodestone/db/statement";

export type Row = pg.QueryResultRow;

export interface SqlResult<R extends Row> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite). */
  rowCount: number;
}

export interface SqlQueryable {
  /**
   * With values: one statement, bound parameters. Without: any number of statements, the last
   * one's rows. Rows are untyped by default, as `pg`'s are.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<R extends Row = any>(text: string, values?: readonly unknown[]): Promise<SqlResult<R>>;
}

export interface SqlDatabase extends SqlQueryable {
  readonly kind: "postgres" | "pglite";
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (db: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where a dataset lives: a PostgreSQL database, or a PGlite data directory. */
export type SqlTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/**
 * `prepared`: statements with values run as named prepared statements (parsed and planned once
 * per connection), as the API's hot statements do (packages/db/src/statement.ts); the baseline uses them.
 */
export function pgDatabase(pool: pg.Pool, { prepared = false }: { prepared?: boolean } = {}): SqlDatabase {
  const queryOn = (client: pg.Pool | pg.PoolClient) => {
    return async <R extends Row>(text: string, values?: readonly unknown[]) => {
      const result =
        prepared && values
          ? await client.query<R>({ name: statementName(text), text, values: values as unknown[] })
          : await client.query<R>(text, values as unknown[] | undefined);
      // Several statements without values answer with one result each; keep the last one's rows.
      const all = (Array.isArray(result) ? result : [result]) as pg.QueryResult<R>[];
      return { rows: all.at(-1)?.rows ?? [], rowCount: all.reduce((n, r) => n + (r.rowCount ?? 0), 0) };
    };
  };
  return {
    kind: "postgres",
    query: queryOn(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: queryOn(client) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** bigint as a string, as `pg` returns it (PGlite's default is a number). */
const PG_COMPATIBLE_PARSERS = { 20: (value: string) => value };

/**
 * A JavaScript array as a PostgreSQL array literal, as `pg` sends it: PGlite serialises arrays
 * only for the built-in array types, not for arrays of the schema's enums.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return "NULL";
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  };
  return `{${values.map(element).join(",")}}`;
}

export function toPgliteParams(values: readonly unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? arrayLiteral(v) : v));
}

type PgliteQueryable = Pick<PGlite, "query" | "exec">;

function pgliteQuery(db: PgliteQueryable) {
  return async <R extends Row>(text: string, values?: readonly unknown[]): Promise<SqlResult<R>> => {
    if (values && values.length > 0) {
      const result = await db.query<R>(text, toPgliteParams(values), { parsers: PG_COMPATIBLE_PARSERS });
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    }
    // Like pg without values: the simple protocol, which takes several statements.
    const results = await db.exec(text, { parsers: PG_COMPATIBLE_PARSERS });
    const last = results.at(-1);
    return {
      rows: (last?.rows ?? []) as R[],
      rowCount: results.reduce((n, r) => Math.max(n, r.affectedRows ?? 0), 0),
    };
  };
}

export function pgliteDatabase(pglite: PGlite, onClose: () => void = () => {}): SqlDatabase {
  return {
    kind: "pglite",
    query: pgliteQuery(pglite),
    transaction: (work) => pglite.transaction((tx) => work({ query: pgliteQuery(tx) })),
    async close() {
      try {
        await pglite.close();
      } finally {
        onClose();
      }
    },
  };
}

/**
 * Opens a PGlite data directory the way the API does (same extensions), holding its lock so
 * that no other process opens it meanwhile. `pglite` is there for the migration engine.
 */
export async function openPglite(dataDir: string, holder: string): Promise<SqlDatabase & { pglite: PGlite }> {
  const lock = acquireDataDirLock(dataDir, holder);
  try {
    const pglite = createPglite(dataDir);
    await pglite.waitReady;
    return { ...pgliteDatabase(pglite, () => lock.release()), pglite };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export async function openSqlDatabase(
  target: SqlTarget,
  holder: string,
  connections = 1,
  options: { prepared?: boolean } = {},
): Promise<SqlDatabase> {
  if (target.kind === "pglite") return openPglite(target.dataDir, holder);
  return pgDatabase(
    new pg.Pool({
      connectionString: target.url,
      max: connections,
      // As the API's pool: every execution planned for its values.
      ...(options.prepared ? CUSTOM_PLANS : {}),
    }),
    options,
  );
}

/** PostgreSQL when DATABASE_URL is set, else the PGlite directory in LODESTONE_DATA_DIR. */
export function sqlTargetFromEnv(env: NodeJS.ProcessEnv): SqlTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  if (env.LODESTONE_DATA_DIR) return { kind: "pglite", dataDir: env.LODESTONE_DATA_DIR };
  throw new Error("Set DATABASE_URL (PostgreSQL) or LODESTONE_DATA_DIR (a PGlite data directory).");
}

/** The installed PGlite package's version. */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@electric-sql/pglite");
  const manifest = path.join(path.dirname(entry), "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
