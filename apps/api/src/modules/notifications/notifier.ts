import { randomUUID } from "node:crypto";
import { inTransaction, type Database } from "@lodestone/db/client";
import { EVENT_CHANNEL, readEvents } from "@lodestone/db/repositories/events";
import * as repo from "@lodestone/db/repositories/notifications";
import { canSeeProject, may } from "@lodestone/domain/access";
import { dateIn } from "@lodestone/domain/delivery";
import {
  ACTIVITY_EVENTS,
  digestDue,
  emailChannelFor,
  itemOf,
  milestoneReminder,
  NOTIFICATION_RETENTION_DAYS,
  reasonFor,
  remindable,
  ROUND_CLOSING_WINDOW_MS,
  roundClosingReminder,
  shownData,
  MILESTONE_DUE_WINDOW_DAYS,
} from "@lodestone/domain/notifications";
import { missedNoticeDay, summaryDueOn, summaryOverdue } from "@lodestone/domain/permitting";
import type { Jurisdiction } from "@lodestone/domain/vocabulary";
import { addCalendarDays, workingDaysAfter } from "@lodestone/domain/working-days";
import { holidays } from "../../holidays.js";
import type { Mailer } from "../../mailer.js";
import { renderMail } from "./mail.js";
import { unsubscribeTokens } from "./unsubscribe-token.js";

// The notifier (DESIGN.md §10) runs inside every API instance. Each piece of work happens once
// across instances, by the database:
// - fan-out reads the event log from one cursor row, locked (FOR UPDATE SKIP LOCKED) in the same
//   transaction that writes the notifications and advances it: an instance that finds the row
//   locked skips its turn; an event is fanned out exactly once, and (person, event) is unique;
// - reminders, digests and retention are scheduled jobs under a lease row each (JobLease: one
//   instance at a time, at most once per interval), and what they write is keyed (a reminder per
//   person and item, a digest per person and period), so even two runs would write nothing twice;
// - mails are claimed row by row (SKIP LOCKED) with a lease; a failed send is retried with backoff
//   and, after the last attempt, kept as FAILED for administrators to see and retry.

export interface NotifierOptions {
  db: Database;
  mailer: Mailer;
  internalSecret: string;
  webUrl: string;
  now?: () => Date;
  /** How long "immediately" waits for more on the same item, and for the person to read it (ms). */
  immediateDelayMs?: number;
  /** How often each instance looks for work when nothing woke it (ms). */
  intervalMs?: number;
  onError?: (error: unknown, job: string) => void;
  log?: { info(obj: object, msg: string): void };
}

const FAN_OUT_BATCH = 500;
const SEND_BATCH = 200;
/** Mails in flight at once per instance: twice the mailer's pooled SMTP connections (mailer.ts). */
const SEND_CONCURRENCY = 20;
// Longer than nodemailer's longest wait (its connection and socket timeouts, set in mailer.ts):
// a mail is taken again only when its sender is surely gone.
const MAIL_LEASE_MS = 15 * 60_000;
export const MAX_MAIL_ATTEMPTS = 8;
const REMINDERS_EVERY_MS = 60_000;
const RETENTION_EVERY_MS = 60 * 60_000;

/** Minutes before attempt n+1 of a mail: 1, 2, 4, … capped at six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/**
 * Fans out the next events of the log into notifications. Returns how many events it read, or
 * null when another instance holds the cursor.
 */
