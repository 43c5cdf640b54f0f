import { z } from "zod";
import { may, type Actor } from "./access.js";
import { dateIn, isFinished } from "./delivery.js";
import type { MilestoneStatus, ProjectStatus } from "./enums.js";
import { mayHearOf, type EventType } from "./events.js";
import { addCalendarDays, daysFrom } from "./working-days.js";

// Notifications (DESIGN.md §10): who is told of which event, why, and on which channel, as pure
// functions of (event, the person's relation to it, their follow choices, their preferences,
// what they may see). The API reads the facts; these decide.

export const NOTIFICATION_REASONS = [
  "VOTE_DUE",
  "ROUND_CLOSING",
  "DECISION",
  "MENTION",
  "REPLY",
  "CHANGES_REQUESTED",
  "MILESTONE_ASSIGNED",
  "MILESTONE_DUE",
  "PERMIT_ATTENTION",
  "ACTIVITY",
] as const;
export const NotificationReason = z.enum(NOTIFICATION_REASONS);
export type NotificationReason = z.infer<typeof NotificationReason>;

export const EMAIL_CHANNELS = ["IMMEDIATE", "DAILY", "WEEKLY", "NEVER"] as const;
export const EmailChannel = z.enum(EMAIL_CHANNELS);
export type EmailChannel = z.infer<typeof EmailChannel>;

export const FOLLOW_SUBJECTS = ["PROJECT", "ROUND", "MILESTONE"] as const;
export const FollowSubjectType = z.enum(FOLLOW_SUBJECTS);
export type FollowSubjectType = z.infer<typeof FollowSubjectType>;

export const FOLLOW_STATES = ["FOLLOWING", "MUTED"] as const;
export const FollowState = z.enum(FOLLOW_STATES);
export type FollowState = z.infer<typeof FollowState>;

/** Sensible defaults: what needs the person now comes at once, the rest in the daily digest. */
export const DEFAULT_EMAIL_CHANNEL: Record<NotificationReason, EmailChannel> = {
  VOTE_DUE: "IMMEDIATE",
  MENTION: "IMMEDIATE",
  ROUND_CLOSING: "DAILY",
  DECISION: "DAILY",
  REPLY: "DAILY",
  CHANGES_REQUESTED: "DAILY",
  MILESTONE_ASSIGNED: "DAILY",
  MILESTONE_DUE: "DAILY",
  PERMIT_ATTENTION: "DAILY",
  ACTIVITY: "DAILY",
};

/** The person's channel for a reason: their choice, else the default. */
export function emailChannelFor(
  reason: NotificationReason,
  choices: Partial<Record<NotificationReason, EmailChannel>>,
): EmailChannel {
  return choices[reason] ?? DEFAULT_EMAIL_CHANNEL[reason];
}

/** Reasons that reach a person even on an item they muted: a vote that is theirs to cast, and being named. */
export const PASSES_MUTE: ReadonlySet<NotificationReason> = new Set(["VOTE_DUE", "ROUND_CLOSING", "MENTION"]);

/**
 * What counts as activity on a followed item. Not edits (an email on every edit is noise), not
 * votes (turnout is on the page; a vote is not news), not moderation.
 */
export const ACTIVITY_EVENT_TYPES = [
  "project.submitted",
  "project.resubmitted",
  "project.withdrawn",
  "project.delivery_started",
  "project.completed",
  "review_round.opened",
  "review_round.closed_at_time",
  "decision.recorded",
  "comment.posted",
  "milestone.created",
  "milestone.replanned",
  "milestone.reported",
  "document.added",
  "document.version_added",
  "gate.submitted",
  "gate.passed",
  "gate.failed",
  "gate.waived",
  "funding.facility_opened",
  "funding.entry_recorded",
  "permit.authorization_added",
  "permit.outcome_set",
  "permit.date_changed",
  "permit.date_change_requested",
  "permit.date_change_decided",
  "permit.milestone_completed",
  "permit.paused",
  "permit.pause_summarised",
  "permit.resumed",
] as const satisfies readonly EventType[];
export const ACTIVITY_EVENTS: ReadonlySet<EventType> = new Set<EventType>(ACTIVITY_EVENT_TYPES);

