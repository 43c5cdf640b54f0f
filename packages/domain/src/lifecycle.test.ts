import { describe, expect, it } from "vitest";
import { PROJECT_STATUSES, type ProjectStatus } from "./enums.js";
import { DomainError } from "./errors.js";
import { PROJECT_EVENTS, nextStatus, transition, type ProjectEvent } from "./lifecycle.js";

// DESIGN.md §5, written out here by hand from the diagram, independently of the transition table:
//
//   DRAFT ─submit─► SUBMITTED ─openRound─► IN_REVIEW ─closeRound─► APPROVED ─startDelivery─► IN_DELIVERY ─complete─► COMPLETED
//                       ▲                       │                └► REJECTED
//                       └──── resubmit ◄── CHANGES_REQUESTED ◄───┘
//   DRAFT, SUBMITTED, CHANGES_REQUESTED ─withdraw─► WITHDRAWN
//
// closeRound ends in one of three outcomes, each its own event: approve, reject, requestChanges.
const STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "IN_DELIVERY",
  "COMPLETED",
  "WITHDRAWN",
] as const;
const EVENTS = [
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
const ALLOWED: readonly (readonly [from: ProjectStatus, event: ProjectEvent, to: ProjectStatus])[] = [
  ["DRAFT", "submit", "SUBMITTED"],
  ["SUBMITTED", "openRound", "IN_REVIEW"],
  ["IN_REVIEW", "approve", "APPROVED"],
  ["IN_REVIEW", "reject", "REJECTED"],
  ["IN_REVIEW", "requestChanges", "CHANGES_REQUESTED"],
  ["CHANGES_REQUESTED", "resubmit", "SUBMITTED"],
  ["APPROVED", "startDelivery", "IN_DELIVERY"],
  ["IN_DELIVERY", "complete", "COMPLETED"],
  ["DRAFT", "withdraw", "WITHDRAWN"],
  ["SUBMITTED", "withdraw", "WITHDRAWN"],
  ["CHANGES_REQUESTED", "withdraw", "WITHDRAWN"],
];

/** Every (status, event) pair the diagram does not draw. */
const REFUSED = STATUSES.flatMap((status) =>
  EVENTS.filter((event) => !ALLOWED.some(([from, e]) => from === status && e === event)).map(
    (event) => [status, event] as const,
  ),
);

describe("project lifecycle (DESIGN.md §5)", () => {
  it("knows exactly the statuses and events of the diagram", () => {
    // A status or event added to the domain without a place in this test's table fails here.
    expect([...PROJECT_STATUSES].sort()).toEqual([...STATUSES].sort());
    expect([...PROJECT_EVENTS].sort()).toEqual([...EVENTS].sort());
  });

  it.each(ALLOWED)("%s --%s--> %s", (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
    expect(transition(from, event)).toBe(to);
  });

  it.each(REFUSED)("%s + %s is refused as INVALID_STATE", (status, event) => {
    expect(nextStatus(status, event)).toBeNull();
    let thrown: unknown;
    try {
      transition(status, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe("INVALID_STATE");
    expect((thrown as DomainError).message).toContain(status);
  });

  it("has terminal states: REJECTED, COMPLETED and WITHDRAWN take no event", () => {
    for (const terminal of ["REJECTED", "COMPLETED", "WITHDRAWN"] as const) {
      for (const event of EVENTS) expect(nextStatus(terminal, event)).toBeNull();
    }
  });
});
