import type { Actor } from "@lodestone/domain/access";
import type { EventType } from "@lodestone/domain/events";
import type {
  EmailChannel,
  FollowState,
  FollowSubjectType,
  InboxView,
  NotificationReason,
  NotificationView,
  Relation,
} from "@lodestone/domain/notifications";
import type { Page } from "@lodestone/domain/page";
import type { ProjectStatus, Role } from "@lodestone/domain/enums";
import { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";
import { queryRows } from "../statement.js";
import type { LogCursor } from "./events.js";

// Notifications (DESIGN.md §10): the facts the domain's rules read, and the rows they decide.

/** The channel the notifier announces new notifications on (any instance's inbox counts refresh). */
export const INBOX_CHANNEL = "lodestone_inbox";

/** Tells every instance's open inboxes to count again (delivered when the transaction commits). */
export async function announceInboxChange(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, '')`;
}

/** A milestone's titles (what its notifications name). */
export async function milestoneTitles(tx: Tx, id: string): Promise<{ en: string; ja: string } | null> {
  const m = await tx.milestone.findUnique({ where: { id }, select: { titleEn: true, titleJa: true } });
  return m ? { en: m.titleEn, ja: m.titleJa } : null;
}

/** The project an item belongs to, as an unsubscribe page names it. */
export async function projectLabel(
  tx: Tx,
  projectId: string,
): Promise<{ id: string; reference: string; titleEn: string; titleJa: string } | null> {
  return tx.project.findUnique({
    where: { id: projectId },
    select: { id: true, reference: true, titleEn: true, titleJa: true },
  });
}

export async function userExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.user.findUnique({ where: { id }, select: { id: true } })) !== null;
}

// ── The notifier's place in the event log ──────────────────────────────────────────────────

/**
 * Locks the notifier's cursor for this transaction, or returns null when another instance holds
 * it (that instance is fanning out; this one skips its turn).
 */
export async function lockNotifierCursor(tx: Tx): Promise<LogCursor | null> {
  const rows = await queryRows<LogCursor>(
    tx,
    Prisma.sql`SELECT txid::text AS txid, position::text AS position FROM "NotificationCursor"
      WHERE id = 1 FOR UPDATE SKIP LOCKED`,
  );
  return rows[0] ?? null;
}

export async function advanceNotifierCursor(tx: Tx, cursor: LogCursor): Promise<void> {
  await tx.$executeRaw`UPDATE "NotificationCursor" SET txid = ${cursor.txid}::bigint, position = ${cursor.position}::bigint WHERE id = 1`;
}

// ── Who is part of an event's item ────────────────────────────────────────────────────────

export interface Candidate {
  actor: Actor;
  relations: Set<Relation>;
  itemChoice: FollowState | null;
  projectChoice: FollowState | null;
  mentioned: boolean;
  repliedTo: boolean;
  channels: Partial<Record<NotificationReason, EmailChannel>>;
}

interface CandidateRow {
  id: string;
  role: Role;
  delegation: string | null;
  organisationId: string | null;
  relations: string[];
  itemChoice: FollowState | null;
  projectChoice: FollowState | null;
  channels: Record<string, EmailChannel> | null;
}

/**
 * Everyone who may have a reason to hear of an event on `item` in `projectId`: the project's
 * organisation and sponsors, the round's electorate, the milestone's assignees, the comment
 * thread's writers, the mentioned, the replied-to, and whoever chose to follow or mute the item or
 * its project. Active accounts only. With each: their relations, choices and email channels.
 */
export async function candidatesFor(
  tx: Tx,
  q: {
    projectId: string;
    item: { type: FollowSubjectType; id: string };
    /** The comment whose thread's writers follow it (a new comment's own id). */
    commentId?: string | null;
    parentId?: string | null;
    mentions?: readonly string[];
    /** Only this person (what the item's page asks: do I follow it?). */
    onlyUserId?: string;
  },
): Promise<Candidate[]> {
  const round = q.item.type === "ROUND" ? q.item.id : null;
  const milestone = q.item.type === "MILESTONE" ? q.item.id : null;
  const rows = await queryRows<CandidateRow>(
    tx,
    Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Comment" WHERE id = ${q.commentId ?? null}::uuid
      UNION ALL SELECT c.id, c."parentId" FROM "Comment" c JOIN up ON c.id = up."parentId"
    ), thread AS (
      SELECT id, "authorId", "createdAt" FROM "Comment" WHERE id = (SELECT id FROM up WHERE "parentId" IS NULL LIMIT 1)
      UNION ALL SELECT c.id, c."authorId", c."createdAt" FROM "Comment" c JOIN thread t ON c."parentId" = t.id
    ), cand("userId", rel) AS (
      SELECT u.id, 'organisation' FROM "User" u JOIN "Project" p ON p."organisationId" = u."organisationId"
        WHERE p.id = ${q.projectId}::uuid
      UNION ALL SELECT u.id, 'sponsor' FROM "ProjectSponsor" s JOIN "User" u ON u."delegationId" = s."delegationId"
        WHERE s."projectId" = ${q.projectId}::uuid AND u.role = 'DELEGATE'
      UNION ALL SELECT e."voterId", 'elector' FROM "RoundElector" e WHERE e."roundId" = ${round}::uuid
      UNION ALL SELECT m."assigneeUserId", 'assignee' FROM "Milestone" m
        WHERE m.id = ${milestone}::uuid AND m."assigneeUserId" IS NOT NULL
      UNION ALL SELECT u.id, 'assignee' FROM "Milestone" m JOIN "User" u ON u."organisationId" = m."assigneeOrganisationId"
        WHERE m.id = ${milestone}::uuid
      -- Those who wrote in the thread before this comment (the log may be read after later ones).
      UNION ALL SELECT DISTINCT t."authorId", 'commenter' FROM thread t
        WHERE t."createdAt" < (SELECT "createdAt" FROM "Comment" WHERE id = ${q.commentId ?? null}::uuid)
      UNION ALL SELECT c."authorId", 'repliedTo' FROM "Comment" c WHERE c.id = ${q.parentId ?? null}::uuid
      UNION ALL SELECT m, 'mentioned' FROM unnest(${[...(q.mentions ?? [])]}::uuid[]) m
      UNION ALL SELECT f."userId", 'chose' FROM "Follow" f
        WHERE f."projectId" = ${q.projectId}::uuid
          AND ((f."subjectType" = 'PROJECT' AND f."subjectId" = ${q.projectId}::uuid)
            OR (f."subjectType" = ${q.item.type}::"FollowSubjectType" AND f."subjectId" = ${q.item.id}::uuid))
    ), grouped AS (
      SELECT "userId", array_agg(DISTINCT rel) AS relations FROM cand GROUP BY "userId"
    )
    SELECT u.id, u.role::text AS role, (SELECT d.code FROM "Delegation" d WHERE d.id = u."delegationId") AS "delegation", u."organisationId", g.relations,
      (SELECT f.state::text FROM "Follow" f WHERE f."userId" = u.id AND f."subjectType" = ${q.item.type}::"FollowSubjectType"
        AND f."subjectId" = ${q.item.id}::uuid AND ${q.item.type !== "PROJECT"}::boolean) AS "itemChoice",
      (SELECT f.state::text FROM "Follow" f WHERE f."userId" = u.id AND f."subjectType" = 'PROJECT'
        AND f."subjectId" = ${q.projectId}::uuid) AS "projectChoice",
      (SELECT jsonb_object_agg(ep.reason, ep.channel) FROM "EmailPreference" ep WHERE ep."userId" = u.id) AS channels
    FROM grouped g JOIN "User" u ON u.id = g."userId"
    WHERE u."deactivatedAt" IS NULL AND (${q.onlyUserId ?? null}::uuid IS NULL OR u.id = ${q.onlyUserId ?? null}::uuid)`,
  );
  return rows.map((r) => {
    const relations = new Set<Relation>();
    for (const rel of r.relations) {
      if (
        rel === "organisation" ||
        rel === "sponsor" ||
        rel === "elector" ||
        rel === "assignee" ||
        rel === "commenter"
      ) {
        relations.add(rel);
      }
    }
    return {
      actor: { id: r.id, role: r.role, delegation: r.delegation, organisationId: r.organisationId },
      relations,
      itemChoice: r.itemChoice,
      projectChoice: r.projectChoice,
      mentioned: r.relations.includes("mentioned"),
      repliedTo: r.relations.includes("repliedTo"),
      channels: (r.channels ?? {}) as Partial<Record<NotificationReason, EmailChannel>>,
    };
  });
}

