import type { Tx } from "../client.js";
import { Prisma } from "../generated/prisma/client.js";
import { queryRows } from "../statement.js";

/**
 * Counts one request against each key in the window starting at its `windowStart` and returns
 * each window's count with it, in the order given. One statement (insert or increment, all keys
 * at once; the keys must differ), so concurrent requests on any number of API instances each get
 * their own count, and it needs no transaction around it.
 */
export async function countRateLimitHits(
  tx: Tx,
  hits: readonly { key: string; windowStart: Date }[],
): Promise<number[]> {
  if (!hits.length) return [];
  const rows = await queryRows<{ key: string; count: number }>(
    tx,
    Prisma.sql`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count")
    VALUES ${Prisma.join(hits.map((h) => Prisma.sql`(${h.key}::text, ${h.windowStart}::timestamptz, 1)`))}
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "key", "count"`,
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  return hits.map((h) => counts.get(h.key) ?? 1);
}

/** Removes windows that ended before `before`; returns how many rows went. */
export async function pruneRateLimitHits(tx: Tx, before: Date): Promise<number> {
  const result = await tx.rateLimitHit.deleteMany({ where: { windowStart: { lt: before } } });
  return result.count;
}
