import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canSeeProject } from "./access.js";
import { EVENT_DATA, type EventType } from "./events.js";
import {
  ACTIVITY_EVENTS,
  DEFAULT_EMAIL_CHANNEL,
  digestDue,
  digestPeriod,
  emailChannelFor,
  followStateOf,
  itemOf,
  mentionedIn,
  mentionPrefixes,
  milestoneReminder,
  NOTIFICATION_REASONS,
  notificationPath,
  PASSES_MUTE,
  reasonFor,
  RELATIONS,
  remindable,
  roundClosingReminder,
  shownData,
  snoozeProblem,
  zonedHour,
  type NotifiableEvent,
  type Recipient,
} from "./notifications.js";
import { PROJECT_STATUSES, ROLES } from "./vocabulary.js";

const RUNS = 300;
const ids = [
  "0190a000-0000-7000-8000-000000000001",
  "0190a000-0000-7000-8000-000000000002",
  "0190a000-0000-7000-8000-000000000003",
];
const orgs = ["0190a000-0000-7000-8000-0000000000aa", "0190a000-0000-7000-8000-0000000000bb"];
const EVENT_TYPES = Object.keys(EVENT_DATA) as EventType[];

const actor = fc.record({
  id: fc.constantFrom(...ids),
  role: fc.constantFrom(...ROLES),
  delegation: fc.constantFrom(null, "US", "JP"),
  organisationId: fc.constantFrom(null, ...orgs),
});
const choice = fc.constantFrom(null, "FOLLOWING" as const, "MUTED" as const);
const recipient = fc.record({
  actor,
  itemChoice: choice,
  projectChoice: choice,
  relations: fc.subarray([...RELATIONS]).map((r) => new Set(r)),
  mentioned: fc.boolean(),
  repliedTo: fc.boolean(),
}) satisfies fc.Arbitrary<Recipient>;
const event = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  actorId: fc.constantFrom(null, ...ids),
  project: fc.record({
    id: fc.constant("0190a000-0000-7000-8000-0000000000f1"),
    status: fc.constantFrom(...PROJECT_STATUSES),
    organisationId: fc.constantFrom(...orgs),
    submittedAt: fc.constantFrom(null, "2026-01-01T00:00:00.000Z"),
  }),
  data: fc.record({ outcome: fc.constantFrom("APPROVED", "REJECTED", "CHANGES_REQUESTED") }),
}) satisfies fc.Arbitrary<NotifiableEvent>;

