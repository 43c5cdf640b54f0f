import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import { dateIn } from "@lodestone/domain/delivery";
import { PERMIT_TEMPLATES } from "@lodestone/domain/permitting";
import { addCalendarDays, workingDaysAfter } from "@lodestone/domain/working-days";
import { holidays } from "../../holidays.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedOf, callerFor, createFixture, draftOf, type Fixture } from "../../test/fixtures.js";
import { fanOut, remind } from "../notifications/notifier.js";

describe(`the permitting timetable (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;
  const today = dateIn(new Date(), "UTC");
  const daysAgo = (n: number) => addCalendarDays(today, -n);

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
  });
  afterAll(() => db?.close());

  const as = (who: keyof Fixture["users"]) => callerFor(db, fx.users[who]);
  const timetable = (projectId: string) => as("usDelegate").permitting.get({ projectId });

  /** An approved project of partner A with a NEPA statement begun 100 days ago and a Japanese assessment. */
  async function projectWithAuthorizations() {
    const project = await approvedOf(db, fx);
    await as("partnerA").permitting.add({
      projectId: project.id,
      jurisdiction: "US_FEDERAL",
      authority: "Bureau of Land Management",
      instrument: "NEPA_EIS",
      titleEn: "Mine plan EIS",
      titleJa: "採掘計画の環境影響評価書",
      startDate: daysAgo(100),
    });
    await as("coordinator").permitting.add({
      projectId: project.id,
      jurisdiction: "JP_NATIONAL",
      authority: "Ministry of the Environment",
      instrument: "JP_EIA",
      titleEn: "Separation plant EIA",
      titleJa: "分離工場の環境アセスメント",
      region: "Fukuoka",
      startDate: daysAgo(20),
    });
    const view = await timetable(project.id);
    return { project, view, us: view.authorizations[0]!, jp: view.authorizations[1]! };
  }

  it("adds authorizations from their instrument's template, side by side; a missed date counts working days", async () => {
    const { view, us, jp } = await projectWithAuthorizations();
    expect(us.milestones.map((m) => m.kind)).toEqual(PERMIT_TEMPLATES.NEPA_EIS.stages.map((s) => s.kind));
    expect(jp.milestones.map((m) => m.nameJa)).toEqual(PERMIT_TEMPLATES.JP_EIA.stages.map((s) => s.ja));
    expect(us.milestones.every((m) => m.baselineDate === m.currentDate && m.actualDate === null)).toBe(true);
    // The notice of intent was due 70 days ago: in progress, missed by the US federal working days since.
    const noi = us.milestones[0]!;
    expect(noi.currentDate).toBe(daysAgo(70));
    expect(noi).toMatchObject({
      status: "IN_PROGRESS",
      missedBy: workingDaysAfter(holidays, "US_FEDERAL", daysAgo(70), today),
    });
    expect(us.milestones.slice(1).map((m) => m.status)).toEqual(["PLANNED", "PLANNED", "PLANNED"]);
    expect(us.milestones.at(-1)!.final).toBe(true);
    expect(view.complete).toEqual({ done: 0, total: 2 });
    expect(view.estimatedCompletion).toBe(
      [us.milestones.at(-1)!.currentDate, jp.milestones.at(-1)!.currentDate].sort().at(-1),
    );
    // Delegates read; they do not edit.
    expect(view.canEdit).toBe(false);
    expect(us.owner?.id).toBe(fx.users.partnerA.id);
  });

  it("lets coordinators and the project's organisation edit; delegates, other partners and drafts are refused", async () => {
    const { project } = await projectWithAuthorizations();
    const add = {
      projectId: project.id,
      jurisdiction: "US_STATE" as const,
      authority: "Nevada Division of Environmental Protection",
      instrument: "GENERIC" as const,
      titleEn: "Water pollution control permit",
      titleJa: "水質汚濁防止許可",
      startDate: today,
    };
    await expect(as("usDelegate").permitting.add(add)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("partnerB").permitting.add(add)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only a coordinator or the project's organisation can change its permitting timetable.",
    });
    await expect(as("admin").permitting.add(add)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const draft = await draftOf(db, fx.users.partnerA);
    await expect(as("partnerA").permitting.add({ ...add, projectId: draft.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A permitting timetable is kept for approved projects.",
    });
    await expect(
      as("partnerA").permitting.add({ ...add, instrument: "NEPA" as never }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await as("partnerA").permitting.get({ projectId: project.id })).canEdit).toBe(true);
  });

  it("moves a date with a reason; a final date moved more than 30 days waits for a coordinator's determination", async () => {
    const { project, us } = await projectWithAuthorizations();
    const draft = us.milestones[1]!;
    const final = us.milestones.at(-1)!;
    const moved = await as("partnerA").permitting.move({
      milestoneId: draft.id,
      from: draft.currentDate,
      to: addCalendarDays(draft.currentDate, 21),
      reason: "CONSULTATION",
      justification: "Tribal consultation extended by three weeks.",
    });
    expect(moved.state).toBe("APPLIED");
    // A move from a date that is no longer current is a conflict: nothing moves silently.
    await expect(
      as("coordinator").permitting.move({
        milestoneId: draft.id,
        from: draft.currentDate,
        to: addCalendarDays(draft.currentDate, 5),
        reason: "OTHER",
        justification: "Stale view.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const later = addCalendarDays(final.currentDate, 60);
    const asked = await as("partnerA").permitting.move({
      milestoneId: final.id,
      from: final.currentDate,
      to: later,
      reason: "NEW_INFORMATION",
      justification: "Groundwater model must be redone.",
    });
    expect(asked.state).toBe("PENDING");
    let view = await timetable(project.id);
    expect(view.authorizations[0]!.milestones.at(-1)!.currentDate).toBe(final.currentDate);
    await expect(
      as("partnerA").permitting.move({
        milestoneId: final.id,
        from: final.currentDate,
        to: addCalendarDays(final.currentDate, 10),
        reason: "OTHER",
        justification: "Meanwhile.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      as("partnerA").permitting.decide({
        changeId: asked.changeId,
        approve: true,
        determination: "Self-approved.",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // No date moves while the project is paused, an approved change included.
    await as("coordinator").permitting.pause({
      projectId: project.id,
      reason: "OTHER",
      summary: "A day's pause.",
      startedOn: today,
    });
    await expect(
      as("coordinator").permitting.decide({ changeId: asked.changeId, approve: true, determination: "Now." }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The project's permitting is paused: resume it before approving a date change.",
    });
    await as("coordinator").permitting.resume({ projectId: project.id, resumedOn: today });
    await as("coordinator").permitting.decide({
      changeId: asked.changeId,
      approve: true,
      determination: "Justified: the revised model is required by the agency.",
    });
    await expect(
      as("coordinator").permitting.decide({
        changeId: asked.changeId,
        approve: false,
        determination: "Again.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This change has already been decided." });
    view = await timetable(project.id);
    const after = view.authorizations[0]!.milestones.at(-1)!;
    expect(after).toMatchObject({ currentDate: later, baselineDate: final.baselineDate });

    // A coordinator's own such move carries the determination, or is refused.
    const big = {
      milestoneId: final.id,
      from: later,
      to: addCalendarDays(later, 45),
      reason: "LITIGATION" as const,
      justification: "Injunction pending appeal.",
    };
    await expect(as("coordinator").permitting.move(big)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "This moves the authorization's final date by more than 30 days: record your determination with it.",
    });
    expect(
      await as("coordinator").permitting.move({ ...big, determination: "Court schedule; no alternative." }),
    ).toMatchObject({ state: "APPLIED" });

    view = await timetable(project.id);
    expect(view.changes.map((c) => [c.reason, c.state, c.days, c.determination !== null])).toEqual([
      ["LITIGATION", "APPLIED", 45, true],
      ["NEW_INFORMATION", "APPLIED", 60, true],
      ["CONSULTATION", "APPLIED", 21, false],
    ]);
    expect(view.changes[1]).toMatchObject({ changedBy: expect.any(String), decidedBy: expect.any(String) });

    // The record cannot be rewritten, nor a baseline moved, even in SQL.
    await expect(
      db.prisma.$executeRawUnsafe(
        `UPDATE "PermitDateChange" SET "toDate" = '2030-01-01' WHERE id = '${asked.changeId}'`,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      db.prisma.$executeRawUnsafe(
        `UPDATE "PermitMilestone" SET "baselineDate" = '2030-01-01' WHERE id = '${final.id}'`,
      ),
    ).rejects.toThrow(/baseline/);

    // Each change is on the timeline and in the audit log.
    const timeline = await as("usDelegate").project.timeline({ projectId: project.id });
    expect(timeline.items.map((t) => t.type)).toEqual(
      expect.arrayContaining(["permit_changed", "permit_date_changed"]),
    );
    const audited = await db.prisma.auditEvent.findMany({
      where: { entityType: "PermitAuthorization", entityId: us.id },
      select: { action: true },
    });
    expect(audited.map((a) => a.action).sort()).toEqual([
      "permit.authorization_added",
      "permit.date_change_decided",
      "permit.date_change_requested",
      "permit.date_changed",
      "permit.date_changed",
    ]);
  });

  it("two people moving the same date at once: exactly one move lands, the other is told it changed", async () => {
    const { project, us } = await projectWithAuthorizations();
    const m = us.milestones[2]!;
    const results = await Promise.allSettled(
      [7, 14, 21, 28].map((days, i) =>
        as(i % 2 ? "coordinator" : "partnerA").permitting.move({
          milestoneId: m.id,
          from: m.currentDate,
          to: addCalendarDays(m.currentDate, days),
          reason: "AGENCY_RESOURCES",
          justification: `Concurrent move ${i}.`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const view = await timetable(project.id);
    const moved = view.changes.filter((c) => c.milestone.id === m.id);
    expect(moved).toHaveLength(1);
    expect(view.authorizations[0]!.milestones[2]!.currentDate).toBe(moved[0]!.to);
  });

  it("records actual dates in order, never in the future; a denied authorization closes", async () => {
    const { project, us, jp } = await projectWithAuthorizations();
    const [noi, draft] = us.milestones;
    await expect(
      as("partnerA").permitting.complete({ milestoneId: draft!.id, actualDate: daysAgo(1) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Record the earlier milestones of this authorization first.",
    });
    await expect(
      as("partnerA").permitting.complete({ milestoneId: noi!.id, actualDate: addCalendarDays(today, 1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "An actual date cannot be in the future." });
    await as("partnerA").permitting.complete({ milestoneId: noi!.id, actualDate: daysAgo(60) });
    await expect(
      as("partnerA").permitting.complete({ milestoneId: noi!.id, actualDate: daysAgo(50) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This milestone is complete: its dates are fixed.",
    });
    await as("coordinator").permitting.setOutcome({
      authorizationId: jp.id,
      outcome: "WITHDRAWN",
      reason: "Plant moved to a site outside the assessment's scope.",
    });
    const view = await timetable(project.id);
    expect(view.authorizations[0]!.milestones.map((m) => m.status)).toEqual([
      "COMPLETED",
      "IN_PROGRESS",
      "PLANNED",
      "PLANNED",
    ]);
    expect(view.authorizations[1]!.status).toBe("WITHDRAWN");
    expect(view.authorizations[1]!.milestones.every((m) => m.status === "WITHDRAWN")).toBe(true);
    // Off the path: the estimate and the count follow the US authorization alone.
    expect(view.complete).toEqual({ done: 0, total: 1 });
    expect(view.estimatedCompletion).toBe(us.milestones.at(-1)!.currentDate);
  });

  it("pauses the project: every open milestone paused, summaries, and on resume every date moved for the pause", async () => {
    const { project, us, jp } = await projectWithAuthorizations();
    await as("partnerA").permitting.pause({
      projectId: project.id,
      reason: "AWAITING_APPLICANT_INFORMATION",
      summary: "Waiting for the revised water balance.",
      startedOn: daysAgo(12),
    });
    let view = await timetable(project.id);
    const open = view.authorizations.flatMap((a) => a.milestones).filter((m) => m.actualDate === null);
    expect(open.every((m) => m.status === "PAUSED")).toBe(true);
    expect(view.pause).toMatchObject({
      reason: "AWAITING_APPLICANT_INFORMATION",
      startedOn: daysAgo(12),
      summaryDue: addCalendarDays(daysAgo(12), 90),
      summaryOverdue: false,
    });
    await expect(
      as("coordinator").permitting.pause({
        projectId: project.id,
        reason: "OTHER",
        summary: "Twice.",
        startedOn: today,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "The project's permitting is already paused." });
    await expect(
      as("partnerA").permitting.move({
        milestoneId: us.milestones[1]!.id,
        from: us.milestones[1]!.currentDate,
        to: addCalendarDays(us.milestones[1]!.currentDate, 3),
        reason: "OTHER",
        justification: "During the pause.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await as("partnerA").permitting.summarise({
      projectId: project.id,
      summary: "Model received; under review.",
    });
    view = await timetable(project.id);
    expect(view.pause!.summaries).toHaveLength(2);
    expect(view.pause!.summaryDue).toBe(addCalendarDays(today, 90));

    const resumed = await as("partnerA").permitting.resume({ projectId: project.id, resumedOn: daysAgo(2) });
    expect(resumed).toEqual({ moved: open.length, days: 10 });
    view = await timetable(project.id);
    expect(view.pause).toBeNull();
    expect(view.pastPauses).toEqual([
      expect.objectContaining({
        startedOn: daysAgo(12),
        endedOn: daysAgo(2),
        reason: "AWAITING_APPLICANT_INFORMATION",
      }),
    ]);
    const before = new Map([...us.milestones, ...jp.milestones].map((m) => [m.id, m.currentDate]));
    for (const m of view.authorizations.flatMap((a) => a.milestones)) {
      expect(m.currentDate).toBe(addCalendarDays(before.get(m.id)!, 10));
      expect(m.status).not.toBe("PAUSED");
    }
    const pauseMoves = view.changes.filter((c) => c.reason === "PROJECT_PAUSE");
    expect(pauseMoves).toHaveLength(open.length);
    expect(pauseMoves.every((c) => c.days === 10 && c.state === "APPLIED")).toBe(true);
    expect(
      pauseMoves.every((c) => c.pause?.startedOn === daysAgo(12) && c.pause.endedOn === daysAgo(2)),
    ).toBe(true);
  });

  it("a pause that moves a final date more than 30 days is resumed by a coordinator, with a determination", async () => {
    const { project } = await projectWithAuthorizations();
    await as("coordinator").permitting.pause({
      projectId: project.id,
      reason: "LITIGATION",
      summary: "Injunction against the land exchange.",
      startedOn: daysAgo(45),
    });
    await expect(
      as("partnerA").permitting.resume({ projectId: project.id, resumedOn: today }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      as("coordinator").permitting.resume({ projectId: project.id, resumedOn: today }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await as("coordinator").permitting.resume({
      projectId: project.id,
      resumedOn: today,
      determination: "Injunction lifted; the schedule moves by the pause.",
    });
    const view = await timetable(project.id);
    const finals = view.changes.filter(
      (c) => c.reason === "PROJECT_PAUSE" && c.days === 45 && c.determination,
    );
    expect(finals).toHaveLength(2);
  });

  it("tells followers of each change, and the owner and coordinators of a missed date on the next working day", async () => {
    const { project, us } = await projectWithAuthorizations();
    // Every event so far is fanned out; the US delegate (a sponsor, so following) hears of the additions.
    for (let r = await fanOut(db, new Date()); r && r.events > 0; r = await fanOut(db, new Date()));
    const heard = await db.prisma.notification.findMany({
      where: { userId: fx.users.usDelegate.id, projectId: project.id },
      select: { eventType: true, reason: true },
    });
    expect(heard).toEqual(
      expect.arrayContaining([{ eventType: "permit.authorization_added", reason: "ACTIVITY" }]),
    );
    await remind(db, new Date());
    const missed = await db.prisma.notification.findMany({
      where: { projectId: project.id, reason: "PERMIT_ATTENTION" },
      select: { userId: true, key: true, data: true },
    });
    const key = `permit-missed:${us.milestones[0]!.id}:${us.milestones[0]!.currentDate}`;
    const told = missed.filter((n) => n.key === key);
    expect(told.map((n) => n.userId).sort()).toEqual([fx.users.coordinator.id, fx.users.partnerA.id].sort());
    expect(told[0]!.data).toMatchObject({
      dueDate: us.milestones[0]!.currentDate,
      missedBy: us.milestones[0]!.missedBy,
    });
    // Once: a second run writes nothing new for it.
    await remind(db, new Date());
    expect(await db.prisma.notification.count({ where: { key } })).toBe(2);
    // Delegates are not told of a missed date; they read the timetable.
    expect(missed.some((n) => n.userId === fx.users.usDelegate.id)).toBe(false);
  });

  it("an overdue pause summary reaches the coordinators", async () => {
    const { project } = await projectWithAuthorizations();
    await as("coordinator").permitting.pause({
      projectId: project.id,
      reason: "FUNDING",
      summary: "Awaiting the financing decision.",
      startedOn: daysAgo(95),
    });
    expect((await timetable(project.id)).pause).toMatchObject({ summaryOverdue: true });
    await remind(db, new Date());
    const told = await db.prisma.notification.findMany({
      where: { projectId: project.id, key: { startsWith: "pause-summary:" } },
      select: { userId: true, data: true },
    });
    expect(told).toEqual([
      {
        userId: fx.users.coordinator.id,
        data: expect.objectContaining({ summaryDue: addCalendarDays(daysAgo(95), 90) }),
      },
    ]);
  });

  it("the permitting page: filters, on-time rates by authority, median days per stage, and CSV", async () => {
    const { us } = await projectWithAuthorizations();
    await as("partnerA").permitting.complete({ milestoneId: us.milestones[0]!.id, actualDate: daysAgo(72) });
    const all = await as("partnerB").permitting.overview({});
    expect(all.rows.length).toBeGreaterThanOrEqual(2);
    const jpOnly = await as("coordinator").permitting.overview({ jurisdiction: "JP_NATIONAL" });
    expect(jpOnly.rows.every((r) => r.jurisdiction === "JP_NATIONAL")).toBe(true);
    expect(jpOnly.rows.length).toBeGreaterThan(0);
    const blm = await as("coordinator").permitting.overview({ authority: "Bureau of Land Management" });
    const row = blm.rows.find((r) => r.id === us.id)!;
    expect(row).toMatchObject({
      completed: 1,
      milestones: 4,
      next: { nameEn: "Draft environmental impact statement" },
    });
    const stat = blm.stats.find((s) => s.authority === "Bureau of Land Management")!;
    expect(stat.completed).toBeGreaterThanOrEqual(1);
    expect(stat.stages.find((s) => s.kind === "NOTICE_OF_INTENT")).toMatchObject({
      name: { en: "Notice of intent", ja: "調査実施意図の通知（NOI）" },
    });
    const late = await as("coordinator").permitting.overview({ status: "COMPLETED" });
    expect(late.rows.every((r) => r.status === "COMPLETED")).toBe(true);
    const csv = await as("jpDelegate").permitting.export({ jurisdiction: "US_FEDERAL" });
    expect(csv.fileName).toMatch(/^lodestone-permitting-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("所管当局");
    expect(lines.slice(1).every((l) => l.includes("US_FEDERAL"))).toBe(true);
    expect(lines.length).toBe(
      (await as("jpDelegate").permitting.overview({ jurisdiction: "US_FEDERAL" })).rows.length + 1,
    );
  });
});