/** Active users whose name begins with one of `prefixes` (mention look-up), at most 200. */
export async function usersNamed(
  tx: Tx,
  prefixes: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (prefixes.length === 0) return [];
  return queryRows<{ id: string; name: string }>(
    tx,
    Prisma.sql`SELECT u.id, u.name FROM "User" u
      WHERE u."deactivatedAt" IS NULL AND EXISTS (
        SELECT 1 FROM unnest(${[...prefixes]}::text[]) p WHERE lower(u.name) LIKE replace(replace(replace(p, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
      )
      LIMIT 200`,
  );
}

/** Active users whose name matches `query` (any word's beginning), for the comment box's suggestions. */
export async function mentionCandidates(
  tx: Tx,
  query: string,
  limit: number,
): Promise<(Actor & { name: string })[]> {
  const pattern = query.toLocaleLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await queryRows<{
    id: string;
    name: string;
    role: Role;
    delegation: string | null;
    organisationId: string | null;
  }>(
    tx,
    Prisma.sql`SELECT u.id, u.name, u.role::text AS role, (SELECT d.code FROM "Delegation" d WHERE d.id = u."delegationId") AS "delegation", u."organisationId" FROM "User" u
      WHERE u."deactivatedAt" IS NULL
        AND (lower(u.name) LIKE ${pattern} || '%' OR lower(u.name) LIKE '% ' || ${pattern} || '%')
      ORDER BY u.name, u.id LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    delegation: r.delegation,
    organisationId: r.organisationId,
  }));
}

// ── Writing notifications ────────────────────────────────────────────────────────────────

export interface NewNotification {
  userId: string;
  key: string;
  reason: NotificationReason;
  eventPosition: string | null;
  eventType: EventType | null;
  actorId: string | null;
  projectId: string;
  subject: { type: FollowSubjectType; id: string };
  data: Record<string, unknown>;
  emailChannel: EmailChannel;
}

/** Writes notifications, one per person and key (a second write of the same is ignored). Returns how many were new. */
export async function insertNotifications(
  tx: Tx,
  rows: readonly NewNotification[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    inserted += await tx.$executeRaw`
      INSERT INTO "Notification" (id, "userId", key, reason, "eventPosition", "eventType", "actorId", "projectId",
        "subjectType", "subjectId", data, "emailChannel", "createdAt")
      SELECT gen_random_uuid(), u, k, r::"NotificationReason", ep, et, a, p, st::"FollowSubjectType", si, d, ch::"EmailChannel", ${now}
      FROM unnest(${batch.map((r) => r.userId)}::uuid[], ${batch.map((r) => r.key)}::text[],
        ${batch.map((r) => r.reason)}::text[], ${batch.map((r) => r.eventPosition)}::bigint[],
        ${batch.map((r) => r.eventType)}::text[], ${batch.map((r) => r.actorId)}::uuid[],
        ${batch.map((r) => r.projectId)}::uuid[], ${batch.map((r) => r.subject.type)}::text[],
        ${batch.map((r) => r.subject.id)}::uuid[], ${batch.map((r) => JSON.stringify(r.data))}::jsonb[],
        ${batch.map((r) => r.emailChannel)}::text[]) AS x(u, k, r, ep, et, a, p, st, si, d, ch)
      ON CONFLICT ("userId", key) DO NOTHING`;
  }
  return inserted;
}

/** A voter's "vote due" and "closing" notifications for a round are done once they voted. */
export async function markVoteNotificationsDone(
  tx: Tx,
  userId: string,
  roundId: string,
  now: Date,
): Promise<number> {
  return tx.$executeRaw`UPDATE "Notification" SET "doneAt" = ${now}, "readAt" = COALESCE("readAt", ${now})
    WHERE "userId" = ${userId}::uuid AND "subjectType" = 'ROUND' AND "subjectId" = ${roundId}::uuid
      AND reason IN ('VOTE_DUE', 'ROUND_CLOSING') AND "doneAt" IS NULL`;
}

// ── Reminders ────────────────────────────────────────────────────────────────────────────

export interface ReminderCandidate {
  actor: Actor;
  itemChoice: FollowState | null;
  projectChoice: FollowState | null;
  channels: Partial<Record<NotificationReason, EmailChannel>>;
  project: {
    id: string;
    status: ProjectStatus;
    organisationId: string;
    submittedAt: string | null;
    timeZone: string;
  };
  itemId: string;
  /** Round: whether they voted. Milestone: its due date and status. */
  voted?: boolean;
  closesAt?: Date;
  dueDate?: string;
  status?: string;
  title?: { en: string; ja: string };
}

const candidateColumns = Prisma.sql`u.id AS "userId", u.role::text AS role, (SELECT d.code FROM "Delegation" d WHERE d.id = u."delegationId") AS "delegation", u."organisationId",
  p.id AS "projectId", p.status::text AS "projectStatus", p."organisationId" AS "projectOrganisationId",
  p."submittedAt" AS "projectSubmittedAt", p."referenceTimeZone" AS "timeZone",
  (SELECT jsonb_object_agg(ep.reason, ep.channel) FROM "EmailPreference" ep WHERE ep."userId" = u.id) AS channels,
  (SELECT f.state::text FROM "Follow" f WHERE f."userId" = u.id AND f."subjectType" = 'PROJECT' AND f."subjectId" = p.id) AS "projectChoice"`;

interface ReminderRow {
  userId: string;
  role: Role;
  delegation: string | null;
  organisationId: string | null;
  projectId: string;
  projectStatus: ProjectStatus;
  projectOrganisationId: string;
  projectSubmittedAt: Date | null;
  timeZone: string;
  channels: Record<string, EmailChannel> | null;
  projectChoice: FollowState | null;
  itemChoice: FollowState | null;
  itemId: string;
}

function reminderOf(r: ReminderRow): ReminderCandidate {
  return {
    actor: { id: r.userId, role: r.role, delegation: r.delegation, organisationId: r.organisationId },
    itemChoice: r.itemChoice,
    projectChoice: r.projectChoice,
    channels: (r.channels ?? {}) as Partial<Record<NotificationReason, EmailChannel>>,
    project: {
      id: r.projectId,
      status: r.projectStatus,
      organisationId: r.projectOrganisationId,
      submittedAt: r.projectSubmittedAt ? new Date(r.projectSubmittedAt).toISOString() : null,
      timeZone: r.timeZone,
    },
    itemId: r.itemId,
  };
}

/** Electors of open rounds closing before `until` who have no reminder yet. */
export async function roundClosingCandidates(tx: Tx, now: Date, until: Date): Promise<ReminderCandidate[]> {
  const rows = await queryRows<ReminderRow & { voted: boolean; closesAt: Date }>(
    tx,
    Prisma.sql`SELECT ${candidateColumns}, r.id AS "itemId", r."closesAt",
        EXISTS (SELECT 1 FROM "Vote" v WHERE v."roundId" = r.id AND v."voterId" = u.id) AS voted,
        (SELECT f.state::text FROM "Follow" f WHERE f."userId" = u.id AND f."subjectType" = 'ROUND' AND f."subjectId" = r.id) AS "itemChoice"
      FROM "ReviewRound" r
      JOIN "Project" p ON p.id = r."projectId"
      JOIN "RoundElector" e ON e."roundId" = r.id
      JOIN "User" u ON u.id = e."voterId" AND u."deactivatedAt" IS NULL
      WHERE r.status = 'OPEN' AND r."closesAt" > ${now} AND r."closesAt" <= ${until}
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u.id AND n.key = 'round-closing:' || r.id::text)`,
  );
  return rows.map((r) => ({ ...reminderOf(r), voted: r.voted, closesAt: new Date(r.closesAt) }));
}

/** Assignees (the person, or the members of the organisation) of open milestones due by `byDate` or earlier. */
export async function milestoneDueCandidates(tx: Tx, byDate: string): Promise<ReminderCandidate[]> {
  const rows = await queryRows<
    ReminderRow & { dueDate: string; status: string; titleEn: string; titleJa: string }
  >(
    tx,
    Prisma.sql`SELECT ${candidateColumns}, m.id AS "itemId", to_char(m."dueDate", 'YYYY-MM-DD') AS "dueDate",
        m.status::text AS status, m."titleEn", m."titleJa",
        (SELECT f.state::text FROM "Follow" f WHERE f."userId" = u.id AND f."subjectType" = 'MILESTONE' AND f."subjectId" = m.id) AS "itemChoice"
      FROM "Milestone" m
      JOIN "Project" p ON p.id = m."projectId"
      JOIN "User" u ON (u.id = m."assigneeUserId" OR u."organisationId" = m."assigneeOrganisationId") AND u."deactivatedAt" IS NULL
      WHERE m.status NOT IN ('DONE', 'CANCELLED') AND m."dueDate" <= ${byDate}::date
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u.id
          AND n.key = 'milestone-overdue:' || m.id::text || ':' || to_char(m."dueDate", 'YYYY-MM-DD'))`,
  );
  return rows.map((r) => ({
    ...reminderOf(r),
    dueDate: r.dueDate,
    status: r.status,
    title: { en: r.titleEn, ja: r.titleJa },
  }));
}

/**
 * Permitting milestones still open whose current target is before `before` (no outcome, no open
 * pause), with the people to tell: the authorization's owner and every active coordinator, each
 * not yet told of this milestone at this target.
 */
export async function permitMissedCandidates(
  tx: Tx,
  before: string,
): Promise<(ReminderCandidate & { jurisdiction: string; target: string; authorizationId: string })[]> {
  const rows = await queryRows<
    ReminderRow & {
      jurisdiction: string;
      target: string;
      authorizationId: string;
      titleEn: string;
      titleJa: string;
    }
  >(
    tx,
    Prisma.sql`SELECT ${candidateColumns}, m.id AS "itemId", a.id AS "authorizationId",
        a."titleEn" || ': ' || m."nameEn" AS "titleEn", a."titleJa" || '：' || m."nameJa" AS "titleJa",
        a.jurisdiction::text AS jurisdiction, to_char(m."currentDate", 'YYYY-MM-DD') AS target,
        NULL::text AS "itemChoice"
      FROM "PermitMilestone" m
      JOIN "PermitAuthorization" a ON a.id = m."authorizationId"
      JOIN "Project" p ON p.id = a."projectId"
      JOIN "User" u ON (u.id = a."ownerId" OR u.role = 'COORDINATOR') AND u."deactivatedAt" IS NULL
      WHERE m."actualDate" IS NULL AND a.outcome IS NULL AND m."currentDate" < ${before}::date
        AND NOT EXISTS (SELECT 1 FROM "PermitPause" z WHERE z."projectId" = p.id AND z."endedOn" IS NULL)
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u.id
          AND n.key = 'permit-missed:' || m.id::text || ':' || to_char(m."currentDate", 'YYYY-MM-DD'))`,
  );
  return rows.map((r) => ({
    ...reminderOf(r),
    jurisdiction: r.jurisdiction,
    target: r.target,
    authorizationId: r.authorizationId,
    title: { en: r.titleEn, ja: r.titleJa },
  }));
}

/** Open pauses whose latest summary (or start) is older than `since`, with every active coordinator not yet told. */
export async function pauseSummaryCandidates(
  tx: Tx,
  since: string,
): Promise<(ReminderCandidate & { lastSummaryOn: string; startedOn: string })[]> {
  const rows = await queryRows<ReminderRow & { lastSummaryOn: string; startedOn: string }>(
    tx,
    Prisma.sql`SELECT * FROM (SELECT ${candidateColumns}, z.id AS "itemId", NULL::text AS "itemChoice",
        to_char(z."startedOn", 'YYYY-MM-DD') AS "startedOn",
        to_char(COALESCE((SELECT max(s."writtenOn") FROM "PermitPauseSummary" s WHERE s."pauseId" = z.id), z."startedOn"), 'YYYY-MM-DD') AS "lastSummaryOn"
      FROM "PermitPause" z
      JOIN "Project" p ON p.id = z."projectId"
      JOIN "User" u ON u.role = 'COORDINATOR' AND u."deactivatedAt" IS NULL
      WHERE z."endedOn" IS NULL) c
      WHERE c."lastSummaryOn" < ${since}
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = c."userId"
          AND n.key = 'pause-summary:' || c."itemId"::text || ':' || c."lastSummaryOn")`,
  );
  return rows.map((r) => ({ ...reminderOf(r), lastSummaryOn: r.lastSummaryOn, startedOn: r.startedOn }));
}

// ── The inbox ────────────────────────────────────────────────────────────────────────────

interface NotificationRow {
  id: string;
  reason: NotificationReason;
  eventType: EventType | null;
  actorName: string | null;
  projectId: string;
  reference: string;
  titleEn: string;
  titleJa: string;
  subjectType: FollowSubjectType;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  doneAt: Date | null;
  savedAt: Date | null;
  snoozedUntil: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    reason: r.reason,
    eventType: r.eventType,
    actorName: r.actorName,
    project: { id: r.projectId, reference: r.reference, titleEn: r.titleEn, titleJa: r.titleJa },
    subject: { type: r.subjectType, id: r.subjectId },
    data: r.data,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: iso(r.readAt),
    doneAt: iso(r.doneAt),
    savedAt: iso(r.savedAt),
    snoozedUntil: iso(r.snoozedUntil),
  };
}

const viewColumns = Prisma.sql`n.id, n.reason::text AS reason, n."eventType", a.name AS "actorName", n."projectId",
  p.reference, p."titleEn", p."titleJa", n."subjectType"::text AS "subjectType", n."subjectId", n.data,
  n."createdAt", n."readAt", n."doneAt", n."savedAt", n."snoozedUntil"`;

function viewWhere(view: InboxView, now: Date): Prisma.Sql {
  switch (view) {
    case "inbox":
      return Prisma.sql`n."doneAt" IS NULL AND (n."snoozedUntil" IS NULL OR n."snoozedUntil" <= ${now})`;
    case "saved":
      return Prisma.sql`n."savedAt" IS NOT NULL`;
    case "snoozed":
      return Prisma.sql`n."doneAt" IS NULL AND n."snoozedUntil" > ${now}`;
    case "done":
      return Prisma.sql`n."doneAt" IS NOT NULL`;
  }
}

/** One keyset page of a person's notifications, newest first. */
export async function listNotifications(
  tx: Tx,
  userId: string,
  q: {
    view: InboxView;
    reasons?: readonly NotificationReason[] | undefined;
    exceptReasons?: readonly NotificationReason[] | undefined;
    unreadOnly?: boolean | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
  now: Date,
): Promise<Page<NotificationView>> {
  const filters: Prisma.Sql[] = [Prisma.sql`n."userId" = ${userId}::uuid`, viewWhere(q.view, now)];
  if (q.reasons?.length) filters.push(Prisma.sql`n.reason::text = ANY(${[...q.reasons]}::text[])`);
  if (q.exceptReasons?.length)
    filters.push(Prisma.sql`NOT (n.reason::text = ANY(${[...q.exceptReasons]}::text[]))`);
  if (q.unreadOnly) filters.push(Prisma.sql`n."readAt" IS NULL`);
  if (q.cursor) {
    filters.push(Prisma.sql`(n."createdAt", n.id) < (SELECT c."createdAt", c.id FROM "Notification" c
      WHERE c.id = ${q.cursor}::uuid AND c."userId" = ${userId}::uuid)`);
  }
  const rows = await queryRows<NotificationRow>(
    tx,
    Prisma.sql`SELECT ${viewColumns}
      FROM "Notification" n JOIN "Project" p ON p.id = n."projectId" LEFT JOIN "User" a ON a.id = n."actorId"
      WHERE ${Prisma.join(filters, " AND ")}
      ORDER BY n."createdAt" DESC, n.id DESC LIMIT ${q.limit + 1}`,
  );
  const hasMore = rows.length > q.limit;
  const items = (hasMore ? rows.slice(0, q.limit) : rows).map(toView);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Unread in the inbox (not done, not snoozed). */
export async function countUnread(tx: Tx, userId: string, now: Date): Promise<number> {
  const rows = await queryRows<{ count: bigint }>(
    tx,
    Prisma.sql`SELECT count(*) AS count FROM "Notification" n
      WHERE n."userId" = ${userId}::uuid AND n."readAt" IS NULL AND n."doneAt" IS NULL
        AND (n."snoozedUntil" IS NULL OR n."snoozedUntil" <= ${now})`,
  );
  return Number(rows[0]?.count ?? 0);
}

/** Changes the caller's own notifications among `ids`; returns how many were theirs. */
export async function updateNotifications(
  tx: Tx,
  userId: string,
  ids: readonly string[],
  change: {
    read?: boolean | undefined;
    done?: boolean | undefined;
    saved?: boolean | undefined;
    snoozedUntil?: Date | null | undefined;
  },
  now: Date,
): Promise<number> {
  const sets: Prisma.Sql[] = [];
  if (change.read !== undefined)
    sets.push(change.read ? Prisma.sql`"readAt" = COALESCE("readAt", ${now})` : Prisma.sql`"readAt" = NULL`);
  if (change.done !== undefined) {
    sets.push(change.done ? Prisma.sql`"doneAt" = COALESCE("doneAt", ${now})` : Prisma.sql`"doneAt" = NULL`);
    if (change.done && change.read === undefined)
      sets.push(Prisma.sql`"readAt" = COALESCE("readAt", ${now})`);
  }
  if (change.saved !== undefined)
    sets.push(
      change.saved ? Prisma.sql`"savedAt" = COALESCE("savedAt", ${now})` : Prisma.sql`"savedAt" = NULL`,
    );
  if (change.snoozedUntil !== undefined) sets.push(Prisma.sql`"snoozedUntil" = ${change.snoozedUntil}`);
  return tx.$executeRaw`UPDATE "Notification" SET ${Prisma.join(sets, ", ")}
    WHERE "userId" = ${userId}::uuid AND id = ANY(${[...ids]}::uuid[])`;
}

export async function markAllRead(tx: Tx, userId: string, now: Date): Promise<number> {
  return tx.$executeRaw`UPDATE "Notification" SET "readAt" = ${now}
    WHERE "userId" = ${userId}::uuid AND "readAt" IS NULL AND "doneAt" IS NULL`;
}

/**
 * Deletes notifications older than `before`, except saved ones, and the sent mails older than that
 * which no longer hold any; returns how many notifications went. (Failed mails stay for the
 * administrators.)
 */
export async function pruneNotifications(tx: Tx, before: Date): Promise<number> {
  const deleted = await tx.$executeRaw`DELETE FROM "Notification" WHERE id IN (
    SELECT id FROM "Notification" WHERE "createdAt" < ${before} AND "savedAt" IS NULL LIMIT 10000)`;
  await tx.$executeRaw`DELETE FROM "NotificationMail" m WHERE m."createdAt" < ${before} AND m.status IN ('SENT', 'SKIPPED')
    AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."mailId" = m.id)`;
  return deleted;
}

// ── Following and preferences ────────────────────────────────────────────────────────────

export async function setFollowChoice(
  tx: Tx,
  userId: string,
  subject: { type: FollowSubjectType; id: string },
  projectId: string,
  state: FollowState | null,
): Promise<void> {
  const key = { userId_subjectType_subjectId: { userId, subjectType: subject.type, subjectId: subject.id } };
  if (state === null) {
    await tx.follow.deleteMany({ where: { userId, subjectType: subject.type, subjectId: subject.id } });
    return;
  }
  await tx.follow.upsert({
    where: key,
    create: { userId, subjectType: subject.type, subjectId: subject.id, projectId, state },
    update: { state },
    select: { userId: true },
  });
}

/** The project a round or milestone belongs to (or the project itself), or null when there is no such item. */
export async function projectOfItem(
  tx: Tx,
  subject: { type: FollowSubjectType; id: string },
): Promise<string | null> {
  if (subject.type === "PROJECT") {
    return (await tx.project.findUnique({ where: { id: subject.id }, select: { id: true } }))?.id ?? null;
  }
  if (subject.type === "ROUND") {
    return (
      (await tx.reviewRound.findUnique({ where: { id: subject.id }, select: { projectId: true } }))
        ?.projectId ?? null
    );
  }
  return (
    (await tx.milestone.findUnique({ where: { id: subject.id }, select: { projectId: true } }))?.projectId ??
    null
  );
}

export async function emailChoices(
  tx: Tx,
  userId: string,
): Promise<Partial<Record<NotificationReason, EmailChannel>>> {
  const rows = await tx.emailPreference.findMany({
    where: { userId },
    select: { reason: true, channel: true },
  });
  return Object.fromEntries(rows.map((r) => [r.reason, r.channel]));
}

/**
 * Sets a person's channels; notifications not yet mailed move to the new channel (a "never" set
 * now stops what was waiting for tomorrow's digest).
 */
export async function setEmailChoices(
  tx: Tx,
  userId: string,
  channels: Partial<Record<NotificationReason, EmailChannel>>,
): Promise<void> {
  for (const [reason, channel] of Object.entries(channels) as [NotificationReason, EmailChannel][]) {
    await tx.emailPreference.upsert({
      where: { userId_reason: { userId, reason } },
      create: { userId, reason, channel },
      update: { channel },
      select: { userId: true },
    });
    await tx.$executeRaw`UPDATE "Notification" SET "emailChannel" = ${channel}::"EmailChannel"
      WHERE "userId" = ${userId}::uuid AND reason = ${reason}::"NotificationReason" AND "mailId" IS NULL AND "mailSkippedAt" IS NULL`;
  }
}

// ── Mail ─────────────────────────────────────────────────────────────────────────────────

/**
 * Batches "immediately" notifications whose item has waited `cutoff` or longer into one mail per
 * person and item; those read meanwhile are marked skipped and sent to no one. Rows are locked
 * (SKIP LOCKED) and each mail keyed by its first notification: instances never both take one.
 */
export async function planImmediateMails(tx: Tx, cutoff: Date, now: Date, limit = 2000): Promise<number> {
  const rows = await queryRows<{
    id: string;
    userId: string;
    subjectType: string;
    subjectId: string;
    read: boolean;
  }>(
    tx,
    Prisma.sql`SELECT n.id, n."userId", n."subjectType"::text AS "subjectType", n."subjectId",
        (n."readAt" IS NOT NULL OR n."doneAt" IS NOT NULL) AS read
      FROM "Notification" n
      WHERE n."emailChannel" = 'IMMEDIATE' AND n."mailId" IS NULL AND n."mailSkippedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "Notification" o WHERE o."userId" = n."userId" AND o."subjectType" = n."subjectType"
          AND o."subjectId" = n."subjectId" AND o."emailChannel" = 'IMMEDIATE' AND o."mailId" IS NULL
          AND o."mailSkippedAt" IS NULL AND o."createdAt" <= ${cutoff})
      ORDER BY n."createdAt", n.id
      LIMIT ${limit}
      FOR UPDATE OF n SKIP LOCKED`,
  );
  const skipped = rows.filter((r) => r.read).map((r) => r.id);
  if (skipped.length) {
    await tx.$executeRaw`UPDATE "Notification" SET "mailSkippedAt" = ${now} WHERE id = ANY(${skipped}::uuid[])`;
  }
  const groups = new Map<string, { userId: string; ids: string[] }>();
  for (const r of rows) {
    if (r.read) continue;
    const key = `${r.userId}:${r.subjectType}:${r.subjectId}`;
    const g = groups.get(key) ?? { userId: r.userId, ids: [] };
    g.ids.push(r.id);
    groups.set(key, g);
  }
  let mails = 0;
  for (const g of groups.values()) {
    const created = await queryRows<{ id: string }>(
      tx,
      Prisma.sql`INSERT INTO "NotificationMail" (id, "userId", kind, key, "nextAttemptAt", "createdAt")
        VALUES (gen_random_uuid(), ${g.userId}::uuid, 'IMMEDIATE', ${`immediate:${g.ids[0]}`}, ${now}, ${now})
        ON CONFLICT (key) DO NOTHING RETURNING id`,
    );
    if (!created[0]) continue;
    await tx.$executeRaw`UPDATE "Notification" SET "mailId" = ${created[0].id}::uuid WHERE id = ANY(${g.ids}::uuid[]) AND "mailId" IS NULL`;
    mails++;
  }
  return mails;
}

/** People with notifications waiting for a digest of `channel`: when the oldest was written, and their time zone. */
export async function digestWaiting(
  tx: Tx,
  channel: "DAILY" | "WEEKLY",
): Promise<{ userId: string; timeZone: string; oldest: Date }[]> {
  const rows = await queryRows<{ userId: string; timeZone: string; oldest: Date }>(
    tx,
    Prisma.sql`SELECT n."userId", u."timeZone", min(n."createdAt") AS oldest
      FROM "Notification" n JOIN "User" u ON u.id = n."userId"
      WHERE n."emailChannel" = ${channel}::"EmailChannel" AND n."mailId" IS NULL AND n."mailSkippedAt" IS NULL
        AND u."deactivatedAt" IS NULL
      GROUP BY n."userId", u."timeZone"`,
  );
  return rows.map((r) => ({ ...r, oldest: new Date(r.oldest) }));
}

/**
 * Creates each person's digest for its period (keyed `daily:<user>:<period>`: one per person and
 * period, however often and wherever this runs) and puts in it every waiting notification of that
 * channel written before the period began. Returns how many digests were created.
 */
export async function planDigests(
  tx: Tx,
  channel: "DAILY" | "WEEKLY",
  due: readonly { userId: string; period: string; startsAt: Date }[],
  now: Date,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < due.length; i += 2000) {
    const batch = due.slice(i, i + 2000);
    const rows = await queryRows<{ n: bigint }>(
      tx,
      Prisma.sql`WITH due AS (
          SELECT * FROM unnest(${batch.map((d) => d.userId)}::uuid[], ${batch.map((d) => `${channel.toLowerCase()}:${d.userId}:${d.period}`)}::text[],
            ${batch.map((d) => d.startsAt.toISOString())}::timestamptz[]) AS x("userId", key, "startsAt")
        ), mails AS (
          INSERT INTO "NotificationMail" (id, "userId", kind, key, "nextAttemptAt", "createdAt")
          SELECT gen_random_uuid(), d."userId", ${channel}::"MailKind", d.key, ${now}, ${now} FROM due d
          ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key WHERE "NotificationMail".status = 'PENDING'
          RETURNING id, "userId", key
        ), attached AS (
          UPDATE "Notification" n SET "mailId" = m.id
          FROM mails m JOIN due d ON d.key = m.key
          WHERE n."userId" = m."userId" AND n."emailChannel" = ${channel}::"EmailChannel" AND n."mailId" IS NULL
            AND n."mailSkippedAt" IS NULL AND n."createdAt" < d."startsAt"
          RETURNING n.id
        )
        SELECT (SELECT count(*) FROM mails) AS n`,
    );
    total += Number(rows[0]?.n ?? 0);
  }
  // A digest that took nothing (all moved to another channel meanwhile) is not sent.
  await tx.$executeRaw`UPDATE "NotificationMail" m SET status = 'SKIPPED'
    WHERE m.status = 'PENDING' AND m.kind = ${channel}::"MailKind" AND m."createdAt" = ${now}
      AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."mailId" = m.id)`;
  return total;
}

export interface ClaimedMail {
  id: string;
  userId: string;
  kind: "IMMEDIATE" | "DAILY" | "WEEKLY";
  key: string;
  attempts: number;
}

/**
 * Takes up to `limit` mails that are due (or whose sender stopped mid-send: its lease ran out)
 * for this instance to send, leasing them until `leaseUntil`.
 */
export async function claimMails(tx: Tx, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMail[]> {
  return queryRows<ClaimedMail>(
    tx,
    Prisma.sql`UPDATE "NotificationMail" m SET status = 'SENDING', "leaseUntil" = ${leaseUntil}, attempts = m.attempts + 1
      WHERE m.id IN (
        SELECT id FROM "NotificationMail"
        WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${now}) OR (status = 'SENDING' AND "leaseUntil" < ${now})
        ORDER BY "nextAttemptAt", id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m."userId", m.kind::text AS kind, m.key, m.attempts`,
  );
}

/** A notification in a mail: as the inbox shows it, and whether it was read (or done) meanwhile. */
export type MailEntry = NotificationView & { read: boolean };

export interface MailContent {
  mailId: string;
  kind: "IMMEDIATE" | "DAILY" | "WEEKLY";
  key: string;
  user: { id: string; email: string; name: string; locale: "en" | "ja"; timeZone: string };
  entries: MailEntry[];
}

/** What each claimed mail holds, newest first. */
export async function mailContents(tx: Tx, mailIds: readonly string[]): Promise<MailContent[]> {
  const rows = await queryRows<
    Omit<NotificationRow, "id"> & {
      id: string | null;
      mailId: string;
      kind: MailContent["kind"];
      key: string;
      userId: string;
      email: string;
      name: string;
      locale: "en" | "ja";
      timeZone: string;
      read: boolean;
    }
  >(
    tx,
    Prisma.sql`SELECT m.id AS "mailId", m.kind::text AS kind, m.key, u.id AS "userId", u.email, u.name,
        u.locale::text AS locale, u."timeZone", ${viewColumns},
        (n."readAt" IS NOT NULL OR n."doneAt" IS NOT NULL) AS read
      FROM "NotificationMail" m JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "Notification" n ON n."mailId" = m.id
      LEFT JOIN "Project" p ON p.id = n."projectId"
      LEFT JOIN "User" a ON a.id = n."actorId"
      WHERE m.id = ANY(${[...mailIds]}::uuid[])
      ORDER BY m.id, n."createdAt" DESC, n.id DESC`,
  );
  const byMail = new Map<string, MailContent>();
  for (const r of rows) {
    let mail = byMail.get(r.mailId);
    if (!mail) {
      mail = {
        mailId: r.mailId,
        kind: r.kind,
        key: r.key,
        user: { id: r.userId, email: r.email, name: r.name, locale: r.locale, timeZone: r.timeZone },
        entries: [],
      };
      byMail.set(r.mailId, mail);
    }
    if (r.id !== null) mail.entries.push({ ...toView({ ...r, id: r.id }), read: r.read });
  }
  return [...byMail.values()];
}

export async function markMailSent(tx: Tx, id: string, status: "SENT" | "SKIPPED", now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "NotificationMail" SET status = ${status}::"MailStatus", "sentAt" = ${now}, "leaseUntil" = NULL, "lastError" = NULL
    WHERE id = ${id}::uuid`;
}

