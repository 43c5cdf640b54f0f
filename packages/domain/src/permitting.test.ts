import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "./access.js";
import {
  AddAuthorizationInput,
  MoveDateInput,
  PERMIT_TEMPLATES,
  authorityStats,
  authorizationStatus,
  elapsedAgainstTarget,
  estimatedCompletion,
  mayEditPermitting,
  milestoneStandings,
  missedNoticeDay,
  moveOutcome,
  needsDetermination,
  resumeMoves,
  scheduleFor,
  summaryDueOn,
  summaryOverdue,
  type AuthorizationFacts,
} from "./permitting.js";
import { PERMIT_INSTRUMENTS, ROLES } from "./vocabulary.js";
import { addCalendarDays, type HolidayCalendar } from "./working-days.js";

/** The public holidays these tests cross (the real table is the API's, from date-holidays, tested there). */
const HOLIDAYS: Record<string, readonly string[]> = {
  US: ["2026-07-03", "2026-12-25", "2027-01-01"],
  JP: ["2026-05-04", "2026-05-05", "2026-05-06"],
};
const calendar: HolidayCalendar = {
  holidaysIn: (country, year) => new Set(HOLIDAYS[country]!.filter((d) => d.startsWith(`${year}-`))),
};

const actor = (a: Partial<Actor>): Actor => ({
  id: "u",
  role: "DELEGATE",
  delegation: null,
  organisationId: null,
  ...a,
});

const nepa = (over: Partial<AuthorizationFacts> = {}): AuthorizationFacts => ({
  jurisdiction: "US_FEDERAL",
  startDate: "2026-01-05",
  outcome: null,
  milestones: [
    { currentDate: "2026-02-02", actualDate: "2026-02-02" },
    { currentDate: "2026-12-24", actualDate: null },
    { currentDate: "2027-08-20", actualDate: null },
    { currentDate: "2027-11-30", actualDate: null },
  ],
  ...over,
});

describe("templates", () => {
  it("the issue's instruments have their stages: NEPA's four, Japan's four documents with their comment periods", () => {
    expect(PERMIT_TEMPLATES.NEPA_EIS.stages.map((s) => s.kind)).toEqual([
      "NOTICE_OF_INTENT",
      "DRAFT_EIS",
      "FINAL_EIS",
      "RECORD_OF_DECISION",
    ]);
    expect(PERMIT_TEMPLATES.JP_EIA.stages.map((s) => s.ja)).toEqual([
      "配慮書",
      "方法書",
      "方法書の意見提出期限",
      "準備書",
      "準備書の意見提出期限",
      "評価書",
    ]);
    expect(PERMIT_TEMPLATES.JP_MINING_RIGHT.stages.at(-1)?.ja).toBe("採掘権の登録");
  });

  it("every template's targets are in order and within its framework target", () => {
    for (const instrument of PERMIT_INSTRUMENTS) {
      const t = PERMIT_TEMPLATES[instrument];
      const days = t.stages.map((s) => s.days);
      expect(days).toEqual([...days].sort((a, b) => a - b));
      expect(days.at(-1)!).toBeLessThanOrEqual(t.targetDays);
      expect(t.stages.every((s) => s.en && s.ja)).toBe(true);
      const schedule = scheduleFor(instrument, "2026-03-01");
      expect(schedule.map((s) => s.target)).toEqual(
        t.stages.map((s) => addCalendarDays("2026-03-01", s.days)),
      );
    }
  });
});