/** How a person is part of an item without having followed it. Each implies following. */
export const RELATIONS = [
  /** A partner of the proposing organisation (follows the project). */
  "organisation",
  /** A delegate of a sponsoring delegation (follows the project). */
  "sponsor",
  /** In the round's electorate (follows the round). */
  "elector",
  /** The milestone's assignee, or a member of its assignee organisation (follows the milestone). */
  "assignee",
  /** Wrote in the comment thread this event is in (follows the thread). */
  "commenter",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** One person as the rule sees them for one event. */
export interface Recipient {
  actor: Actor;
  /** Their explicit choice on the event's item (round, milestone), if any. */
  itemChoice: FollowState | null;
  /** Their explicit choice on the item's project, if any. */
  projectChoice: FollowState | null;
  relations: ReadonlySet<Relation>;
  /** Named in the comment (`comment.posted`). */
  mentioned: boolean;
  /** Wrote the comment this one replies to (`comment.posted`). */
  repliedTo: boolean;
}

/** The item an event is about, for following and muting: a round, a milestone or the project. */
export function itemOf(event: { type: EventType; projectId: string; data: Record<string, unknown> }): {
  type: FollowSubjectType;
  id: string;
} {
  const roundId = event.data.roundId;
  if (typeof roundId === "string") return { type: "ROUND", id: roundId };
  const milestoneId = event.data.milestoneId;
  if (typeof milestoneId === "string") return { type: "MILESTONE", id: milestoneId };
  return { type: "PROJECT", id: event.projectId };
}

/**
 * Whether a person follows an item: an explicit choice on the item wins, then one on its
 * project, then being part of it. A mute is a choice, so nothing implied undoes it: not new
 * activity, not a revisit, not a new role.
 */
export function followStateOf(
  r: Pick<Recipient, "itemChoice" | "projectChoice" | "relations">,
): FollowState | null {
  return r.itemChoice ?? r.projectChoice ?? (r.relations.size > 0 ? "FOLLOWING" : null);
}

/** An event with what the rule needs to know of it. */
export interface NotifiableEvent {
  type: EventType;
  actorId: string | null;
  project: { id: string; status: ProjectStatus; organisationId: string; submittedAt: string | null };
  data: Record<string, unknown>;
}

/**
 * Why `recipient` is notified of `event`, or null. Nobody is notified of their own action, nor of
 * anything on a project they may not see (as it stood after the change); a muted item reaches
 * them only for a vote that is theirs and a mention.
 */
export function reasonFor(event: NotifiableEvent, recipient: Recipient): NotificationReason | null {
  const me = recipient.actor;
  if (event.actorId !== null && event.actorId === me.id) return null;
  if (!mayHearOf(me, event)) return null;
  if (
    event.type === "review_round.opened" &&
    recipient.relations.has("elector") &&
    may(me.role, "round.vote")
  ) {
    return "VOTE_DUE";
  }
  if (event.type === "comment.posted" && recipient.mentioned) return "MENTION";
  const state = followStateOf(recipient);
  if (state === "MUTED") return null;
  if (event.type === "comment.posted" && recipient.repliedTo) return "REPLY";
  if (
    event.type === "decision.recorded" &&
    event.data.outcome === "CHANGES_REQUESTED" &&
    me.organisationId !== null &&
    me.organisationId === event.project.organisationId
  ) {
    return "CHANGES_REQUESTED";
  }
  if (event.type === "milestone.created" && recipient.relations.has("assignee")) return "MILESTONE_ASSIGNED";
  if (state !== "FOLLOWING" || !ACTIVITY_EVENTS.has(event.type)) return null;
  return event.type === "decision.recorded" ? "DECISION" : "ACTIVITY";
}

// ── Reminders ────────────────────────────────────────────────────────────────────────────

export const ROUND_CLOSING_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MILESTONE_DUE_WINDOW_DAYS = 7;

/** The round closes within 24 hours and the elector has not voted: remind them (once per round). */
export function roundClosingReminder(
  round: { status: "OPEN" | "CLOSED"; closesAt: Date },
  elector: { voted: boolean },
  now: Date,
): boolean {
  if (round.status !== "OPEN" || elector.voted) return false;
  const left = round.closesAt.getTime() - now.getTime();
  return left > 0 && left <= ROUND_CLOSING_WINDOW_MS;
}

/**
 * A milestone's reminder at `now`, counted in its project's time zone: "soon" when it is due
 * within 7 days (today included), "overdue" once its due day has ended there; null when finished
 * or further off. Each (milestone, due date, kind) is sent once.
 */
export function milestoneReminder(
  m: { dueDate: string; status: MilestoneStatus },
  now: Date,
  timeZone: string,
): "soon" | "overdue" | null {
  if (isFinished(m.status)) return null;
  const days = daysFrom(dateIn(now, timeZone), m.dueDate);
  if (days < 0) return "overdue";
  return days < MILESTONE_DUE_WINDOW_DAYS ? "soon" : null;
}

/** Reminder recipients respect a mute, except a round's closing (a vote that is theirs). */
export function remindable(
  reason: NotificationReason,
  r: Pick<Recipient, "itemChoice" | "projectChoice" | "relations">,
): boolean {
  return PASSES_MUTE.has(reason) || followStateOf(r) !== "MUTED";
}

// ── Digests ──────────────────────────────────────────────────────────────────────────────

/** Digests go at this hour of the morning, in the person's time zone. */
export const DIGEST_HOUR = 8;

/** One formatter per zone and purpose: making one costs far more than using it (thousands of people per digest run). */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string, withMinutes: boolean): Intl.DateTimeFormat {
  const key = `${withMinutes ? "s" : "h"} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
      ...(withMinutes ? { minute: "2-digit", second: "2-digit" } : { weekday: "short" }),
    });
    formats.set(key, format);
  }
  return format;
}

function localParts(instant: Date, timeZone: string) {
  const parts = formatIn(timeZone, false).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")), weekday };
}

/** The instant it is `hour`:00 on `date` (YYYY-MM-DD) in `timeZone`. */
export function zonedHour(date: string, hour: number, timeZone: string): Date {
  const guess = Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
  const offsetAt = (instant: number) => {
    const p = formatIn(timeZone, true).formatToParts(instant);
    const get = (t: string) => Number(p.find((x) => x.type === t)?.value ?? 0);
    return (
      Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant
    );
  };
  const first = guess - offsetAt(guess);
  // Across a change of offset (daylight saving), the offset at the result is the one that applies.
  return new Date(guess - offsetAt(first));
}

/**
 * The digest period that has begun at `now` in `timeZone`: a daily digest's is the local date once
 * it is past the morning hour (before it, yesterday's); a weekly digest's is the Monday that
 * begins the week, at the morning hour. One digest per person per period (the database keys mail
 * by it), so running the job more often, or on several instances, sends nothing twice.
 */
export function digestPeriod(
  kind: "DAILY" | "WEEKLY",
  now: Date,
  timeZone: string,
): { period: string; startsAt: Date } {
  const local = localParts(now, timeZone);
  let day = local.hour >= DIGEST_HOUR ? local.date : addCalendarDays(local.date, -1);
  if (kind === "WEEKLY") {
    const weekday = local.hour >= DIGEST_HOUR ? local.weekday : (local.weekday + 6) % 7;
    day = addCalendarDays(day, -weekday);
  }
  return { period: day, startsAt: zonedHour(day, DIGEST_HOUR, timeZone) };
}

/**
 * Whose digest is due at `now`: a period has begun since the oldest waiting notification was
 * written. What the digest takes is what was written before the period began (the rest waits
 * for the next one), so a digest goes at the morning hour, never at whatever time the job runs.
 */
export function digestDue(
  kind: "DAILY" | "WEEKLY",
  waiting: { oldest: Date; timeZone: string },
  now: Date,
): { period: string; startsAt: Date } | null {
  const p = digestPeriod(kind, now, waiting.timeZone);
  return waiting.oldest.getTime() < p.startsAt.getTime() ? p : null;
}

// ── Where a notification leads ───────────────────────────────────────────────────────────

/** The page a notification opens (a path on the web). */
export function notificationPath(n: {
  eventType: EventType | null;
  project: { id: string };
  subject: { type: FollowSubjectType; id: string };
  data: Record<string, unknown>;
}): string {
  const base = `/projects/${n.project.id}`;
  if (n.eventType === "decision.recorded" && typeof n.data.decisionId === "string") {
    return `${base}/decisions/${n.data.decisionId}`;
  }
  if (n.eventType === "comment.posted" && typeof n.data.commentId === "string") {
    return `${base}/discussion#comment-${n.data.commentId}`;
  }
  if (n.eventType?.startsWith("document.") && typeof n.data.documentId === "string") {
    return `${base}/documents/${n.data.documentId}`;
  }
  if (n.eventType?.startsWith("gate.")) return `${base}/gates`;
  if (n.eventType?.startsWith("funding.")) return `${base}/funding`;
  if (
    n.eventType?.startsWith("permit.") ||
    typeof n.data.authorizationId === "string" ||
    typeof n.data.summaryDue === "string"
  ) {
    return `${base}/permitting`;
  }
  if (n.subject.type === "ROUND") return `${base}/review`;
  if (n.subject.type === "MILESTONE") return `${base}/delivery`;
  return base;
}

