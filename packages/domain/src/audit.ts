import { z } from "zod";
import { IsoInstant } from "./time-range.js";

/** What the audit log records changes to (the `entityType` of each event). */
export const AUDIT_ENTITY_TYPES = [
  "Project",
  "ReviewRound",
  "Decision",
  "Comment",
  "Milestone",
  "User",
  "Delegation",
  "Document",
  "DataRoomFolder",
  "StageGate",
  "FundingFacility",
  "PermitAuthorization",
  "PermitPause",
] as const;
export const AuditEntityType = z.enum(AUDIT_ENTITY_TYPES);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

/** Every action the audit log records, named `<entity>.<what happened>`: the one list services and the seed write from. */
export const AUDIT_ACTIONS = [
  "project.created",
  "project.edited",
  "project.submitted",
  "project.resubmitted",
  "project.withdrawn",
  "project.delivery_started",
  "project.completed",
  "project.time_zone_changed",
  "review_round.opened",
  "review_round.rule_changed",
  "review_round.closed_at_time",
  "vote.cast",
  "vote.changed",
  "decision.recorded",
  "comment.posted",
  "comment.edited",
  "comment.deleted",
  "comment.hidden",
  "comment.unhidden",
  "milestone.created",
  "milestone.replanned",
  "milestone.reported",
  "user.invited",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.profile_updated",
  "account.linked",
  "session.created",
  "session.signed_out_everywhere",
  "delegation.created",
  "delegation.updated",
  "data_room.folder_created",
  "document.added",
  "document.version_added",
  "document.edited",
  "document.classified",
  "document.viewed",
  "document.downloaded",
  "document.quarantined",
  "gate.sequence_set",
  "gate.signatory_designated",
  "gate.updated",
  "gate.evidence_cited",
  "gate.started",
  "gate.submitted",
  "gate.returned",
  "gate.signed_off",
  "gate.passed",
  "gate.failed",
  "gate.waived",
  "gate.reopened",
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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PAGE_SIZE_MAX = 100;

/** `audit.list`: one keyset page of audit events, newest first, with optional filters. */
export const ListAuditInput = z
  .object({
    cursor: z.uuid().nullish(),
    direction: z.literal("forward").optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
    /** The action, or its beginning (e.g. "project." for every project action). */
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z_.]*$/, "Use lower-case letters, dots and underscores, such as project.submitted.")
      .optional(),
    entityType: AuditEntityType.optional(),
    entityId: z.string().trim().max(80).optional(),
    actorId: z.uuid().optional(),
    /** Events at or after this instant. */
    from: IsoInstant.optional(),
    /** Events before this instant. */
    to: IsoInstant.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: "The start must be before the end.",
    path: ["to"],
  });
export type ListAuditInput = z.input<typeof ListAuditInput>;
export type ListAuditQuery = z.output<typeof ListAuditInput>;

export interface AuditEventView {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string; email: string } | null;
  /** What the record looked like before and after (either may be absent). */
  before?: unknown;
  after?: unknown;
  requestId: string | null;
  /** ISO 8601 instant. */
  createdAt: string;
}
