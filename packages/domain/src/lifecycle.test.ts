import { describe, expect, it } from "vitest";
import { PROJECT_STATUSES, type ProjectStatus } from "./enums.js";
import { DomainError } from "./errors.js";
import { PROJECT_EVENTS, nextStatus, transition, type ProjectEvent } from "./lifecycle.js";

// The lifecycle of DESIGN.md §5, written out once more as the expected table.
const ALLOWED: Record<string, ProjectStatus> = {
  "DRAFT/submit": "SUBMITTED",
  "DRAFT/withdraw": "WITHDRAWN",
  "SUBMITTED/openRound": "IN_REVIEW",
  "SUBMITTED/withdraw": "WITHDRAWN",
  "IN_REVIEW/approve": "APPROVED",
  "IN_REVIEW/reject": "REJECTED",
  "IN_REVIEW/requestChanges": "CHANGES_REQUESTED",
  "CHANGES_REQUESTED/resubmit": "SUBMITTED",
  "CHANGES_REQUESTED/withdraw": "WITHDRAWN",
  "APPROVED/startDelivery": "IN_DELIVERY",
  "IN_DELIVERY/complete": "COMPLETED",
};

describe("project lifecycle", () => {
  const cells = PROJECT_STATUSES.flatMap((s) => PROJECT_EVENTS.map((e) => [s, e] as const));

  it("covers every state × event", () => {
    expect(cells).toHaveLength(PROJECT_STATUSES.length * PROJECT_EVENTS.length);
  });

  it.each(cells)("%s + %s", (status: ProjectStatus, event: ProjectEvent) => {
    const expected = ALLOWED[`${status}/${event}`];
    if (expected) {
      expect(nextStatus(status, event)).toBe(expected);
      expect(transition(status, event)).toBe(expected);
    } else {
      expect(nextStatus(status, event)).toBeNull();
      expect(() => transition(status, event)).toThrow(DomainError);
      try {
        transition(status, event);
      } catch (error) {
        expect((error as DomainError).code).toBe("INVALID_STATE");
        expect((error as DomainError).message).toContain(status);
      }
    }
  });

  it("has terminal states", () => {
    for (const terminal of ["REJECTED", "COMPLETED", "WITHDRAWN"] as const) {
      expect(PROJECT_EVENTS.every((e) => nextStatus(terminal, e) === null)).toBe(true);
    }
  });
});