/** What a notification keeps of its event to show: ids, states and dates, never text or a voter. */
const SHOWN_KEYS = [
  "documentId",
  "roundId",
  "revision",
  "closesAt",
  "decisionId",
  "outcome",
  "from",
  "to",
  "commentId",
  "parentId",
  "milestoneId",
  "dueDate",
  "status",
  "progress",
  "gateKind",
  "gateState",
  "entryKind",
  "authorizationId",
  "permitMilestoneId",
  "jurisdiction",
  "instrument",
  "reasonCode",
  "pauseReason",
  "state",
  "actualDate",
  "moved",
  "missedBy",
  "summaryDue",
] as const;

export function shownData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SHOWN_KEYS) if (data[k] !== undefined) out[k] = data[k];
  return out;
}

// ── Mentions ─────────────────────────────────────────────────────────────────────────────

const MENTION_START = /(?:^|[^\p{L}\p{N}_@])@(\p{L}[\p{L}\p{M}\p{N}'’.-]*)/gu;

/** The first word of each `@name` in a text (what to look candidates up by), lower-cased. */
export function mentionPrefixes(text: string): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(MENTION_START)) words.add(m[1]!.toLocaleLowerCase());
  return [...words].slice(0, 20);
}

/**
 * Who among `candidates` a text names with `@Full Name` (names may hold spaces: the longest name
 * that follows the `@` and ends at a word boundary wins).
 */
