import type { Database } from "@lodestone/db/client";
import { INBOX_CHANNEL } from "@lodestone/db/repositories/notifications";

/**
 * Tells this instance's inbox subscriptions that notifications changed somewhere (written by the
 * notifier on any instance, or read, done or snoozed in another tab): PostgreSQL LISTEN/NOTIFY
 * (on PGlite, in-process), and in case a notification is lost, every `pollMs`. It listens only
 * while someone subscribes. Each subscriber then counts its own unread notifications again (one
 * indexed count) and sends the count only when it changed.
 */
export interface InboxWatch {
  /** Resolves true at the next change (or poll), false when `signal` aborts or the watch closes. */
  next(signal: AbortSignal): Promise<boolean>;
  close(): Promise<void>;
}

export function createInboxWatch(
  db: Database,
  options: { pollMs?: number; onError?: (e: unknown) => void } = {},
): InboxWatch {
  const pollMs = options.pollMs ?? 15_000;
  const waiters = new Set<(changed: boolean) => void>();
  let unlisten: Promise<(() => Promise<void>) | null> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const wakeAll = (changed: boolean) => {
    const all = [...waiters];
    waiters.clear();
    for (const w of all) w(changed);
  };

  const start = () => {
    if (unlisten || closed) return;
    unlisten = db
      .listen(
        INBOX_CHANNEL,
        () => wakeAll(true),
        () => {
          unlisten = null;
          wakeAll(true);
        },
      )
      .catch((error: unknown) => {
        options.onError?.(error);
        unlisten = null;
        return null;
      });
    timer = setInterval(() => wakeAll(true), pollMs);
    timer.unref();
  };

  const stop = async () => {
    clearInterval(timer);
    timer = undefined;
    const pending = unlisten;
    unlisten = null;
    const off = await pending;
    await off?.().catch(() => {});
  };

  return {
    next(signal) {
      if (closed || signal.aborted) return Promise.resolve(false);
      start();
      return new Promise<boolean>((resolve) => {
        const done = (changed: boolean) => {
          signal.removeEventListener("abort", onAbort);
          waiters.delete(done);
          if (waiters.size === 0 && !changed) void stop();
          resolve(changed);
        };
        const onAbort = () => done(false);
        signal.addEventListener("abort", onAbort, { once: true });
        waiters.add(done);
      });
    },
    async close() {
      closed = true;
      wakeAll(false);
      await stop();
    },
  };
}