describe("derived status", () => {
  it("completed, then the first open milestone in progress, the rest planned", () => {
    const s = milestoneStandings(nepa(), { paused: false, today: "2026-06-01", calendar });
    expect(s.map((x) => x.status)).toEqual(["COMPLETED", "IN_PROGRESS", "PLANNED", "PLANNED"]);
    expect(s.every((x) => x.missedBy === null)).toBe(true);
    expect(authorizationStatus(s, null)).toBe("IN_PROGRESS");
  });

  it("a missed date counts working days on the jurisdiction's calendar", () => {
    const today = "2027-01-04";
    const us = milestoneStandings(nepa(), { paused: false, today, calendar });
    expect(us[1]).toEqual({ status: "IN_PROGRESS", missedBy: 5 });
    const jp = milestoneStandings(nepa({ jurisdiction: "JP_NATIONAL" }), { paused: false, today, calendar });
    expect(jp[1]).toEqual({ status: "IN_PROGRESS", missedBy: 3 });
    // Missed on a Friday, seen on the Saturday and Sunday after: not yet a working day late.
    const weekend = milestoneStandings(nepa(), { paused: false, today: "2026-12-27", calendar });
    expect(weekend[1]!.missedBy).toBeNull();
  });

  it("paused while the project is; denied or withdrawn with the authorization; planned before it starts", () => {
    const paused = milestoneStandings(nepa(), { paused: true, today: "2026-06-01", calendar });
    expect(paused.map((x) => x.status)).toEqual(["COMPLETED", "PAUSED", "PAUSED", "PAUSED"]);
    expect(authorizationStatus(paused, null)).toBe("PAUSED");
    const denied = milestoneStandings(nepa({ outcome: "DENIED" }), {
      paused: true,
      today: "2026-06-01",
      calendar,
    });
    expect(denied.map((x) => x.status)).toEqual(["COMPLETED", "DENIED", "DENIED", "DENIED"]);
    expect(authorizationStatus(denied, "WITHDRAWN")).toBe("WITHDRAWN");
    const notYet = milestoneStandings(
      nepa({ startDate: "2026-09-01", milestones: [{ currentDate: "2026-10-01", actualDate: null }] }),
      { paused: false, today: "2026-06-01", calendar },
    );
    expect(notYet[0]!.status).toBe("PLANNED");
  });

  it("complete when every milestone is", () => {
    const done = nepa({
      milestones: nepa().milestones.map((m) => ({ ...m, actualDate: m.currentDate })),
    });
    const s = milestoneStandings(done, { paused: false, today: "2028-01-01", calendar });
    expect(authorizationStatus(s, null)).toBe("COMPLETED");
  });

  it("property: exactly one milestone is in progress while an open authorization has started, none once complete", () => {
    const arb = fc.record({
      done: fc.integer({ min: 0, max: 4 }),
      paused: fc.boolean(),
      todayOffset: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(arb, ({ done, paused, todayOffset }) => {
        const base = nepa();
        const milestones = base.milestones.map((m, i) => ({
          ...m,
          actualDate: i < done ? m.currentDate : null,
        }));
        const today = addCalendarDays(base.startDate, todayOffset);
        const s = milestoneStandings({ ...base, milestones }, { paused, today, calendar });
        const inProgress = s.filter((x) => x.status === "IN_PROGRESS").length;
        expect(s.filter((x) => x.status === "COMPLETED").length).toBe(done);
        if (done === 4) expect(authorizationStatus(s, null)).toBe("COMPLETED");
        else expect(inProgress).toBe(paused ? 0 : 1);
        for (const x of s) if (x.missedBy !== null) expect(x.missedBy).toBeGreaterThan(0);
      }),
    );
  });

  it("estimated completion is the latest final date on the path; denied and withdrawn are off it", () => {
    expect(
      estimatedCompletion([
        nepa(),
        nepa({ milestones: [{ currentDate: "2028-03-01", actualDate: null }], outcome: "WITHDRAWN" }),
        nepa({ milestones: [{ currentDate: "2027-01-01", actualDate: "2026-12-01" }] }),
      ]),
    ).toBe("2027-11-30");
    expect(estimatedCompletion([])).toBeNull();
  });

  it("missed dates are told on the next working day", () => {
    expect(missedNoticeDay(calendar, "US_FEDERAL", "2026-07-02")).toBe("2026-07-06");
    // Japan's year-end closure is the rule's own (December 29 to January 3), whatever the holiday table says.
    expect(missedNoticeDay(calendar, "JP_NATIONAL", "2026-12-28")).toBe("2027-01-04");
    expect(missedNoticeDay(calendar, "OTHER", "2026-12-28")).toBe("2026-12-29");
  });
});

describe("the 30-day rule", () => {
  const coordinator = actor({ role: "COORDINATOR" });
  const partner = actor({ role: "PARTNER", organisationId: "org" });

  it("only a final milestone moved by more than 30 days (either way) needs a determination", () => {
    expect(needsDetermination({ final: true, from: "2027-01-01", to: "2027-01-31" })).toBe(false);
    expect(needsDetermination({ final: true, from: "2027-01-01", to: "2027-02-01" })).toBe(true);
    expect(needsDetermination({ final: true, from: "2027-02-01", to: "2027-01-01" })).toBe(true);
    expect(needsDetermination({ final: false, from: "2027-01-01", to: "2028-01-01" })).toBe(false);
  });

  it("a partner's such move waits; a coordinator's applies with the determination, and must carry one", () => {
    const big = { final: true, from: "2027-01-01", to: "2027-06-01" };
    expect(moveOutcome({ ...big, determination: null }, partner)).toBe("PENDING");
    expect(moveOutcome({ ...big, determination: "Agreed after consultation." }, coordinator)).toBe("APPLIED");
    expect(() => moveOutcome({ ...big, determination: null }, coordinator)).toThrow(/determination/);
    expect(moveOutcome({ ...big, to: "2027-01-20", determination: null }, partner)).toBe("APPLIED");
  });

  it("property: a move is held back exactly when it needs a determination and the mover may not give one", () => {
    const arb = fc.record({
      final: fc.boolean(),
      shift: fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0),
      role: fc.constantFrom(...ROLES),
    });
    fc.assert(
      fc.property(arb, ({ final, shift, role }) => {
        const move = {
          final,
          from: "2027-01-01",
          to: addCalendarDays("2027-01-01", shift),
          determination: "Yes.",
        };
        const outcome = moveOutcome(move, { role });
        const needs = final && Math.abs(shift) > 30;
        expect(outcome).toBe(needs && role !== "COORDINATOR" ? "PENDING" : "APPLIED");
      }),
    );
  });
});