export function mentionedIn(text: string, candidates: readonly { id: string; name: string }[]): string[] {
  const lower = text.toLocaleLowerCase();
  const found = new Set<string>();
  const byLength = [...candidates].sort((a, b) => b.name.length - a.name.length);
  let at = lower.indexOf("@");
  while (at !== -1) {
    const before = at === 0 ? "" : lower[at - 1]!;
    if (!/[\p{L}\p{N}_@]/u.test(before)) {
      for (const c of byLength) {
        const name = c.name.toLocaleLowerCase();
        if (!name || !lower.startsWith(name, at + 1)) continue;
        const after = lower[at + 1 + name.length] ?? "";
        if (
          /[\p{L}\p{N}_]/u.test(after) &&
          !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(after)
        )
          continue;
        found.add(c.id);
        break;
      }
    }
    at = lower.indexOf("@", at + 1);
  }
  return [...found];
}

// ── Inputs ───────────────────────────────────────────────────────────────────────────────

export const INBOX_PAGE_SIZE_MAX = 100;
/** How long notifications are kept (saved ones stay until unsaved). */
export const NOTIFICATION_RETENTION_DAYS = 183;

export const INBOX_VIEWS = ["inbox", "saved", "snoozed", "done"] as const;
export const InboxView = z.enum(INBOX_VIEWS);
export type InboxView = z.infer<typeof InboxView>;

