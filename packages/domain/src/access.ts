import type { ProjectStatus, Role } from "./enums.js";
import { APPROVED_OR_LATER } from "./lifecycle.js";

/** The caller as the rules see it. */
export interface Actor {
  id: string;
  role: Role;
  delegation: string | null;
  organisationId: string | null;
}

/** Approved or later: what every partner may see (DESIGN.md §4). */
export const PUBLIC_TO_PARTNERS: readonly ProjectStatus[] = APPROVED_OR_LATER;

/**
 * Which projects an actor may see, as a description the repository turns into a query:
 * - delegates, coordinators and admins see every project that was ever submitted (never a draft,
 *   nor a draft its organisation withdrew before submitting it: `submittedAt` is set by the first
 *   submission and never cleared);
 * - partners see their own organisation's projects (drafts too) and any project approved or later.
 */
export type ProjectVisibility =
  | { kind: "submitted" }
  | { kind: "ownOrPublic"; organisationId: string | null; publicStatuses: readonly ProjectStatus[] };

export function projectVisibility(actor: Actor): ProjectVisibility {
  if (actor.role === "PARTNER") {
    return { kind: "ownOrPublic", organisationId: actor.organisationId, publicStatuses: PUBLIC_TO_PARTNERS };
  }
  return { kind: "submitted" };
}

/** What the visibility rule reads of a project. */
export interface VisibilityFacts {
  status: ProjectStatus;
  organisationId: string;
  /** When it was last submitted; null while it never was. */
  submittedAt: Date | string | null;
}

/** The same rule for one project. */
export function canSeeProject(actor: Actor, project: VisibilityFacts): boolean {
  const v = projectVisibility(actor);
  if (v.kind === "submitted") return project.submittedAt !== null;
  return project.organisationId === v.organisationId || v.publicStatuses.includes(project.status);
}

/** Only partners of the proposing organisation create, edit, submit and withdraw its proposals. */
export function canManageProposal(
  actor: Pick<Actor, "role" | "organisationId">,
  project: { organisationId: string },
): boolean {
  return (
    may(actor.role, "proposal.manage") &&
    actor.organisationId !== null &&
    actor.organisationId === project.organisationId
  );
}

/**
 * Who may do what by role (DESIGN.md §4): the one table the API's procedure bases and the web's
 * controls both read. A rule that also depends on the object (whose project, whose milestone) is a
 * function below that starts from this table.
 */
export const PERMISSIONS = {
  /** Create, edit, submit and withdraw a proposal (own organisation's only: `canManageProposal`). */
  "proposal.manage": ["PARTNER"],
  /** Post, edit and delete own comments (partners on own organisation's projects: `canComment`). */
  "comment.write": ["DELEGATE", "COORDINATOR", "PARTNER"],
  /** Hide and unhide comments, read their history. */
  "comment.moderate": ["COORDINATOR", "ADMIN"],
  /** Vote in an open round (once per round, changeable). */
  "round.vote": ["DELEGATE"],
  /** Open and close a round, change its rule, record the decision, request changes. */
  "round.run": ["COORDINATOR"],
  /** See a round's results while it is still open (a delegate sees them once they have voted). */
  "round.readResultsWhileOpen": ["COORDINATOR", "ADMIN"],
  /** Read every vote's choice and reason while the round is still open. */
  "round.readVotesWhileOpen": ["COORDINATOR"],
  /** Create, assign and re-plan milestones; start and complete delivery; set the time zone. */
  "delivery.plan": ["COORDINATOR"],
  /** Report progress (on what is assigned to them, except coordinators: `canReportOn`). */
  "delivery.report": ["DELEGATE", "COORDINATOR", "PARTNER"],
  /** Add documents to a project's data room (partners: own organisation's projects, `canUploadTo`). */
  "documents.upload": ["DELEGATE", "COORDINATOR", "PARTNER"],
  /** Add folders to a data room; see scanner problems. */
  "documents.organise": ["COORDINATOR"],
  /** See documents the scanner holds back and whether the scanner answers. */
  "documents.scanStatus": ["COORDINATOR", "ADMIN"],
  /** Start, pass, fail, waive and reopen gates; change a project's gate sequence; designate signatories. */
  "gates.advance": ["COORDINATOR"],
  /** Cite evidence, tick checklists and submit a gate for sign-off (partners: own organisation's projects). */
  "gates.evidence": ["COORDINATOR", "PARTNER"],
  /** Sign a gate off (delegates: when designated for a sponsoring delegation). */
  "gates.signOff": ["DELEGATE", "COORDINATOR"],
  /** Record funding (delegates: for their own delegation's financiers, `canRecordFunding`). */
  "funding.record": ["DELEGATE", "COORDINATOR"],
  /** Add authorizations, move dates, record actuals, pause and resume (partners: own organisation's projects). */
  "permitting.edit": ["COORDINATOR", "PARTNER"],
  /** Record a determination on a change of more than 30 days to an authorization's final date. */
  "permitting.determine": ["COORDINATOR"],
  "audit.read": ["COORDINATOR", "ADMIN"],
  "users.manage": ["ADMIN"],
  "delegations.manage": ["ADMIN"],
} as const satisfies Record<string, readonly [Role, ...Role[]]>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles that hold `permission`. */
export function rolesFor(permission: Permission): readonly [Role, ...Role[]] {
  return PERMISSIONS[permission];
}

/** Whether `role` holds `permission`. */
export function may(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
