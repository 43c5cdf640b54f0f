// Written-out statements on the hot paths — the session of every request, the project list,
// comment pages, a project's record and its access record, and a vote's three statements (the
// rate-limit count, the round and the vote itself) — on PostgreSQL go straight to the pg pool that
// Prisma's adapter uses, as named prepared statements. Through Prisma the same statement costs the
// API 1.5 to 2.5 times the CPU (its query interpreter and row conversion on top of pg;
// `pnpm --filter @lodestone/bench queries`), and PostgreSQL parses it on every call. Everywhere
// else — PGlite, and any statement inside a transaction — it goes through `tx.$queryRaw`, so it
// sees, and is part of, its transaction. A statement sent directly runs in a transaction of its
// own, as any single statement does: writes that go this way are one statement each. Both paths
// return the same values for the column types these statements use (checked by statement.test.ts).
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/prisma/client.js";

/** What `queryRows` accepts: a Prisma client or transaction client (`Tx`). */
interface RawQueryable {
  $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

const direct = new WeakMap<object, pg.Pool>();

/**
 * Settings of a pool that runs prepared statements: each execution is planned for its values. A
 * generic plan cannot use the trigram index for a search pattern (measured: the Japanese search
 * fell from 681 to 25 req/s once PostgreSQL switched to one); parsing once per connection is what
 * prepared statements still save.
 */
export const CUSTOM_PLANS: pg.PoolConfig = { options: "-c plan_cache_mode=force_custom_plan" };

/** Lets `queryRows` on this client (not its transactions) use `pool` directly. */
export function runDirectlyThrough(client: object, pool: pg.Pool): void {
  direct.set(client, pool);
}

// Values as `$queryRaw` gives them for the types the written-out statements return: BIGINT as a
// bigint (pg: a string). timestamptz, int4, float8, text, uuid, bool, text[] and jsonb come out of
// pg the same way already.
const INT8 = 20;
const parsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8
      ? (text: string) => BigInt(text)
      : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

const names = new Map<string, string>();
/** The same statement text gets the same name on every connection (pg prepares it once each). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `r${createHash("sha256").update(text).digest("base64url").slice(0, 22)}`;
    names.set(text, name);
  }
  return name;
}

/** Whether `queryRows` on this client goes straight to pg (PostgreSQL, outside a transaction). */
export function runsDirectly(client: object): boolean {
  return direct.has(client);
}

/** A parameter as pg should send it (Dates as ISO text, bigints as decimal text). */
function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** A driver failure without an SQLSTATE (the connection ended): PostgreSQL's "connection failure". */
export class ConnectionFailure extends Error {
  readonly code = "08006";
  constructor(cause: unknown) {
    super("The connection to the database failed.", { cause });
    this.name = "ConnectionFailure";
  }
}

/**
 * The rows of one written-out statement (`Prisma.sql`), with column names as the statement names
 * them. Parameters go as text: a parameter whose type PostgreSQL cannot infer from its place (a
 * value in a SELECT list, say) needs a cast in the statement.
 */
export async function queryRows<Row>(tx: RawQueryable, query: Prisma.Sql): Promise<Row[]> {
  const pool = direct.get(tx);
  if (!pool) return tx.$queryRaw<Row[]>(query);
  const text = query.text;
  try {
    const result = await pool.query({
      name: statementName(text),
      text,
      values: query.values.map(param),
      types: parsers,
    });
    return result.rows as Row[];
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw typeof code === "string" ? error : new ConnectionFailure(error);
  }
}
