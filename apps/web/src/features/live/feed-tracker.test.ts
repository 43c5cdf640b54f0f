import { describe, expect, it } from "vitest";
import { RETRY_FIRST_MS, RETRY_MOST_MS, createFeedTracker } from "./feed-tracker";

describe("createFeedTracker", () => {
  it("does not read everything again on the first start", () => {
    expect(createFeedTracker().started()).toBe(false);
  });

  it("resumes a feed that had received an event (the link sends its position)", () => {
    const feed = createFeedTracker();
    feed.started();
    feed.received("41");
    expect(feed.started()).toBe(false);
  });

  it("starts afresh when the connection came back before any event arrived", () => {
    const feed = createFeedTracker();
    feed.started();
    expect(feed.started()).toBe(true);
  });

  it("starts afresh after the feed ended, whatever it had received", () => {
    const feed = createFeedTracker();
    feed.started();
    feed.received("41");
    feed.ended();
    expect(feed.started()).toBe(true);
  });

  it("waits longer each time in a row it ends, up to the most, and from the first again once started", () => {
    const feed = createFeedTracker();
    const waits = Array.from({ length: 8 }, () => feed.ended());
    expect(waits.slice(0, 3)).toEqual([RETRY_FIRST_MS, RETRY_FIRST_MS * 2, RETRY_FIRST_MS * 4]);
    expect(waits.at(-1)).toBe(RETRY_MOST_MS);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    feed.started();
    expect(feed.ended()).toBe(RETRY_FIRST_MS);
  });
});
