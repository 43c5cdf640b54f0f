import { DomainError } from "./errors.js";
import type { DecisionOutcome, ProjectStatus } from "./enums.js";

/** The statuses a project reaches once approved (DESIGN.md §5). */
export const APPROVED_OR_LATER = [
  "APPROVED",
  "IN_DELIVERY",
  "COMPLETED",
] as const satisfies readonly ProjectStatus[];

/** The lifecycle event a recorded decision's outcome moves the project by. */
export const OUTCOME_EVENT = {
  APPROVED: "approve",
  REJECTED: "reject",
  CHANGES_REQUESTED: "requestChanges",
} as const satisfies Record<DecisionOutcome, ProjectEvent>;

export const PROJECT_EVENTS = [
  "submit",
  "openRound",
  "approve",
  "reject",
  "requestChanges",
  "resubmit",
  "startDelivery",
  "complete",
  "withdraw",
] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

// DESIGN.md §5. closeRound resolves to one of approve / reject / requestChanges.
const TRANSITIONS: Readonly<Partial<Record<ProjectStatus, Partial<Record<ProjectEvent, ProjectStatus>>>>> = {
  DRAFT: { submit: "SUBMITTED", withdraw: "WITHDRAWN" },
  SUBMITTED: { openRound: "IN_REVIEW", withdraw: "WITHDRAWN" },
  IN_REVIEW: { approve: "APPROVED", reject: "REJECTED", requestChanges: "CHANGES_REQUESTED" },
  CHANGES_REQUESTED: { resubmit: "SUBMITTED", withdraw: "WITHDRAWN" },
  APPROVED: { startDelivery: "IN_DELIVERY" },
  IN_DELIVERY: { complete: "COMPLETED" },
};

/** The status after `event`, or null when the lifecycle does not allow it. */
export function nextStatus(status: ProjectStatus, event: ProjectEvent): ProjectStatus | null {
  return TRANSITIONS[status]?.[event] ?? null;
}

/** Like `nextStatus`, but an illegal transition is a `DomainError('INVALID_STATE')`. */
export function transition(status: ProjectStatus, event: ProjectEvent): ProjectStatus {
  const next = nextStatus(status, event);
  if (!next) {
    throw new DomainError("INVALID_STATE", `A project that is ${status} cannot ${event}.`);
  }
  return next;
}