export async function fanOut(
  db: Database,
  now: Date,
  limit = FAN_OUT_BATCH,
): Promise<{ events: number; written: number } | null> {
  return inTransaction(db, async (tx) => {
    const cursor = await repo.lockNotifierCursor(tx);
    if (!cursor) return null;
    const events = await readEvents(tx, cursor, limit);
    if (events.length === 0) return { events: 0, written: 0 };
    const rows: repo.NewNotification[] = [];
    let settled = 0;
    for (const e of events) {
      const data = e.data;
      if (
        (e.type === "vote.cast" || e.type === "vote.changed") &&
        e.actorId &&
        typeof data.roundId === "string"
      ) {
        // Voting settles "your vote is due" and "closes soon" for that round.
        settled += await repo.markVoteNotificationsDone(tx, e.actorId, data.roundId, now);
        continue;
      }
      if (!e.project || !ACTIVITY_EVENTS.has(e.type)) continue;
      const project = e.project;
      const item = itemOf({ type: e.type, projectId: project.id, data });
      const comment = e.type === "comment.posted";
      const candidates = await repo.candidatesFor(tx, {
        projectId: project.id,
        item,
        commentId: comment ? (data.commentId as string) : null,
        parentId: comment ? ((data.parentId as string | null) ?? null) : null,
        mentions: comment && Array.isArray(data.mentions) ? (data.mentions as string[]) : [],
      });
      let shown = shownData(data);
      if (item.type === "MILESTONE") {
        const title = await repo.milestoneTitles(tx, item.id);
        if (title) shown = { ...shown, title };
      }
      for (const c of candidates) {
        const reason = reasonFor({ type: e.type, actorId: e.actorId, project, data }, c);
        if (!reason) continue;
        rows.push({
          userId: c.actor.id,
          key: `event:${e.position}`,
          reason,
          eventPosition: e.position,
          eventType: e.type,
          actorId: e.actorId,
          projectId: project.id,
          subject: item,
          data: shown,
          emailChannel: emailChannelFor(reason, c.channels),
        });
      }
    }
    const written = await repo.insertNotifications(tx, rows, now);
    await repo.advanceNotifierCursor(tx, events.at(-1)!.cursor);
    // A vote settles the voter's "vote due": their header count falls too.
    if (written || settled) await repo.announceInboxChange(tx);
    return { events: events.length, written };
  });
}

/** Reminders due at `now`: rounds closing within 24 hours, milestones due within 7 days or overdue. */
export async function remind(db: Database, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const rows: repo.NewNotification[] = [];
    for (const c of await repo.roundClosingCandidates(
      tx,
      now,
      new Date(now.getTime() + ROUND_CLOSING_WINDOW_MS),
    )) {
      if (!canSeeProject(c.actor, c.project) || !may(c.actor.role, "round.vote")) continue;
      if (!roundClosingReminder({ status: "OPEN", closesAt: c.closesAt! }, { voted: c.voted! }, now))
        continue;
      if (!remindable("ROUND_CLOSING", { ...c, relations: new Set(["elector"]) })) continue;
      rows.push({
        userId: c.actor.id,
        key: `round-closing:${c.itemId}`,
        reason: "ROUND_CLOSING",
        eventPosition: null,
        eventType: null,
        actorId: null,
        projectId: c.project.id,
        subject: { type: "ROUND", id: c.itemId },
        data: { roundId: c.itemId, closesAt: c.closesAt!.toISOString() },
        emailChannel: emailChannelFor("ROUND_CLOSING", c.channels),
      });
    }
    // Every time zone's today is at most a day ahead of UTC's (UTC+14): look that far, then let
    // the rule decide in each project's own zone.
    const horizon = new Date(
      Date.parse(`${dateIn(now, "UTC")}T00:00:00Z`) + (MILESTONE_DUE_WINDOW_DAYS + 1) * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    for (const c of await repo.milestoneDueCandidates(tx, horizon)) {
      if (!canSeeProject(c.actor, c.project)) continue;
      const kind = milestoneReminder(
        { dueDate: c.dueDate!, status: c.status as "PLANNED" },
        now,
        c.project.timeZone,
      );
      if (!kind || !remindable("MILESTONE_DUE", { ...c, relations: new Set(["assignee"]) })) continue;
      rows.push({
        userId: c.actor.id,
        key: `milestone-${kind}:${c.itemId}:${c.dueDate!}`,
        reason: "MILESTONE_DUE",
        eventPosition: null,
        eventType: null,
        actorId: null,
        projectId: c.project.id,
        subject: { type: "MILESTONE", id: c.itemId },
        data: { milestoneId: c.itemId, dueDate: c.dueDate!, overdue: kind === "overdue", title: c.title! },
        emailChannel: emailChannelFor("MILESTONE_DUE", c.channels),
      });
    }
    rows.push(...(await permitReminders(tx, now)));
    const written = await repo.insertNotifications(tx, rows, now);
    if (written) await repo.announceInboxChange(tx);
    return written;
  });
}

/**
 * The permitting timetable's reminders (DESIGN.md §12): a missed date reaches the authorization's
 * owner and the coordinators on the jurisdiction's next working day after it, once per milestone
 * and target; an overdue pause summary reaches the coordinators, once per summary due.
 */