describe("pauses", () => {
  it("a summary is due 90 days after the start or the latest summary", () => {
    expect(summaryDueOn({ startedOn: "2026-01-10", lastSummaryOn: null })).toBe("2026-04-10");
    expect(summaryDueOn({ startedOn: "2026-01-10", lastSummaryOn: "2026-03-01" })).toBe("2026-05-30");
    expect(summaryOverdue({ startedOn: "2026-01-10", lastSummaryOn: null }, "2026-04-10")).toBe(false);
    expect(summaryOverdue({ startedOn: "2026-01-10", lastSummaryOn: null }, "2026-04-11")).toBe(true);
  });

  it("resuming moves every open milestone by the days paused, and nothing else", () => {
    const ms = [
      { id: "a", currentDate: "2026-02-02", actualDate: "2026-02-02" },
      { id: "b", currentDate: "2026-12-24", actualDate: null },
      { id: "c", currentDate: "2027-11-30", actualDate: null },
    ];
    const moves = resumeMoves(ms, { startedOn: "2026-06-01", resumedOn: "2026-06-11" });
    expect(moves.map((m) => [m.milestone.id, m.from, m.to])).toEqual([
      ["b", "2026-12-24", "2027-01-03"],
      ["c", "2027-11-30", "2027-12-10"],
    ]);
    expect(resumeMoves(ms, { startedOn: "2026-06-01", resumedOn: "2026-06-01" })).toEqual([]);
  });
});