describe("who is notified of which event", () => {
  it("nobody is notified of their own action", () => {
    fc.assert(
      fc.property(event, recipient, (e, r) => {
        const mine = { ...e, actorId: r.actor.id };
        expect(reasonFor(mine, r)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it("nothing notifies a person who may not see the project", () => {
    fc.assert(
      fc.property(event, recipient, (e, r) => {
        if (!canSeeProject(r.actor, e.project)) expect(reasonFor(e, r)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it("a muted item notifies only for a due vote or a mention", () => {
    fc.assert(
      fc.property(event, recipient, (e, r) => {
        if (followStateOf(r) !== "MUTED") return;
        const reason = reasonFor(e, r);
        if (reason !== null) expect(["VOTE_DUE", "MENTION"]).toContain(reason);
      }),
      { numRuns: RUNS },
    );
  });

  it("a mute is never undone by what is implied (new relations, a revisit)", () => {
    fc.assert(
      fc.property(recipient, fc.subarray([...RELATIONS]), (r, more) => {
        const muted = { ...r, projectChoice: "MUTED" as const, itemChoice: null };
        const grown = { ...muted, relations: new Set([...muted.relations, ...more]) };
        expect(followStateOf(grown)).toBe("MUTED");
      }),
      { numRuns: RUNS },
    );
  });

  it("only activity events notify, and someone with no tie to the item only when named or voting", () => {
    fc.assert(
      fc.property(event, recipient, (e, r) => {
        const reason = reasonFor(e, r);
        if (reason === null) return;
        expect(ACTIVITY_EVENTS.has(e.type)).toBe(true);
        if (followStateOf(r) === null) {
          expect(["VOTE_DUE", "MENTION", "REPLY", "CHANGES_REQUESTED", "MILESTONE_ASSIGNED"]).toContain(
            reason,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("examples: a due vote, a mention through a mute, changes requested, edits never", () => {
    const project = {
      id: "p",
      status: "IN_REVIEW" as const,
      organisationId: orgs[0]!,
      submittedAt: "2026-01-01T00:00:00Z",
    };
    const delegate = { id: ids[0]!, role: "DELEGATE" as const, delegation: "US", organisationId: null };
    const partner = { id: ids[1]!, role: "PARTNER" as const, delegation: null, organisationId: orgs[0]! };
    const none = {
      itemChoice: null,
      projectChoice: null,
      relations: new Set<never>(),
      mentioned: false,
      repliedTo: false,
    };
    const opened = {
      type: "review_round.opened" as const,
      actorId: ids[2]!,
      project,
      data: { roundId: "r" },
    };
    expect(
      reasonFor(opened, {
        ...none,
        actor: delegate,
        relations: new Set(["elector"]),
        projectChoice: "MUTED",
      }),
    ).toBe("VOTE_DUE");
    expect(reasonFor(opened, { ...none, actor: partner, relations: new Set(["organisation"]) })).toBe(
      "ACTIVITY",
    );
    const posted = { type: "comment.posted" as const, actorId: ids[2]!, project, data: {} };
    expect(reasonFor(posted, { ...none, actor: partner, projectChoice: "MUTED", mentioned: true })).toBe(
      "MENTION",
    );
    expect(
      reasonFor(posted, { ...none, actor: partner, projectChoice: "MUTED", repliedTo: true }),
    ).toBeNull();
    const decided = {
      type: "decision.recorded" as const,
      actorId: ids[2]!,
      project,
      data: { outcome: "CHANGES_REQUESTED" },
    };
    expect(reasonFor(decided, { ...none, actor: partner, relations: new Set(["organisation"]) })).toBe(
      "CHANGES_REQUESTED",
    );
    expect(reasonFor(decided, { ...none, actor: delegate, relations: new Set(["sponsor"]) })).toBe(
      "DECISION",
    );
    const edited = { type: "comment.edited" as const, actorId: ids[2]!, project, data: {} };
    expect(
      reasonFor(edited, { ...none, actor: partner, projectChoice: "FOLLOWING", mentioned: true }),
    ).toBeNull();
    // A partner never hears of another organisation's proposal under review.
    expect(
      reasonFor(opened, {
        ...none,
        actor: { ...partner, organisationId: orgs[1]! },
        projectChoice: "FOLLOWING",
      }),
    ).toBeNull();
  });

  it("an item's explicit choice beats its project's, which beats what is implied", () => {
    expect(followStateOf({ itemChoice: "FOLLOWING", projectChoice: "MUTED", relations: new Set() })).toBe(
      "FOLLOWING",
    );
    expect(followStateOf({ itemChoice: null, projectChoice: "MUTED", relations: new Set(["elector"]) })).toBe(
      "MUTED",
    );
    expect(followStateOf({ itemChoice: null, projectChoice: null, relations: new Set(["elector"]) })).toBe(
      "FOLLOWING",
    );
    expect(followStateOf({ itemChoice: null, projectChoice: null, relations: new Set() })).toBeNull();
    expect(itemOf({ type: "vote.cast", projectId: "p", data: { roundId: "r" } })).toEqual({
      type: "ROUND",
      id: "r",
    });
    expect(itemOf({ type: "milestone.reported", projectId: "p", data: { milestoneId: "m" } })).toEqual({
      type: "MILESTONE",
      id: "m",
    });
    expect(itemOf({ type: "comment.posted", projectId: "p", data: { commentId: "c" } })).toEqual({
      type: "PROJECT",
      id: "p",
    });
  });
});

describe("channels", () => {
  it("defaults: vote due and mentions immediately, the rest daily; a choice wins", () => {
    for (const reason of NOTIFICATION_REASONS) {
      expect(emailChannelFor(reason, {})).toBe(
        reason === "VOTE_DUE" || reason === "MENTION" ? "IMMEDIATE" : "DAILY",
      );
    }
    expect(emailChannelFor("ACTIVITY", { ACTIVITY: "NEVER" })).toBe("NEVER");
    expect(Object.keys(DEFAULT_EMAIL_CHANNEL).sort()).toEqual([...NOTIFICATION_REASONS].sort());
  });

  it("reminders respect a mute, except a round's closing", () => {
    const muted = {
      itemChoice: null,
      projectChoice: "MUTED" as const,
      relations: new Set(["assignee" as const]),
    };
    expect(remindable("MILESTONE_DUE", muted)).toBe(false);
    expect(remindable("ROUND_CLOSING", muted)).toBe(true);
    expect([...PASSES_MUTE].sort()).toEqual(["MENTION", "ROUND_CLOSING", "VOTE_DUE"]);
  });
});

describe("reminders", () => {
  it("a round closing within 24 hours, open, unvoted", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
    expect(roundClosingReminder({ status: "OPEN", closesAt: at(23.9) }, { voted: false }, now)).toBe(true);
    expect(roundClosingReminder({ status: "OPEN", closesAt: at(24) }, { voted: false }, now)).toBe(true);
    expect(roundClosingReminder({ status: "OPEN", closesAt: at(24.1) }, { voted: false }, now)).toBe(false);
    expect(roundClosingReminder({ status: "OPEN", closesAt: at(2) }, { voted: true }, now)).toBe(false);
    expect(roundClosingReminder({ status: "CLOSED", closesAt: at(2) }, { voted: false }, now)).toBe(false);
    expect(roundClosingReminder({ status: "OPEN", closesAt: at(-1) }, { voted: false }, now)).toBe(false);
  });

  it("a milestone due within 7 days, or overdue, by the project's calendar", () => {
    const m = { dueDate: "2027-03-10", status: "IN_PROGRESS" as const };
    // 2027-03-03 in Tokyo from 15:00 UTC on the 2nd.
    expect(milestoneReminder(m, new Date("2027-03-02T14:59:00Z"), "Asia/Tokyo")).toBeNull();
    expect(milestoneReminder(m, new Date("2027-03-03T15:00:00Z"), "Asia/Tokyo")).toBe("soon");
    expect(milestoneReminder(m, new Date("2027-03-10T14:59:00Z"), "Asia/Tokyo")).toBe("soon");
    expect(milestoneReminder(m, new Date("2027-03-10T15:00:00Z"), "Asia/Tokyo")).toBe("overdue");
    // The same instant is still the 10th in New York.
    expect(milestoneReminder(m, new Date("2027-03-10T15:00:00Z"), "America/New_York")).toBe("soon");
    expect(milestoneReminder({ ...m, status: "DONE" }, new Date("2027-04-01T00:00:00Z"), "UTC")).toBeNull();
  });
});

describe("digests", () => {
  it("a daily digest's period is the local date after 08:00, the day before until then", () => {
    expect(digestPeriod("DAILY", new Date("2027-01-05T22:59:00Z"), "Asia/Tokyo").period).toBe("2027-01-05");
    expect(digestPeriod("DAILY", new Date("2027-01-05T23:00:00Z"), "Asia/Tokyo")).toEqual({
      period: "2027-01-06",
      startsAt: new Date("2027-01-05T23:00:00Z"),
    });
    // Weekly: the Monday at 08:00 (2027-01-04 is a Monday).
    expect(digestPeriod("WEEKLY", new Date("2027-01-07T12:00:00Z"), "UTC")).toEqual({
      period: "2027-01-04",
      startsAt: new Date("2027-01-04T08:00:00Z"),
    });
    expect(digestPeriod("WEEKLY", new Date("2027-01-04T07:00:00Z"), "UTC").period).toBe("2026-12-28");
  });

  it("08:00 local across daylight saving", () => {
    expect(zonedHour("2027-03-14", 8, "America/New_York").toISOString()).toBe("2027-03-14T12:00:00.000Z");
    expect(zonedHour("2027-03-13", 8, "America/New_York").toISOString()).toBe("2027-03-13T13:00:00.000Z");
    expect(zonedHour("2027-10-31", 8, "Europe/London").toISOString()).toBe("2027-10-31T08:00:00.000Z");
    expect(zonedHour("2027-06-01", 8, "Asia/Kolkata").toISOString()).toBe("2027-06-01T02:30:00.000Z");
  });

  it("a digest is due once a period began after the oldest waiting notification, in any zone", () => {
    const zones = [
      "UTC",
      "Asia/Tokyo",
      "America/New_York",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Asia/Kathmandu",
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2026-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9 * 86_400_000 }),
        fc.constantFrom(...zones),
        fc.constantFrom("DAILY" as const, "WEEKLY" as const),
        (oldest, later, timeZone, kind) => {
          const now = new Date(oldest.getTime() + later);
          const due = digestDue(kind, { oldest, timeZone }, now);
          const period = digestPeriod(kind, now, timeZone);
          // Its start is an 08:00 in that zone, never after now.
          expect(period.startsAt.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(zonedHour(period.period, 8, timeZone).getTime()).toBe(period.startsAt.getTime());
          expect(due !== null).toBe(oldest.getTime() < period.startsAt.getTime());
          // At most a day (a week) after the notification, a digest is due.
          const span = kind === "DAILY" ? 86_400_000 : 7 * 86_400_000;
          if (later > span + 3_600_000) expect(due).not.toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("mentions", () => {
  const people = [
    { id: "a", name: "Hana Sato" },
    { id: "b", name: "Hana" },
    { id: "c", name: "佐藤 花子" },
    { id: "d", name: "John O'Neil" },
  ];
  it("finds the longest full name after an @, at a word boundary", () => {
    expect(mentionedIn("Thanks @Hana Sato, see above", people)).toEqual(["a"]);
    expect(mentionedIn("@hana what do you think?", people)).toEqual(["b"]);
    expect(mentionedIn("cc @佐藤 花子さん", people)).toEqual(["c"]);
    expect(mentionedIn("mail hana@example.org", people)).toEqual([]);
    expect(mentionedIn("@Hanako is someone else", people)).toEqual([]);
    expect(mentionedIn("@John O'Neil and @Hana", people).sort()).toEqual(["b", "d"]);
    expect(mentionPrefixes("Hi @Hana Sato and @佐藤 and x@y.z")).toEqual(["hana", "佐藤"]);
  });
});

describe("what a notification shows and where it leads", () => {
  it("keeps ids, states and dates, never text or people", () => {
    expect(
      shownData({ roundId: "r", reason: "late", authorId: "x", mentions: ["y"], outcome: "APPROVED" }),
    ).toEqual({
      roundId: "r",
      outcome: "APPROVED",
    });
  });
  it("leads to the page of its item", () => {
    const base = { project: { id: "p" }, data: {} };
    expect(
      notificationPath({ ...base, eventType: "review_round.opened", subject: { type: "ROUND", id: "r" } }),
    ).toBe("/projects/p/review");
    expect(notificationPath({ ...base, eventType: null, subject: { type: "MILESTONE", id: "m" } })).toBe(
      "/projects/p/delivery",
    );
    expect(
      notificationPath({
        ...base,
        eventType: "comment.posted",
        subject: { type: "PROJECT", id: "p" },
        data: { commentId: "c" },
      }),
    ).toBe("/projects/p/discussion#comment-c");
    expect(
      notificationPath({
        ...base,
        eventType: "decision.recorded",
        subject: { type: "ROUND", id: "r" },
        data: { decisionId: "d" },
      }),
    ).toBe("/projects/p/decisions/d");
  });
  it("snoozes only into the future, within a year", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(snoozeProblem(new Date("2026-12-31T23:00:00Z"), now)).toMatch(/future/);
    expect(snoozeProblem(new Date("2028-06-01T00:00:00Z"), now)).toMatch(/year/);
    expect(snoozeProblem(new Date("2027-01-02T08:00:00Z"), now)).toBeNull();
  });
});
