import { describe, expect, it } from "vitest";
import type { Actor } from "./access.js";
import { AUDIT_ACTIONS } from "./audit.js";
import {
  auditEntryOf,
  EVENT_DATA,
  liveEventFor,
  LiveEventsInput,
  parseEventData,
  timelineEntryOf,
  type DomainEvent,
  type LoggedEvent,
} from "./events.js";

const ORG_A = "0190a000-0000-7000-8000-00000000000a";
const ORG_B = "0190a000-0000-7000-8000-00000000000b";
const PROJECT = "0190a000-0000-7000-8000-0000000000f1";
const ROUND = "0190a000-0000-7000-8000-0000000000f2";
const COMMENT = "0190a000-0000-7000-8000-0000000000f3";
const AUTHOR = "0190a000-0000-7000-8000-0000000000f4";

const delegate: Actor = {
  id: "0190a000-0000-7000-8000-000000000001",
  role: "DELEGATE",
  delegation: "US",
  organisationId: null,
};
const coordinator: Actor = {
  id: "0190a000-0000-7000-8000-000000000002",
  role: "COORDINATOR",
  delegation: null,
  organisationId: null,
};
const admin: Actor = {
  id: "0190a000-0000-7000-8000-000000000003",
  role: "ADMIN",
  delegation: null,
  organisationId: null,
};
const partnerA: Actor = {
  id: "0190a000-0000-7000-8000-000000000004",
  role: "PARTNER",
  delegation: null,
  organisationId: ORG_A,
};
const partnerB: Actor = {
  id: "0190a000-0000-7000-8000-000000000005",
  role: "PARTNER",
  delegation: null,
  organisationId: ORG_B,
};
const author: Actor = { id: AUTHOR, role: "DELEGATE", delegation: "JP", organisationId: null };
const everyone = [delegate, coordinator, admin, partnerA, partnerB, author];

function logged(overrides: Partial<LoggedEvent>): LoggedEvent {
  return {
    position: "7",
    type: "vote.cast",
    version: 1,
    actorId: delegate.id,
    subject: { type: "ReviewRound", id: ROUND },
    project: {
      id: PROJECT,
      status: "IN_REVIEW",
      organisationId: ORG_A,
      submittedAt: "2026-12-01T00:00:00.000Z",
    },
    data: { roundId: ROUND },
    createdAt: "2026-12-06T10:00:00.000Z",
    ...overrides,
  };
}

const receivers = (event: LoggedEvent) =>
  everyone.filter((viewer) => liveEventFor(viewer, event) !== null).map((v) => v.id);

