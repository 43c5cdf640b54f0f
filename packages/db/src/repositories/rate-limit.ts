import type { Tx } from "../client.js";

/**
 * Counts one request against `key` in the window starting at `windowStart` and returns the
 * window's count with it. One statement (insert or increment), so concurrent requests on any
 * number of API instances each get their own count.
 */
export async function countRateLimitHit(tx: Tx, key: string, windowStart: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  return Number(row?.count ?? 1);
}

/** Removes windows that ended before `before`; returns how many rows went. */
export async function pruneRateLimitHits(tx: Tx, before: Date): Promise<number> {
  const result = await tx.rateLimitHit.deleteMany({ where: { windowStart: { lt: before } } });
  return result.count;
}
