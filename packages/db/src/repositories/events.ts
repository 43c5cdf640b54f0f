import {
  auditEntryOf,
  EVENT_SCHEMA_VERSION,
  parseEventData,
  timelineEntryOf,
  type DomainEvent,
  type EventType,
  type LoggedEvent,
} from "@lodestone/domain/events";
import type { AuditEntityType } from "@lodestone/domain/audit";
import type { ProjectStatus } from "@lodestone/domain/enums";
import { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";
import { queryRows } from "../statement.js";

/** The one channel every API instance listens on; the payload is an event's position. */
export const EVENT_CHANNEL = "lodestone_events";

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Records what a use-case did, inside its transaction: the event (checked against its schema), the
 * project timeline's entry for it (if the timeline shows it) and its audit event, in one statement.
 * The event keeps the project's state as the transaction left it. This is the only way services
 * write the timeline or the audit log.
 */
export async function recordEvent(tx: Tx, event: DomainEvent): Promise<void> {
  const data = parseEventData(event.type, event.data);
  const audit = auditEntryOf(event);
  const timeline = timelineEntryOf({ ...event, data } as DomainEvent);
  await queryRows(
    tx,
    Prisma.sql`
    WITH project AS (
      SELECT id, status, "organisationId", "submittedAt" FROM "Project" WHERE id = ${event.projectId}::uuid
    ), logged AS (
      INSERT INTO "DomainEvent" (type, version, "actorId", "subjectType", "subjectId", "projectId",
        "projectStatus", "projectOrganisationId", "projectSubmittedAt", data)
      SELECT ${event.type}::text, ${EVENT_SCHEMA_VERSION}::int, ${event.actorId}::uuid, ${event.subject.type}::text,
        ${event.subject.id}::text, p.id, p.status, p."organisationId", p."submittedAt", ${JSON.stringify(data)}::jsonb
      FROM (SELECT 1) one LEFT JOIN project p ON true
      RETURNING "createdAt"
    ), audited AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", before, after, "requestId", "createdAt")
      SELECT gen_random_uuid(), ${audit.actorId}::uuid, ${audit.action}::text, ${audit.entityType}::text, ${audit.entityId}::text,
        ${json(audit.before)}::jsonb, ${json(audit.after)}::jsonb, ${audit.requestId}::text, "createdAt"
      FROM logged
    ), timeline AS (
      INSERT INTO "TimelineEvent" (id, "projectId", "actorId", type, data, "createdAt")
      SELECT gen_random_uuid(), ${event.projectId}::uuid, ${event.actorId}::uuid, ${timeline?.type ?? ""}::text,
        ${json(timeline?.data)}::jsonb, "createdAt"
      FROM logged WHERE ${timeline !== null}::boolean
    )
    SELECT 1 AS done FROM logged`,
  );
}

/**
 * Where a reader of the log stands: the last event it read, by the log's order (transaction id,
 * then position). `{ txid: "0", position: "0" }` is before the first event.
 */
export interface LogCursor {
  txid: string;
  position: string;
}

export const LOG_START: LogCursor = { txid: "0", position: "0" };

interface EventRow {
  position: string;
  txid: string;
  type: EventType;
  version: number;
  actorId: string | null;
  subjectType: AuditEntityType;
  subjectId: string;
  projectId: string | null;
  projectStatus: ProjectStatus | null;
  projectOrganisationId: string | null;
  projectSubmittedAt: Date | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface ReadEvent extends LoggedEvent {
  cursor: LogCursor;
}

/**
 * The next events after `cursor`, at most `limit`, in the log's order. Only events of
 * transactions older than the oldest one still in flight are read: positions are taken when an
 * event is written but become visible when its transaction commits, so a transaction that took
 * position 10 may commit after one that took 11. Reading below the oldest in-flight transaction
 * holds 11 back until 10 is visible too, and ordering by transaction id first keeps every event
 * read later after every event read now: none is ever skipped.
 */
export async function readEvents(tx: Tx, cursor: LogCursor, limit: number): Promise<ReadEvent[]> {
  const rows = await queryRows<EventRow>(
    tx,
    Prisma.sql`
    -- The order is by the columns (e.…), not by the text the SELECT list makes of them.
    SELECT e.position::text AS position, e.txid::text AS txid, type, version, "actorId", "subjectType", "subjectId",
      "projectId", "projectStatus", "projectOrganisationId", "projectSubmittedAt", data, "createdAt"
    FROM "DomainEvent" e
    WHERE e.txid < pg_snapshot_xmin(pg_current_snapshot())
      AND (e.txid, e.position) > (${cursor.txid}::xid8, ${cursor.position}::bigint)
    ORDER BY e.txid, e.position
    LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    cursor: { txid: r.txid, position: r.position },
    position: r.position,
    type: r.type,
    version: r.version,
    actorId: r.actorId,
    subject: { type: r.subjectType, id: r.subjectId },
    project:
      r.projectId && r.projectStatus && r.projectOrganisationId
        ? {
            id: r.projectId,
            status: r.projectStatus,
            organisationId: r.projectOrganisationId,
            submittedAt: r.projectSubmittedAt ? new Date(r.projectSubmittedAt).toISOString() : null,
          }
        : null,
    data: r.data,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** The cursor just after the event at `position`, or null when the log has no such event (or it is not yet readable). */
export async function cursorAt(tx: Tx, position: string): Promise<LogCursor | null> {
  const rows = await queryRows<LogCursor>(
    tx,
    Prisma.sql`
    SELECT txid::text AS txid, position::text AS position FROM "DomainEvent"
    WHERE position = ${position}::bigint AND txid < pg_snapshot_xmin(pg_current_snapshot())`,
  );
  return rows[0] ?? null;
}

/** The cursor after the last event readable now (a new reader starts here). */
export async function logHead(tx: Tx): Promise<LogCursor> {
  const rows = await queryRows<LogCursor>(
    tx,
    Prisma.sql`
    SELECT e.txid::text AS txid, e.position::text AS position FROM "DomainEvent" e
    WHERE e.txid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.txid DESC, e.position DESC LIMIT 1`,
  );
  return rows[0] ?? LOG_START;
}

/** A cursor as numbers, for comparing many times over (the event feed compares at every change). */
export type CursorKey = readonly [txid: bigint, position: bigint];

export const cursorKey = (c: LogCursor): CursorKey => [BigInt(c.txid), BigInt(c.position)];

/** Orders two cursors by the log's order: transaction id, then position. */
export function compareCursorKeys(a: CursorKey, b: CursorKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1;
}
