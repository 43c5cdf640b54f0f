/**
 * Rate limits: fixed windows counted in the database, so that every API instance shares them.
 * A request is allowed while the count of its window, this request included, stays at or under
 * the limit; a refused request learns when its window ends.
 */

export interface RateLimit {
  /** At most this many requests per window (0 or less: the limit is off). */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitPolicy {
  /** Every state-changing procedure, per signed-in user. */
  mutationsPerUser: RateLimit;
  /** Every state-changing procedure, per client address. */
  mutationsPerIp: RateLimit;
  /** Queries that read across many projects (dashboards, exports, searches), per signed-in user. */
  heavyQueriesPerUser: RateLimit;
  /**
   * Sign-in mails, per e-mail address asked for (known or not, so the answer tells nothing). Never
   * a refusal: someone flooding another person's address must not lock them out. Beyond this
   * burst, requests are counted silently and answered as usual, and mails go on at the slow rate
   * of `signInMailTrickle`, so the address's owner always has a fresh, working link.
   */
  signInMailsPerAddress: RateLimit;
  /** Beyond the per-address burst: at most this many mails to the address per window. */
  signInMailTrickle: RateLimit;
  /** Sign-in mails, per client address. */
  signInMailsPerIp: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  mutationsPerUser: { limit: 120, windowSeconds: 60 },
  mutationsPerIp: { limit: 600, windowSeconds: 60 },
  heavyQueriesPerUser: { limit: 120, windowSeconds: 60 },
  signInMailsPerAddress: { limit: 5, windowSeconds: 15 * 60 },
  signInMailTrickle: { limit: 1, windowSeconds: 2 * 60 },
  signInMailsPerIp: { limit: 30, windowSeconds: 15 * 60 },
};

/** Every limit off (tools and tests that are not about limits). */
export const NO_RATE_LIMITS: RateLimitPolicy = {
  mutationsPerUser: { limit: 0, windowSeconds: 60 },
  mutationsPerIp: { limit: 0, windowSeconds: 60 },
  heavyQueriesPerUser: { limit: 0, windowSeconds: 60 },
  signInMailsPerAddress: { limit: 0, windowSeconds: 900 },
  signInMailTrickle: { limit: 0, windowSeconds: 120 },
  signInMailsPerIp: { limit: 0, windowSeconds: 900 },
};

/** The start of the window `now` falls in (windows are aligned to the epoch). */
export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether the `count`-th request of the window that started at `start` is allowed. */
export function decideRate(rule: RateLimit, count: number, start: Date, now: Date): RateDecision {
  if (rule.limit <= 0 || count <= rule.limit) return { allowed: true };
  const end = start.getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
}

/** The message a refused caller reads. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 90
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many requests. Please wait ${wait} and try again.`;
}
