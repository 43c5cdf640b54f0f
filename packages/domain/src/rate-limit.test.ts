import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideRate, rateLimitMessage, windowStart } from "./rate-limit.js";

describe("rate limits", () => {
  it("aligns windows to the epoch", () => {
    const now = new Date("2026-11-24T10:07:42.500Z");
    expect(windowStart(now, 60).toISOString()).toBe("2026-11-24T10:07:00.000Z");
    expect(windowStart(now, 900).toISOString()).toBe("2026-11-24T10:00:00.000Z");
  });

  it("allows up to the limit and then tells how long to wait until the window ends", () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const start = new Date("2026-11-24T10:07:00Z");
    const now = new Date("2026-11-24T10:07:42.500Z");
    expect(decideRate(rule, 3, start, now)).toEqual({ allowed: true });
    expect(decideRate(rule, 4, start, now)).toEqual({ allowed: false, retryAfterSeconds: 18 });
    expect(decideRate({ limit: 0, windowSeconds: 60 }, 10_000, start, now)).toEqual({ allowed: true });
  });

  it("never asks to wait less than a second or beyond the window", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (windowSeconds, t) => {
          const now = new Date(t);
          const start = windowStart(now, windowSeconds);
          const decision = decideRate({ limit: 1, windowSeconds }, 2, start, now);
          if (decision.allowed) return false;
          return decision.retryAfterSeconds >= 1 && decision.retryAfterSeconds <= windowSeconds;
        },
      ),
    );
  });

  it("words the wait for people", () => {
    expect(rateLimitMessage(1)).toBe("Too many requests. Please wait 1 second and try again.");
    expect(rateLimitMessage(45)).toBe("Too many requests. Please wait 45 seconds and try again.");
    expect(rateLimitMessage(600)).toBe("Too many requests. Please wait 10 minutes and try again.");
  });
});
