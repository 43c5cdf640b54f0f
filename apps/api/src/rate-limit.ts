import { inTransaction, type Database } from "@lodestone/db/client";
import { countRateLimitHits, pruneRateLimitHits } from "@lodestone/db/repositories/rate-limit";
import {
  decideRate,
  rateLimitMessage,
  windowStart,
  type RateLimit,
  type RateLimitPolicy,
} from "@lodestone/domain/rate-limit";
import { TRPCError } from "@trpc/server";

/** The cause of a TOO_MANY_REQUESTS error: how long to wait (sent as `Retry-After` and in the error data). */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(rateLimitMessage(retryAfterSeconds));
    this.name = "RateLimited";
  }
}

interface LimitContext {
  db: Database;
  now: () => Date;
}

/**
 * Counts this request against each `[rule, key]` (in the database, so every API instance shares
 * the count) and refuses it with TOO_MANY_REQUESTS when any is over its limit. The count is its
 * own statement before the use-case's transaction: a refused or failed request still counts.
 */
export async function enforceRateLimits(
  ctx: LimitContext,
  checks: readonly (readonly [RateLimit, string])[],
): Promise<void> {
  const active = checks.filter(([rule]) => rule.limit > 0);
  if (!active.length) return;
  const now = ctx.now();
  const hits = active.map(([rule, key]) => ({ key, windowStart: windowStart(now, rule.windowSeconds) }));
  const counts = await countRateLimitHits(ctx.db.prisma, hits);
  let wait = 0;
  active.forEach(([rule], i) => {
    const decision = decideRate(rule, counts[i]!, hits[i]!.windowStart, now);
    if (!decision.allowed) wait = Math.max(wait, decision.retryAfterSeconds);
  });
  if (wait > 0) {
    const cause = new RateLimited(wait);
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
  }
}

/**
 * Whether a sign-in mail may go to `address` now. Counted silently, never refused (so a flood of
 * requests for someone else's address cannot lock its owner out): within the per-address burst,
 * yes; beyond it, at the slow rate of the trickle limit, so the owner's newest mail is never older
 * than one trickle window.
 */
export async function signInMailAllowed(
  ctx: LimitContext & { rateLimits: RateLimitPolicy },
  address: string,
): Promise<boolean> {
  const { signInMailsPerAddress: burst, signInMailTrickle: trickle } = ctx.rateLimits;
  if (burst.limit <= 0) return true;
  const now = ctx.now();
  const count = async (rule: RateLimit, key: string) => {
    const start = windowStart(now, rule.windowSeconds);
    const [n] = await countRateLimitHits(ctx.db.prisma, [{ key, windowStart: start }]);
    return decideRate(rule, n!, start, now).allowed;
  };
  if (await count(burst, `sign-in:address:${address}`)) return true;
  return trickle.limit > 0 && (await count(trickle, `sign-in:address-trickle:${address}`));
}

/** Drops counters of windows that ended before the longest window of `policy`. */
export function pruneRateLimits(ctx: LimitContext, policy: RateLimitPolicy): Promise<number> {
  const longest = Math.max(...Object.values(policy).map((r) => r.windowSeconds));
  const before = new Date(ctx.now().getTime() - longest * 1000);
  return inTransaction(ctx.db, (tx) => pruneRateLimitHits(tx, before));
}
