// Written-out hot reads (the session of every request, the project list, comment pages, a
// project's record and its access record) on PostgreSQL go straight to the pg pool that Prisma's
// adapter uses, as named prepared statements. Through `$queryRaw` the same statement costs the
// API 1.5 to 2.5 times the CPU (Prisma's query interpreter and row conversion on top of pg;
// `pnpm --filter @lodestone/bench queries`), and PostgreSQL parses it on every call. Everywhere else — PGlite, and any read inside a transaction —
// the statement goes through `tx.$queryRaw`, so a read sees its transaction's writes. Both paths
// return the same values for the column types these reads use (checked by read.test.ts).
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/prisma/client.js";

/** What `readRows` accepts: a Prisma client or transaction client (`Tx`). */
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

/** Lets `readRows` on this client (not its transactions) use `pool` directly. */
export function readDirectlyThrough(client: object, pool: pg.Pool): void {
  direct.set(client, pool);
}

// Values as `$queryRaw` gives them for the types the written-out reads return: BIGINT as a
// bigint (pg: a string). timestamptz, int4, float8, text, uuid, bool and text[] come out of pg
// the same way already.
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

/** Whether `readRows` on this client goes straight to pg (PostgreSQL, outside a transaction). */
export function readsDirectly(client: object): boolean {
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

/** The rows of one written-out read (`Prisma.sql`), with column names as the statement names them. */
export async function readRows<Row>(tx: RawQueryable, query: Prisma.Sql): Promise<Row[]> {
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