describe("who may edit", () => {
  it("coordinators any project, partners their own organisation's, nobody else", () => {
    const project = { organisationId: "org" };
    for (const role of ROLES) {
      expect(mayEditPermitting(actor({ role, organisationId: "org" }), project)).toBe(
        role === "COORDINATOR" || role === "PARTNER",
      );
      expect(mayEditPermitting(actor({ role, organisationId: "other" }), project)).toBe(
        role === "COORDINATOR",
      );
    }
  });
});

describe("across projects", () => {
  it("on time means by the baseline; medians per stage", () => {
    const stats = authorityStats([
      {
        authority: "BLM",
        kind: "NOI",
        baselineDate: "2026-02-01",
        actualDate: "2026-01-30",
        startedOn: "2026-01-01",
      },
      {
        authority: "BLM",
        kind: "NOI",
        baselineDate: "2026-02-01",
        actualDate: "2026-02-11",
        startedOn: "2026-01-01",
      },
      {
        authority: "BLM",
        kind: "NOI",
        baselineDate: "2026-02-01",
        actualDate: "2026-01-21",
        startedOn: "2026-01-01",
      },
      {
        authority: "環境省",
        kind: "配慮書",
        baselineDate: "2026-03-01",
        actualDate: "2026-03-01",
        startedOn: "2026-01-01",
      },
    ]);
    expect(stats).toEqual([
      {
        authority: "BLM",
        completed: 3,
        onTime: 2,
        onTimeRate: 2 / 3,
        stages: [{ kind: "NOI", count: 3, medianDays: 29 }],
      },
      {
        authority: "環境省",
        completed: 1,
        onTime: 1,
        onTimeRate: 1,
        stages: [{ kind: "配慮書", count: 1, medianDays: 59 }],
      },
    ]);
  });

  it("elapsed days run to the final actual date, or today, against the framework target", () => {
    expect(
      elapsedAgainstTarget(
        { instrument: "NEPA_EIS", startDate: "2025-01-01", finishedOn: null },
        "2027-01-02",
      ),
    ).toEqual({
      elapsedDays: 731,
      targetDays: 730,
      over: true,
    });
    expect(
      elapsedAgainstTarget(
        { instrument: "NEPA_EA", startDate: "2025-01-01", finishedOn: "2025-06-01" },
        "2027-01-02",
      ),
    ).toEqual({ elapsedDays: 151, targetDays: 365, over: false });
  });
});

describe("inputs", () => {
  it("refuse a pause reason for a manual move, an unchanged date, and an impossible date", () => {
    const base = {
      milestoneId: "0190e0a0-0000-7000-8000-000000000001",
      from: "2027-01-01",
      to: "2027-01-15",
      reason: "CONSULTATION",
      justification: "Tribal consultation extended.",
    };
    expect(MoveDateInput.safeParse(base).success).toBe(true);
    expect(MoveDateInput.safeParse({ ...base, reason: "PROJECT_PAUSE" }).success).toBe(false);
    expect(MoveDateInput.safeParse({ ...base, to: base.from }).success).toBe(false);
    expect(MoveDateInput.safeParse({ ...base, to: "2027-02-30" }).success).toBe(false);
    expect(MoveDateInput.safeParse({ ...base, justification: " " }).success).toBe(false);
  });

  it("an authorization needs both titles and a known jurisdiction and instrument", () => {
    const base = {
      projectId: "0190e0a0-0000-7000-8000-000000000001",
      jurisdiction: "JP_NATIONAL",
      authority: "環境省",
      instrument: "JP_EIA",
      titleEn: "Environmental impact assessment",
      titleJa: "環境影響評価",
      startDate: "2026-04-01",
    };
    expect(AddAuthorizationInput.safeParse(base).success).toBe(true);
    expect(AddAuthorizationInput.safeParse({ ...base, titleJa: "" }).success).toBe(false);
    expect(AddAuthorizationInput.safeParse({ ...base, jurisdiction: "MARS" }).success).toBe(false);
    expect(AddAuthorizationInput.safeParse({ ...base, instrument: "NEPA" }).success).toBe(false);
  });
});