export const ListNotificationsInput = z
  .object({
    view: InboxView.default("inbox"),
    /** Only these reasons… */
    reasons: z.array(NotificationReason).max(NOTIFICATION_REASONS.length).optional(),
    /** …or everything except these. */
    exceptReasons: z.array(NotificationReason).max(NOTIFICATION_REASONS.length).optional(),
    unreadOnly: z.boolean().optional(),
    cursor: z.uuid().nullish(),
    limit: z.number().int().min(1).max(INBOX_PAGE_SIZE_MAX).default(25),
  })
  .strict()
  .refine((v) => !(v.reasons?.length && v.exceptReasons?.length), {
    message: "Filter by the reasons to show or by those to leave out, not both.",
    path: ["exceptReasons"],
  });

export const UpdateNotificationsInput = z
  .object({
    ids: z.array(z.uuid()).min(1, "Choose at least one notification.").max(INBOX_PAGE_SIZE_MAX),
    read: z.boolean().optional(),
    done: z.boolean().optional(),
    saved: z.boolean().optional(),
    /** Until when to hide them from the inbox (an instant in the future), or null to bring them back. */
    snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict()
  .refine(
    (v) =>
      v.read !== undefined || v.done !== undefined || v.saved !== undefined || v.snoozedUntil !== undefined,
    {
      message: "Say what to change: read, done, saved or snoozed.",
    },
  );

/** Snoozing is for a future instant, within a year. */
export function snoozeProblem(until: Date, now: Date): string | null {
  if (until.getTime() <= now.getTime()) return "Choose a time in the future to snooze until.";
  if (until.getTime() - now.getTime() > 366 * 86_400_000) return "Snooze for at most a year.";
  return null;
}

export const FollowSubjectInput = z.object({ type: FollowSubjectType, id: z.uuid() }).strict();

export const SetFollowInput = z
  .object({
    subject: FollowSubjectInput,
    /** Follow, mute, or null to go back to what being part of it implies. */
    state: FollowState.nullable(),
  })
  .strict();

export const SetEmailPreferencesInput = z
  .object({ channels: z.partialRecord(NotificationReason, EmailChannel) })
  .strict();

export const MentionableInput = z
  .object({ projectId: z.uuid(), query: z.string().trim().max(80).default("") })
  .strict();

export const UnsubscribeInput = z.object({ token: z.string().min(10).max(400) }).strict();

/** What one-click unsubscribe turns off: one item, one reason, or a whole digest channel. */
export const UnsubscribeScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("item"), subject: FollowSubjectInput }).strict(),
  z.object({ kind: z.literal("reason"), reason: NotificationReason }).strict(),
  z.object({ kind: z.literal("channel"), channel: z.enum(["IMMEDIATE", "DAILY", "WEEKLY"]) }).strict(),
]);
export type UnsubscribeScope = z.infer<typeof UnsubscribeScope>;

/** One notification as the inbox shows it. */
export interface NotificationView {
  id: string;
  reason: NotificationReason;
  eventType: EventType | null;
  /** Who caused it; null for a reminder. */
  actorName: string | null;
  project: { id: string; reference: string; titleEn: string; titleJa: string };
  subject: { type: FollowSubjectType; id: string };
  /** What the line names: a round's revision, a milestone's title, a comment's id. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
  doneAt: string | null;
  savedAt: string | null;
  snoozedUntil: string | null;
}