/** A failed attempt: tried again at `retryAt`, or, with null, given up on (FAILED, shown to administrators). */
export async function markMailFailed(tx: Tx, id: string, error: string, retryAt: Date | null): Promise<void> {
  await tx.$executeRaw`UPDATE "NotificationMail" SET
      status = ${retryAt ? "PENDING" : "FAILED"}::"MailStatus", "nextAttemptAt" = COALESCE(${retryAt}, "nextAttemptAt"),
      "leaseUntil" = NULL, "lastError" = ${error.slice(0, 1000)}
    WHERE id = ${id}::uuid`;
}

export interface MailProblem {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  recipient: { id: string; name: string; email: string };
}

/** Mails that failed or are waiting to be retried, newest first (for administrators). */
export async function listMailProblems(
  tx: Tx,
  q: { cursor?: string | null | undefined; limit: number },
): Promise<Page<MailProblem>> {
  const rows = await tx.notificationMail.findMany({
    where: {
      OR: [{ status: "FAILED" }, { status: { in: ["PENDING", "SENDING"] }, lastError: { not: null } }],
    },
    select: {
      id: true,
      kind: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > q.limit;
  const items = (hasMore ? rows.slice(0, q.limit) : rows).map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    recipient: r.user,
  }));
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Sends a failed mail again now; false when there is no failed mail with that id. */
export async function retryMail(tx: Tx, id: string, now: Date): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "NotificationMail" SET status = 'PENDING', "nextAttemptAt" = ${now}
    WHERE id = ${id}::uuid AND status = 'FAILED'`;
  return n === 1;
}

// ── Leases for scheduled jobs ─────────────────────────────────────────────────────────────

/**
 * Takes the lease on job `name` until `until` when it is free (never taken, or its holder's lease
 * ran out) and the job last ran at least `everyMs` ago. One statement: of several instances
 * asking at once, one gets it.
 */
export async function takeJobLease(
  tx: Tx,
  q: { name: string; holder: string; now: Date; until: Date; everyMs: number },
): Promise<boolean> {
  const since = new Date(q.now.getTime() - q.everyMs);
  const rows = await queryRows<{ name: string }>(
    tx,
    Prisma.sql`INSERT INTO "JobLease" (name, holder, "leaseUntil", "lastRunAt") VALUES (${q.name}, ${q.holder}, ${q.until}, ${q.now})
      ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil", "lastRunAt" = EXCLUDED."lastRunAt"
      WHERE "JobLease"."leaseUntil" < ${q.now} AND ("JobLease"."lastRunAt" IS NULL OR "JobLease"."lastRunAt" <= ${since})
      RETURNING name`,
  );
  return rows.length === 1;
}

export async function releaseJobLease(tx: Tx, name: string, holder: string, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "JobLease" SET "leaseUntil" = ${now} WHERE name = ${name} AND holder = ${holder}`;
}
