import { cursorAt, readEvents, type LogCursor, type ReadEvent } from "@lodestone/db/repositories/events";
import { DomainError } from "@lodestone/domain/errors";
import { liveEventFor, type LiveEventsInput } from "@lodestone/domain/events";
import { tracked } from "@trpc/server";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";

/** How many events one read of the log returns to a subscriber catching up. */
const CATCH_UP_BATCH = 200;

/**
 * The caller's live events, each as the same rules as the reads let them see it, with its log
 * position as the SSE event id. Resumes after `lastEventId` (the SSE link sends it when it
 * reconnects, to this instance or another): every event after it, in log order, exactly once.
 * Without it, starts at the log's head. Where to start is settled before the stream begins, so a
 * refusal is an ordinary error the client can read.
 */
export async function openLiveEvents({
  ctx,
  input,
  signal,
}: UseCase<z.output<typeof LiveEventsInput>> & { signal: AbortSignal }) {
  const from = input.lastEventId ? await cursorAt(ctx.db.prisma, input.lastEventId) : await ctx.events.head();
  if (!from) {
    throw new DomainError(
      "NOT_FOUND",
      "There is no event at that position: subscribe without a last event id and reload what you show.",
    );
  }
  return follow(ctx, input.projectId, from, signal);
}

async function* follow(
  ctx: SignedInContext,
  projectId: string | undefined,
  from: LogCursor,
  signal: AbortSignal,
) {
  const release = await ctx.events.acquire();
  try {
    let cursor = from;
    while (!signal.aborted) {
      const batch: ReadEvent[] =
        ctx.events.after(cursor) ?? (await readEvents(ctx.db.prisma, cursor, CATCH_UP_BATCH));
      if (!batch.length) {
        // The wait ends without news when the client goes away, or the feed closes as the instance
        // shuts down (after its streams were cut: the client reconnects, here or elsewhere).
        if (!(await ctx.events.beyond(cursor, signal))) return;
        continue;
      }
      for (const event of batch) {
        cursor = event.cursor;
        if (projectId && event.project?.id !== projectId) continue;
        const live = liveEventFor(ctx.user, event);
        if (live) yield tracked(event.position, live);
      }
    }
  } finally {
    release();
  }
}
