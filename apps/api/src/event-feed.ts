import type { Database } from "@lodestone/db/client";
import {
  compareCursorKeys,
  cursorKey,
  EVENT_CHANNEL,
  type CursorKey,
  logHead,
  readEvents,
  type LogCursor,
  type ReadEvent,
} from "@lodestone/db/repositories/events";

/**
 * One instance's reader of the event log, shared by every live subscription it serves: it reads
 * each new event once and keeps the latest ones, so a thousand subscribers cost one query per
 * change, not a thousand. It reads when woken by a notification (PostgreSQL LISTEN/NOTIFY, sent
 * by whichever instance wrote the event; on PGlite, in-process) and, in case a notification is
 * lost or an event was held back behind a slower transaction, every `pollMs`. It runs only while
 * someone subscribes.
 */
export interface EventFeed {
  /** Starts the feed for one more subscriber (it runs while any hold it); resolves once it knows the log's head. */
  acquire(): Promise<() => void>;
  /** The cursor after the last event the log holds readable now. */
  head(): Promise<LogCursor>;
  /** The events after `cursor` this feed holds, in order, or null when `cursor` is older than what it keeps (read the log). */
  after(cursor: LogCursor): ReadEvent[] | null;
  /** Resolves true once the feed has read past `cursor`; false when `signal` aborts or the feed closes (end the subscription). */
  beyond(cursor: LogCursor, signal: AbortSignal): Promise<boolean>;
  close(): Promise<void>;
}

export interface EventFeedOptions {
  /** Read the log at least this often while subscribed (ms). */
  pollMs?: number;
  /** How many recent events to keep for subscribers that fall behind. */
  keep?: number;
  onError?: (error: unknown) => void;
}

const BATCH = 500;

interface Waiter {
  key: CursorKey;
  resolve: (advanced: boolean) => void;
}

export function createEventFeed(db: Database, options: EventFeedOptions = {}): EventFeed {
  const pollMs = options.pollMs ?? 1000;
  const keep = options.keep ?? 2000;
  const onError = options.onError ?? (() => {});
  let holders = 0;
  let started: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | null = null;
  let listening = false;
  /** The cursor before `recent[0]`, and after the last event read. Null until started. */
  let base: CursorKey | null = null;
  let last: LogCursor | null = null;
  let lastKey: CursorKey | null = null;
  /** The latest events read, in the log's order, and their keys. */
  let recent: ReadEvent[] = [];
  let recentKeys: CursorKey[] = [];
  let waiters: Waiter[] = [];
  let reading: Promise<void> | null = null;
  let again = false;

  const release = () => {
    const waiting = waiters;
    waiters = [];
    for (const w of waiting) {
      if (lastKey && compareCursorKeys(lastKey, w.key) > 0) w.resolve(true);
      else waiters.push(w);
    }
  };

  async function readNew() {
    if (!last) return;
    for (;;) {
      const batch = await readEvents(db.prisma, last, BATCH);
      if (!batch.length) return;
      recent.push(...batch);
      recentKeys.push(...batch.map((e) => cursorKey(e.cursor)));
      last = batch[batch.length - 1]!.cursor;
      lastKey = recentKeys[recentKeys.length - 1]!;
      if (recent.length > keep) {
        const drop = recent.length - keep;
        base = recentKeys[drop - 1]!;
        recent = recent.slice(drop);
        recentKeys = recentKeys.slice(drop);
      }
      release();
      if (batch.length < BATCH) return;
    }
  }

  function wake() {
    if (!holders || !last) return;
    if (reading) {
      again = true;
      return;
    }
    reading = readNew()
      .catch(onError)
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  async function listen() {
    if (listening || !holders) return;
    listening = true;
    try {
      unlisten = await db.listen(EVENT_CHANNEL, wake, () => {
        listening = false;
        unlisten = null;
      });
      // Whatever was written while not listening.
      wake();
    } catch (error) {
      listening = false;
      onError(error);
    }
  }

  async function start() {
    last = await logHead(db.prisma);
    lastKey = base = cursorKey(last);
    recent = [];
    recentKeys = [];
    await listen();
    timer = setInterval(() => {
      // A dropped listening connection is opened again at the next tick.
      void listen();
      wake();
    }, pollMs);
    timer.unref();
  }

  async function stop() {
    clearInterval(timer);
    timer = undefined;
    const u = unlisten;
    unlisten = null;
    listening = false;
    started = null;
    last = lastKey = base = null;
    recent = [];
    recentKeys = [];
    for (const w of waiters) w.resolve(false);
    waiters = [];
    await u?.().catch(onError);
  }

  return {
    async acquire() {
      holders += 1;
      try {
        await (started ??= start());
      } catch (error) {
        holders -= 1;
        started = null;
        throw error;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0) void stop();
      };
    },
    head: () => logHead(db.prisma),
    after(cursor) {
      const key = cursorKey(cursor);
      if (!base || compareCursorKeys(key, base) < 0) return null;
      // The first kept event after `cursor` (binary search: every subscriber asks at every change).
      let lo = 0;
      let hi = recentKeys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareCursorKeys(recentKeys[mid]!, key) > 0) hi = mid;
        else lo = mid + 1;
      }
      return recent.slice(lo);
    },
    beyond(cursor, signal) {
      if (signal.aborted || !lastKey) return Promise.resolve(false);
      if (compareCursorKeys(lastKey, cursorKey(cursor)) > 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const onAbort = () => {
          waiters = waiters.filter((w) => w !== waiter);
          resolve(false);
        };
        // The listener goes with the wait: a subscription waits thousands of times on one signal.
        const waiter: Waiter = {
          key: cursorKey(cursor),
          resolve: (advanced) => {
            signal.removeEventListener("abort", onAbort);
            resolve(advanced);
          },
        };
        waiters.push(waiter);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
    async close() {
      holders = 0;
      await stop();
    },
  };
}
