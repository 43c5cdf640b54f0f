import type { ProjectStatus, Role } from "./enums.js";

/** The caller as the rules see it. */
export interface Actor {
  id: string;
  role: Role;
  delegation: string | null;
  organisationId: string | null;
}

/** Approved or later: what every partner may see (DESIGN.md §4). */
export const PUBLIC_TO_PARTNERS: readonly ProjectStatus[] = ["APPROVED", "IN_DELIVERY", "COMPLETED"];

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
export function canManageProposal(actor: Actor, project: { organisationId: string }): boolean {
  return (
    actor.role === "PARTNER" &&
    actor.organisationId !== null &&
    actor.organisationId === project.organisationId
  );
}