async function permitReminders(tx: Parameters<typeof repo.permitMissedCandidates>[0], now: Date) {
  const rows: repo.NewNotification[] = [];
  // Today is at most a day ahead of UTC's anywhere: look that far, then decide in each project's zone.
  const horizon = addCalendarDays(dateIn(now, "UTC"), 1);
  for (const c of await repo.permitMissedCandidates(tx, horizon)) {
    if (!canSeeProject(c.actor, c.project)) continue;
    const today = dateIn(now, c.project.timeZone);
    const jurisdiction = c.jurisdiction as Jurisdiction;
    if (today < missedNoticeDay(holidays, jurisdiction, c.target)) continue;
    if (!remindable("PERMIT_ATTENTION", { ...c, relations: new Set(["organisation"]) })) continue;
    rows.push({
      userId: c.actor.id,
      key: `permit-missed:${c.itemId}:${c.target}`,
      reason: "PERMIT_ATTENTION",
      eventPosition: null,
      eventType: null,
      actorId: null,
      projectId: c.project.id,
      subject: { type: "PROJECT", id: c.project.id },
      data: {
        authorizationId: c.authorizationId,
        permitMilestoneId: c.itemId,
        dueDate: c.target,
        missedBy: workingDaysAfter(holidays, jurisdiction, c.target, today),
        title: c.title!,
      },
      emailChannel: emailChannelFor("PERMIT_ATTENTION", c.channels),
    });
  }
  for (const c of await repo.pauseSummaryCandidates(tx, addCalendarDays(horizon, -90))) {
    if (!canSeeProject(c.actor, c.project)) continue;
    const pause = { startedOn: c.startedOn, lastSummaryOn: c.lastSummaryOn };
    if (!summaryOverdue(pause, dateIn(now, c.project.timeZone))) continue;
    if (!remindable("PERMIT_ATTENTION", { ...c, relations: new Set(["organisation"]) })) continue;
    rows.push({
      userId: c.actor.id,
      key: `pause-summary:${c.itemId}:${c.lastSummaryOn}`,
      reason: "PERMIT_ATTENTION",
      eventPosition: null,
      eventType: null,
      actorId: null,
      projectId: c.project.id,
      subject: { type: "PROJECT", id: c.project.id },
      data: { pauseId: c.itemId, summaryDue: summaryDueOn(pause) },
      emailChannel: emailChannelFor("PERMIT_ATTENTION", c.channels),
    });
  }
  return rows;
}

/** Creates the digests whose morning has come, and the "immediately" mails whose wait is over. */
export async function planMails(
  db: Database,
  now: Date,
  immediateDelayMs: number,
): Promise<{ immediate: number; digests: number }> {
  const immediate = await inTransaction(db, (tx) =>
    repo.planImmediateMails(tx, new Date(now.getTime() - immediateDelayMs), now),
  );
  let digests = 0;
  for (const channel of ["DAILY", "WEEKLY"] as const) {
    digests += await inTransaction(db, async (tx) => {
      const due = (await repo.digestWaiting(tx, channel)).flatMap((w) => {
        const period = digestDue(channel, w, now);
        return period ? [{ userId: w.userId, ...period }] : [];
      });
      return due.length ? repo.planDigests(tx, channel, due, now) : 0;
    });
  }
  return { immediate, digests };
}

/** Sends the mails that are due, a batch at a time. Returns how many were sent. */
export async function sendMails(
  opts: Pick<NotifierOptions, "db" | "mailer" | "internalSecret" | "webUrl">,
  now: Date,
  limit = SEND_BATCH,
): Promise<{ sent: number; failed: number; skipped: number }> {
  const { db } = opts;
  const claimed = await inTransaction(db, (tx) =>
    repo.claimMails(tx, now, new Date(now.getTime() + MAIL_LEASE_MS), limit),
  );
  const result = { sent: 0, failed: 0, skipped: 0 };
  if (!claimed.length) return result;
  const attempts = new Map(claimed.map((c) => [c.id, c.attempts]));
  const contents = await repo.mailContents(
    db.prisma,
    claimed.map((c) => c.id),
  );
  const tokens = unsubscribeTokens(opts.internalSecret);
  const queue = [...contents];
  const worker = async () => {
    for (let content = queue.shift(); content; content = queue.shift()) {
      // "Immediately" sends nothing the person read meanwhile.
      const entries = content.kind === "IMMEDIATE" ? content.entries.filter((e) => !e.read) : content.entries;
      if (entries.length === 0) {
        await repo.markMailSent(db.prisma, content.mailId, "SKIPPED", now);
        result.skipped++;
        continue;
      }
      try {
        await opts.mailer.send(renderMail({ ...content, entries }, { webUrl: opts.webUrl, tokens }));
        await repo.markMailSent(db.prisma, content.mailId, "SENT", now);
        result.sent++;
      } catch (error) {
        const tried = attempts.get(content.mailId) ?? MAX_MAIL_ATTEMPTS;
        const retryAt = tried >= MAX_MAIL_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(tried));
        await repo.markMailFailed(
          db.prisma,
          content.mailId,
          error instanceof Error ? error.message : String(error),
          retryAt,
        );
        result.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: SEND_CONCURRENCY }, worker));
  return result;
}

