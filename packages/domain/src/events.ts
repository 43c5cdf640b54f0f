import { z } from "zod";
import { canSeeProject, type Actor } from "./access.js";
import type { AuditEntityType } from "./audit.js";
import { type AuditAction } from "./audit.js";
import { commentVisibility } from "./deliberation.js";
import { Classification, canSeeDocument, type DocumentAccessFacts } from "./documents.js";
import { DecisionOutcome, MilestoneStatus, ProjectStatus } from "./enums.js";
import { LedgerEntryKind } from "./funding.js";
import { EvidenceKind, GateKind, GateState } from "./gates.js";
import {
  DATE_CHANGE_REASONS,
  DATE_CHANGE_STATES,
  JURISDICTIONS,
  PAUSE_REASONS,
  PERMIT_INSTRUMENTS,
  PERMIT_OUTCOMES,
} from "./vocabulary.js";
import type { ProjectEvent } from "./lifecycle.js";

// The event log (DESIGN.md §9): every state-changing use-case appends one typed event, in its own
// transaction, through one call that also writes the project's timeline entry and the audit event.
// Event types are the audit log's actions: one vocabulary for what happened.

/** The version of the event schemas below; stored with every event. Bump it when a schema changes incompatibly. */
export const EVENT_SCHEMA_VERSION = 1;

const id = z.uuid();
const statusChange = z.object({ from: ProjectStatus, to: ProjectStatus }).strict();
const submission = statusChange
  .extend({ revision: z.number().int().positive(), contentHash: z.string() })
  .strict();
const round = z.object({ roundId: id }).strict();
/** A comment's state after the change: what decides who may receive the event. */
const comment = z
  .object({
    commentId: id,
    parentId: id.nullable(),
    authorId: id,
    hidden: z.boolean(),
    deleted: z.boolean(),
    /** Who a new comment names with `@name` (only on posting: an edit notifies no one). */
    mentions: z.array(id).max(50).optional(),
  })
  .strict();
const none = z.object({}).strict();
/** Who may receive an event about a document: its classification as it stands after the change. */
const documentAccess = z
  .object({
    classification: Classification,
    delegations: z.array(z.string()).max(20),
    organisationId: id.nullable(),
    uploadedById: id,
  })
  .strict();
const document = z
  .object({ documentId: id, folderId: id, versionId: id.optional(), access: documentAccess })
  .strict();
const isoDate = z.iso.date();
const gate = z.object({ gateId: id, gateKind: GateKind, gateState: GateState }).strict();
/** A funding entry: who may hear of it is the facility's access as it stands. */
const funding = z
  .object({ facilityId: id, entryId: id, entryKind: LedgerEntryKind, access: documentAccess })
  .strict();

/** An authorization of the permitting timetable (its milestone is `permitMilestoneId`: `milestoneId` names delivery milestones). */
const permit = z
  .object({
    authorizationId: id,
    jurisdiction: z.enum(JURISDICTIONS),
    instrument: z.enum(PERMIT_INSTRUMENTS),
  })
  .strict();
const dateChange = permit
  .extend({
    permitMilestoneId: id,
    changeId: id,
    from: isoDate,
    to: isoDate,
    reasonCode: z.enum(DATE_CHANGE_REASONS),
    state: z.enum(DATE_CHANGE_STATES),
  })
  .strict();
const pause = z.object({ pauseId: id, pauseReason: z.enum(PAUSE_REASONS) }).strict();

