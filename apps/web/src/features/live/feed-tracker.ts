/** The first wait before subscribing again after the feed ended; doubled each time, up to the most. */
export const RETRY_FIRST_MS = 1_000;
export const RETRY_MOST_MS = 30_000;

/**
 * Where the page's live feed stands, across its reconnections: the last event it received and
 * how often in a row it ended without coming back. Knows whether a (re)start resumes where the feed left off or
 * starts afresh, when what happened meanwhile is unknown.
 */
export interface FeedTracker {
  /** The feed (re)started. True when it starts afresh after an earlier start: read everything again. */
  started(): boolean;
  /** An event arrived, with its position in the log. */
  received(id: string): void;
  /**
   * The feed ended (it failed, or the server closed it) and will be subscribed again afresh: how
   * long to wait first.
   */
  ended(): number;
}

export function createFeedTracker(): FeedTracker {
  let lastEventId: string | null = null;
  let startedBefore = false;
  let failures = 0;
  return {
    started() {
      // The SSE link resumes after the last event it received; with none, it starts at the head.
      const afresh = startedBefore && lastEventId === null;
      startedBefore = true;
      failures = 0;
      return afresh;
    },
    received(id) {
      lastEventId = id;
    },
    ended() {
      const wait = Math.min(RETRY_MOST_MS, RETRY_FIRST_MS * 2 ** failures);
      failures += 1;
      // Subscribed again from scratch: the new subscription knows no last event.
      lastEventId = null;
      return wait;
    },
  };
}