/** Runs `job` if this instance gets its lease (at most once per `everyMs` across instances). */
async function leased(
  db: Database,
  name: string,
  holder: string,
  now: Date,
  everyMs: number,
  job: () => Promise<unknown>,
) {
  const got = await inTransaction(db, (tx) =>
    repo.takeJobLease(tx, { name, holder, now, until: new Date(now.getTime() + 5 * 60_000), everyMs }),
  );
  if (!got) return false;
  try {
    await job();
  } finally {
    await inTransaction(db, (tx) => repo.releaseJobLease(tx, name, holder, now));
  }
  return true;
}

export interface Notifier {
  /** One pass of everything due now (what the timer runs; tests call it directly). */
  runOnce(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createNotifier(opts: NotifierOptions): Notifier {
  const now = opts.now ?? (() => new Date());
  const holder = randomUUID();
  const intervalMs = opts.intervalMs ?? 5000;
  const immediateDelayMs = opts.immediateDelayMs ?? 3 * 60_000;
  const onError = opts.onError ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let unlisten: (() => Promise<void>) | null = null;

  const step = async (job: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      onError(error, job);
    }
  };

  const fanOutAll = () =>
    step("fan-out", async () => {
      for (;;) {
        const r = await fanOut(opts.db, now());
        if (!r || r.events < FAN_OUT_BATCH) break;
      }
    });

  const runOnce = async () => {
    await fanOutAll();
    await step("reminders", () =>
      leased(opts.db, "notifications.reminders", holder, now(), REMINDERS_EVERY_MS, () =>
        remind(opts.db, now()),
      ),
    );
    await step("mail planning", () =>
      leased(opts.db, "notifications.plan-mails", holder, now(), 0, () =>
        planMails(opts.db, now(), immediateDelayMs),
      ),
    );
    await step("sending", async () => {
      for (;;) {
        const r = await sendMails(opts, now());
        if (r.sent + r.failed + r.skipped < SEND_BATCH) break;
      }
    });
    await step("retention", () =>
      leased(opts.db, "notifications.retention", holder, now(), RETENTION_EVERY_MS, () =>
        inTransaction(opts.db, (tx) =>
          repo.pruneNotifications(tx, new Date(now().getTime() - NOTIFICATION_RETENTION_DAYS * 86_400_000)),
        ),
      ),
    );
  };

  /**
   * Runs `full` (everything) or only the fan-out now, or right after the run in progress (never
   * two at once in one instance; wakes that come during a run make one more run, not many).
   */
  let pendingFull = false;
  const kick = (full: boolean) => {
    if (stopped) return;
    pendingFull ||= full;
    if (running) {
      again = true;
      return;
    }
    const work = pendingFull ? runOnce : fanOutAll;
    pendingFull = false;
    running = work().finally(() => {
      running = null;
      if (again) {
        again = false;
        kick(false);
      }
    });
  };

  return {
    runOnce,
    async start() {
      stopped = false;
      timer = setInterval(() => kick(true), intervalMs);
      timer.unref();
      // A new event wakes the fan-out at once (whichever instance wrote it).
      unlisten = await opts.db
        .listen(
          EVENT_CHANNEL,
          () => kick(false),
          () => {
            unlisten = null;
          },
        )
        .catch((error: unknown) => {
          onError(error, "listen");
          return null;
        });
      kick(true);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlisten?.().catch(() => {});
      await running;
    },
  };
}