/** What each event carries for its consumers (the live feed, the timeline, later notifications). Never a vote's choice or a comment's text. */
export const EVENT_DATA = {
  "project.created": none,
  "project.edited": none,
  "project.submitted": submission,
  "project.resubmitted": submission,
  "project.withdrawn": statusChange,
  "project.delivery_started": statusChange,
  "project.completed": statusChange,
  "project.time_zone_changed": z.object({ timeZone: z.string() }).strict(),
  "review_round.opened": round
    .extend({ revision: z.number().int().positive(), closesAt: z.iso.datetime() })
    .strict(),
  "review_round.rule_changed": round,
  "review_round.closed_at_time": round,
  /** Turnout only: who chose what is never in an event. */
  "vote.cast": round,
  "vote.changed": round,
  "decision.recorded": round
    .extend({ decisionId: id, outcome: DecisionOutcome, from: ProjectStatus, to: ProjectStatus })
    .strict(),
  "comment.posted": comment,
  "comment.edited": comment,
  "comment.deleted": comment,
  "comment.hidden": comment,
  "comment.unhidden": comment,
  "milestone.created": z.object({ milestoneId: id, dueDate: isoDate }).strict(),
  "milestone.replanned": z
    .object({ milestoneId: id, from: isoDate, to: isoDate, reason: z.string() })
    .strict(),
  "milestone.reported": z
    .object({ milestoneId: id, status: MilestoneStatus, progress: z.number().int().min(0).max(100) })
    .strict(),
  "user.invited": none,
  "user.role_changed": none,
  "user.deactivated": none,
  "user.reactivated": none,
  "user.profile_updated": none,
  "account.linked": none,
  "session.created": none,
  "session.signed_out_everywhere": none,
  "delegation.created": none,
  "delegation.updated": none,
  "data_room.folder_created": z.object({ folderId: id }).strict(),
  "document.added": document,
  "document.version_added": document,
  "document.edited": document,
  "document.classified": document,
  "document.viewed": document,
  "document.downloaded": document,
  "document.quarantined": document,
  "gate.sequence_set": z.object({ kinds: z.array(GateKind).max(20) }).strict(),
  "gate.signatory_designated": z.object({ delegation: z.string(), userId: id.nullable() }).strict(),
  "gate.updated": gate,
  "gate.evidence_cited": gate.extend({ evidenceKind: EvidenceKind }).strict(),
  "gate.started": gate,
  "gate.submitted": gate,
  "gate.returned": gate,
  "gate.signed_off": gate.extend({ delegation: z.string().nullable() }).strict(),
  "gate.passed": gate,
  "gate.failed": gate,
  "gate.waived": gate,
  "gate.reopened": gate,
  "funding.facility_opened": funding,
  "funding.entry_recorded": funding,
  "permit.authorization_added": permit,
  "permit.outcome_set": permit.extend({ outcome: z.enum(PERMIT_OUTCOMES) }).strict(),
  "permit.date_changed": dateChange,
  "permit.date_change_requested": dateChange,
  "permit.date_change_decided": dateChange,
  "permit.milestone_completed": permit.extend({ permitMilestoneId: id, actualDate: isoDate }).strict(),
  "permit.paused": pause,
  "permit.pause_summarised": pause,
  "permit.resumed": pause.extend({ moved: z.number().int().min(0) }).strict(),
} as const satisfies Record<AuditAction, z.ZodType>;

export type EventType = keyof typeof EVENT_DATA;
export type EventData<T extends EventType> = z.input<(typeof EVENT_DATA)[T]>;

/** One event as a use-case records it. */
export type DomainEvent = {
  [T in EventType]: {
    type: T;
    data: EventData<T>;
    /** Who did it; null for the system (a round closed at its time). */
    actorId: string | null;
    /** What changed, as the audit log names it. */
    subject: { type: AuditEntityType; id: string };
    /** The project it belongs to, if any: its state after the change decides who may receive it. */
    projectId: string | null;
    /** The audit log's record of the change (never sent to anyone but the audit log's readers). */
    audit?: { before?: unknown; after?: unknown };
    requestId: string | null;
  };
}[EventType];

/** Checks an event against its schema (the log stores only events that pass). */
export function parseEventData<T extends EventType>(type: T, data: unknown): EventData<T> {
  return EVENT_DATA[type].parse(data) as EventData<T>;
}

// ── What the timeline and the audit log get from an event ────────────────────────────────

const LIFECYCLE_EVENT: Partial<Record<EventType, ProjectEvent>> = {
  "project.submitted": "submit",
  "project.resubmitted": "resubmit",
  "project.withdrawn": "withdraw",
  "project.delivery_started": "startDelivery",
  "project.completed": "complete",
};

/**
 * The timeline every reader of the project sees. Funding is not on it: a confidential facility's
 * entries reach only those who may see it (the ledger, live events and notifications apply that).
 */
const TIMELINE_TYPE: Partial<Record<EventType, string>> = {
  "project.created": "project_created",
  "review_round.opened": "round_opened",
  "review_round.closed_at_time": "round_closed",
  "decision.recorded": "decision_recorded",
  "milestone.created": "milestone_created",
  "milestone.replanned": "milestone_replanned",
  "milestone.reported": "milestone_reported",
  "gate.sequence_set": "gate_sequence_set",
  "gate.started": "gate_changed",
  "gate.submitted": "gate_changed",
  "gate.returned": "gate_changed",
  "gate.signed_off": "gate_signed_off",
  "gate.passed": "gate_changed",
  "gate.failed": "gate_changed",
  "gate.waived": "gate_changed",
  "gate.reopened": "gate_changed",
  "permit.authorization_added": "permit_changed",
  "permit.outcome_set": "permit_changed",
  "permit.date_changed": "permit_date_changed",
  "permit.date_change_requested": "permit_date_changed",
  "permit.date_change_decided": "permit_date_changed",
  "permit.milestone_completed": "permit_changed",
  "permit.paused": "permit_paused",
  "permit.pause_summarised": "permit_paused",
  "permit.resumed": "permit_paused",
};

