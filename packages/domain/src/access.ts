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
 * - delegates, coordinators and admins see every project that was submitted (never a draft);
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

/** The same rule for one project. */
export function canSeeProject(
  actor: Actor,
  project: { status: ProjectStatus; organisationId: string },
): boolean {
  const v = projectVisibility(actor);
  if (v.kind === "submitted") return project.status !== "DRAFT";
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