describe("event schemas", () => {
  it("give every audit action a schema: one vocabulary for what happened", () => {
    expect(Object.keys(EVENT_DATA).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("refuse what an event must not carry: a vote's choice, a comment's text, unknown fields", () => {
    expect(() => parseEventData("vote.cast", { roundId: ROUND, choice: "APPROVE" })).toThrow();
    expect(() =>
      parseEventData("comment.posted", {
        commentId: COMMENT,
        parentId: null,
        authorId: AUTHOR,
        hidden: false,
        deleted: false,
        body: "text",
      }),
    ).toThrow();
    expect(() =>
      parseEventData("milestone.reported", { milestoneId: COMMENT, status: "DONE", progress: 101 }),
    ).toThrow();
    expect(parseEventData("vote.cast", { roundId: ROUND })).toEqual({ roundId: ROUND });
  });
});

describe("what the timeline and the audit log get from an event", () => {
  const base = {
    actorId: partnerA.id,
    requestId: "req-1",
    subject: { type: "Project" as const, id: PROJECT },
    projectId: PROJECT,
  };

  it("maps lifecycle events to a status change naming the lifecycle event, others to their own entries, some to none", () => {
    expect(
      timelineEntryOf({
        type: "project.submitted",
        projectId: PROJECT,
        data: { from: "DRAFT", to: "SUBMITTED", revision: 1, contentHash: "ab" },
      }),
    ).toEqual({
      type: "status_changed",
      data: { from: "DRAFT", to: "SUBMITTED", revision: 1, contentHash: "ab", event: "submit" },
    });
    expect(
      timelineEntryOf({
        type: "project.completed",
        projectId: PROJECT,
        data: { from: "IN_DELIVERY", to: "COMPLETED" },
      }),
    ).toEqual({ type: "status_changed", data: { from: "IN_DELIVERY", to: "COMPLETED", event: "complete" } });
    expect(timelineEntryOf({ type: "project.created", projectId: PROJECT, data: {} })).toEqual({
      type: "project_created",
      data: null,
    });
    expect(
      timelineEntryOf({ type: "review_round.closed_at_time", projectId: PROJECT, data: { roundId: ROUND } }),
    ).toEqual({
      type: "round_closed",
      data: { roundId: ROUND },
    });
    expect(timelineEntryOf({ type: "vote.cast", projectId: PROJECT, data: { roundId: ROUND } })).toBeNull();
    expect(timelineEntryOf({ type: "project.edited", projectId: PROJECT, data: {} })).toBeNull();
    expect(timelineEntryOf({ type: "user.invited", projectId: null, data: {} })).toBeNull();
  });

  it("gives the audit log the action, subject, actor, request and the change's before and after", () => {
    const event: DomainEvent = {
      ...base,
      type: "project.withdrawn",
      data: { from: "DRAFT", to: "WITHDRAWN" },
      audit: { before: { status: "DRAFT" }, after: { status: "WITHDRAWN" } },
    };
    expect(auditEntryOf(event)).toEqual({
      actorId: partnerA.id,
      action: "project.withdrawn",
      entityType: "Project",
      entityId: PROJECT,
      before: { status: "DRAFT" },
      after: { status: "WITHDRAWN" },
      requestId: "req-1",
    });
  });
});

describe("who receives which event live (the reads' rules)", () => {
  it("sends a draft's events only to its own organisation", () => {
    const draft = logged({
      type: "project.edited",
      data: {},
      project: { id: PROJECT, status: "DRAFT", organisationId: ORG_A, submittedAt: null },
    });
    expect(receivers(draft)).toEqual([partnerA.id]);
  });

  it("sends events of a submitted project to delegates, coordinators, admins and its organisation, not to other partners", () => {
    expect(receivers(logged({}))).toEqual([delegate.id, coordinator.id, admin.id, partnerA.id, author.id]);
  });

  it("sends events of an approved project to every partner too", () => {
    const approved = logged({
      type: "decision.recorded",
      project: {
        id: PROJECT,
        status: "APPROVED",
        organisationId: ORG_A,
        submittedAt: "2026-12-01T00:00:00.000Z",
      },
    });
    expect(receivers(approved)).toHaveLength(everyone.length);
  });

  it("sends a vote as turnout only: no voter, never a choice", () => {
    const live = liveEventFor(partnerA, logged({}));
    expect(live).toEqual({
      type: "vote.cast",
      projectId: PROJECT,
      subject: { type: "ReviewRound", id: ROUND },
      data: { roundId: ROUND },
      mine: false,
      at: "2026-12-06T10:00:00.000Z",
    });
    expect(JSON.stringify(live)).not.toContain(delegate.id);
    expect(liveEventFor(delegate, logged({}))?.mine).toBe(true);
  });

  const commentEvent = (type: LoggedEvent["type"], state: { hidden: boolean; deleted: boolean }) =>
    logged({
      type,
      actorId: AUTHOR,
      subject: { type: "Comment", id: COMMENT },
      data: { commentId: COMMENT, parentId: null, authorId: AUTHOR, ...state },
    });

  it("sends a change to a hidden comment only to its author and moderators", () => {
    const edited = commentEvent("comment.edited", { hidden: true, deleted: false });
    expect(receivers(edited)).toEqual([coordinator.id, admin.id, author.id]);
    const visibleEdit = commentEvent("comment.edited", { hidden: false, deleted: false });
    expect(receivers(visibleEdit)).toEqual([delegate.id, coordinator.id, admin.id, partnerA.id, author.id]);
  });

  it("sends hiding, unhiding and removal to every reader (their list shows the comment as hidden or removed)", () => {
    for (const [type, state] of [
      ["comment.hidden", { hidden: true, deleted: false }],
      ["comment.unhidden", { hidden: false, deleted: false }],
      ["comment.deleted", { hidden: false, deleted: true }],
    ] as const) {
      expect(receivers(commentEvent(type, state)), type).toEqual([
        delegate.id,
        coordinator.id,
        admin.id,
        partnerA.id,
        author.id,
      ]);
    }
  });

  it("sends a comment event without its author or state: the comment list applies the reader's rules", () => {
    const live = liveEventFor(delegate, commentEvent("comment.hidden", { hidden: true, deleted: false }));
    expect(live?.data).toEqual({ commentId: COMMENT, parentId: null });
  });

  it("sends nothing of events outside a project (users, delegations, sessions)", () => {
    const event = logged({
      type: "user.role_changed",
      project: null,
      subject: { type: "User", id: delegate.id },
      data: {},
    });
    expect(receivers(event)).toEqual([]);
  });
});

describe("live.events input", () => {
  it("takes a positive position as the last event id and refuses anything else", () => {
    expect(LiveEventsInput.parse({ lastEventId: "42" })).toEqual({ lastEventId: "42" });
    for (const bad of ["0", "-1", "4.2", "abc", "1".repeat(20), ""]) {
      expect(LiveEventsInput.safeParse({ lastEventId: bad }).success, bad).toBe(false);
    }
    expect(LiveEventsInput.safeParse({ projectId: "nope" }).success).toBe(false);
  });
});