/** Reads of a document are audited (the access list) but never broadcast: who read what stays with those who may see the access list. */
const NOT_LIVE: ReadonlySet<EventType> = new Set(["document.viewed", "document.downloaded"]);

/**
 * Whether `viewer` may hear of an event at all: its project as it stood after the change must be
 * visible to them, and an event about a document obeys the document's classification (carried in
 * the event as it stood after the change). The live feed and notifications both start here.
 */
export function mayHearOf(
  viewer: Actor,
  event: { type: EventType; project: LoggedEvent["project"]; data: Record<string, unknown> },
): boolean {
  const project = event.project;
  if (!project || !canSeeProject(viewer, project)) return false;
  const access = event.data.access as DocumentAccessFacts | undefined;
  if (access !== undefined && !canSeeDocument(viewer, project, access)) return false;
  return true;
}

/** The project timeline's entry for an event, or null when the timeline does not show it. */
export function timelineEntryOf(
  event: Pick<DomainEvent, "type" | "data" | "projectId">,
): { type: string; data: Record<string, unknown> | null } | null {
  if (!event.projectId) return null;
  const lifecycle = LIFECYCLE_EVENT[event.type];
  if (lifecycle) return { type: "status_changed", data: { ...event.data, event: lifecycle } };
  const type = TIMELINE_TYPE[event.type];
  if (!type) return null;
  return { type, data: Object.keys(event.data).length ? { ...event.data } : null };
}

/** The audit log's entry for an event. */
export function auditEntryOf(event: DomainEvent) {
  return {
    actorId: event.actorId,
    action: event.type,
    entityType: event.subject.type,
    entityId: event.subject.id,
    before: event.audit?.before,
    after: event.audit?.after,
    requestId: event.requestId,
  };
}

// ── Who receives which event live ─────────────────────────────────────────────────────────

/** An event as the log returns it: with its position and the project's state after the change. */
export interface LoggedEvent {
  /** Its position in the log (a decimal string: a PostgreSQL bigint). */
  position: string;
  type: EventType;
  version: number;
  actorId: string | null;
  subject: { type: AuditEntityType; id: string };
  project: { id: string; status: ProjectStatus; organisationId: string; submittedAt: string | null } | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** What a subscriber receives: no actor (a vote's voter is not public), no audit record. */
export interface LiveEvent {
  type: EventType;
  projectId: string;
  subject: { type: AuditEntityType; id: string };
  data: Record<string, unknown>;
  /** The subscriber caused it (their own comment, their own vote). */
  mine: boolean;
  at: string;
}

/**
 * The event as `viewer` may receive it, or null. The same rules as the reads: the project must be
 * visible to the viewer (as it stood after the change: a partner never hears of another
 * organisation's draft), and a change to a hidden or removed comment reaches only those the
 * comment list would show its text to (its hiding, unhiding and removal themselves reach every
 * reader, whose list shows the comment as hidden or removed). Events outside any project (users,
 * delegations, sessions) are not live.
 */
export function liveEventFor(viewer: Actor, event: LoggedEvent): LiveEvent | null {
  const project = event.project;
  if (!project || NOT_LIVE.has(event.type) || !mayHearOf(viewer, event)) return null;
  if (event.type.startsWith("comment.") && !COMMENT_STATE_CHANGES.has(event.type)) {
    const c = event.data as z.output<typeof comment>;
    const state = commentVisibility(viewer, {
      authorId: c.authorId,
      deletedAt: c.deleted ? new Date(0) : null,
      hiddenAt: c.hidden ? new Date(0) : null,
    });
    if (state === "hidden" || state === "deleted") return null;
  }
  return {
    type: event.type,
    projectId: project.id,
    subject: event.subject,
    // A comment's author and state stay with the comment list, which applies the reader's rules.
    data: event.type.startsWith("comment.")
      ? { commentId: event.data.commentId, parentId: event.data.parentId }
      : withoutAccess(event.data),
    mine: event.actorId !== null && event.actorId === viewer.id,
    at: event.createdAt,
  };
}

/** A document event's access facts stay on the server: the reader's list applies them. */
function withoutAccess(data: Record<string, unknown>): Record<string, unknown> {
  if (!("access" in data)) return data;
  const { access: _access, ...rest } = data;
  return rest;
}

const COMMENT_STATE_CHANGES: ReadonlySet<EventType> = new Set([
  "comment.hidden",
  "comment.unhidden",
  "comment.deleted",
]);

/** `live.events`: the events of one project, or of every project the caller may see; resumes after `lastEventId`. */
export const LiveEventsInput = z
  .object({
    projectId: z.uuid().optional(),
    /** The position of the last event received (tRPC's SSE link sends it when it reconnects). */
    lastEventId: z
      .string()
      .regex(/^[1-9][0-9]{0,18}$/, "An event position is a positive whole number.")
      .nullish(),
  })
  .strict();
