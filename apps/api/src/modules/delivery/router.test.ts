import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedOf, callerFor, createFixture, inDeliveryOf, type Fixture } from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${e.message}` : String(e)),
  );

describe("delivery from the first milestone to COMPLETED", () => {
  it("plans a weighted tree, takes reports from the assignee, rolls progress up, and completes", async () => {
    const approved = await approvedOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    expect(
      await codeOf(
        coordinator.delivery.createMilestone({
          projectId: approved.id,
          titleEn: "Too early",
          titleJa: "早すぎ",
          dueDate: "2030-01-01",
        }),
      ),
    ).toMatch(/^CONFLICT: Start delivery/);
    await coordinator.delivery.start({ id: approved.id, version: approved.version });

    const plant = await coordinator.delivery.createMilestone({
      projectId: approved.id,
      titleEn: "Plant",
      titleJa: "プラント",
      dueDate: "2030-06-30",
      weight: 3,
      assigneeOrganisationId: fx.organisations.a,
    });
    const permits = await coordinator.delivery.createMilestone({
      projectId: approved.id,
      titleEn: "Permits",
      titleJa: "許認可",
      dueDate: "2029-12-31",
      weight: 1,
      assigneeUserId: fx.users.usDelegate.id,
    });
    const civil = await coordinator.delivery.createMilestone({
      projectId: approved.id,
      parentId: plant.id,
      assigneeOrganisationId: fx.organisations.a,
      titleEn: "Civil works",
      titleJa: "土木工事",
      dueDate: "2030-03-31",
    });
    const equipment = await coordinator.delivery.createMilestone({
      projectId: approved.id,
      parentId: plant.id,
      assigneeOrganisationId: fx.organisations.a,
      titleEn: "Equipment",
      titleJa: "設備",
      dueDate: "2030-05-31",
    });

    const partner = callerFor(db, fx.users.partnerA);
    await partner.delivery.report({
      milestoneId: civil.id,
      version: civil.version,
      status: "IN_PROGRESS",
      progress: 50,
    });
    let view = await partner.delivery.get({ id: approved.id });
    // Plant = (50 + 0) / 2 = 25; project = (3 × 25 + 1 × 0) / 4 = 18.75 → 19
    expect(view.milestones.find((m) => m.id === plant.id)?.progress).toBe(25);
    expect(view.progress).toBe(19);

    expect(
      await codeOf(
        partner.delivery.report({ milestoneId: equipment.id, version: 1, status: "DONE", progress: 100 }),
      ),
    ).toMatch(/^BAD_REQUEST: Marking a milestone done needs evidence/);
    expect(
      await codeOf(
        partner.delivery.report({ milestoneId: equipment.id, version: 1, status: "BLOCKED", progress: 10 }),
      ),
    ).toMatch(/^BAD_REQUEST: Say what blocks/);
    await partner.delivery.report({
      milestoneId: equipment.id,
      version: 1,
      status: "DONE",
      progress: 100,
      evidence: "Acceptance certificate",
    });
    await partner.delivery.report({
      milestoneId: civil.id,
      version: 2,
      status: "DONE",
      progress: 100,
      evidence: "Handover",
    });
    // The permits milestone is the US delegate's; the partner cannot report on it.
    expect(
      await codeOf(
        partner.delivery.report({ milestoneId: permits.id, version: 1, status: "IN_PROGRESS", progress: 5 }),
      ),
    ).toMatch(/^FORBIDDEN/);
    view = await coordinator.delivery.get({ id: approved.id });
    expect(view.progress).toBe(75);
    expect(view.canComplete).toBe(false);
    expect(
      await codeOf(
        coordinator.delivery.complete({
          id: approved.id,
          version: (await partner.project.get({ id: approved.id })).version,
        }),
      ),
    ).toMatch(/Every milestone must be done or cancelled/);

    await callerFor(db, fx.users.usDelegate).delivery.report({
      milestoneId: permits.id,
      version: 1,
      status: "DONE",
      progress: 100,
      evidence: "Permit no. 42",
    });
    view = await coordinator.delivery.get({ id: approved.id });
    // Every milestone, the parent too, must be done or cancelled before completion.
    expect(view).toMatchObject({ progress: 100, canComplete: false });
    await partner.delivery.report({
      milestoneId: plant.id,
      version: plant.version,
      status: "DONE",
      progress: 100,
      evidence: "Plant handed over",
    });
    view = await coordinator.delivery.get({ id: approved.id });
    expect(view).toMatchObject({ progress: 100, canComplete: true });
    const current = await partner.project.get({ id: approved.id });
    await coordinator.delivery.complete({ id: approved.id, version: current.version });
    expect((await partner.project.get({ id: approved.id })).status).toBe("COMPLETED");
  });
});

describe("milestone rules", () => {
  it("lets nobody else report: another organisation's partner, a delegate not assigned, an admin", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const m = await callerFor(db, fx.users.coordinator).delivery.createMilestone({
      projectId,
      titleEn: "Pilot",
      titleJa: "パイロット",
      dueDate: "2031-01-31",
      assigneeOrganisationId: fx.organisations.a,
    });
    const report = { milestoneId: m.id, version: 1, status: "IN_PROGRESS" as const, progress: 10 };
    // Partner B sees a project in delivery (approved or later) but cannot report on A's milestone.
    expect(await codeOf(callerFor(db, fx.users.partnerB).delivery.report(report))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(callerFor(db, fx.users.jpDelegate).delivery.report(report))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(callerFor(db, fx.users.admin).delivery.report(report))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(callerFor(db, fx.users.coordinator).delivery.report(report))).toBe("OK");
    expect(await codeOf(callerFor(db, fx.users.partnerA).delivery.report(report))).toMatch(
      /^CONFLICT: Someone else updated/,
    );
  });

  it("re-plans with a reason, keeping the old date", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    const m = await coordinator.delivery.createMilestone({
      projectId,
      titleEn: "Commissioning",
      titleJa: "試運転",
      dueDate: "2031-03-31",
    });
    expect(
      await codeOf(
        coordinator.delivery.replan({ milestoneId: m.id, version: 1, dueDate: "2031-06-30", reason: "" }),
      ),
    ).toMatch(/^BAD_REQUEST/);
    await coordinator.delivery.replan({
      milestoneId: m.id,
      version: 1,
      dueDate: "2031-06-30",
      reason: "Customs delay on the kiln",
    });
    const history = await coordinator.delivery.history({ id: m.id });
    expect(history.replans).toMatchObject([
      { oldDueDate: "2031-03-31", newDueDate: "2031-06-30", reason: "Customs delay on the kiln" },
    ]);
    // The project's delivery view lists every re-plan of its milestones, for its timeline.
    await coordinator.delivery.replan({
      milestoneId: m.id,
      version: 2,
      dueDate: "2031-09-30",
      reason: "Kiln refractory relined",
    });
    const view = await callerFor(db, fx.users.partnerA).delivery.get({ id: projectId });
    expect(view.milestones.find((x) => x.id === m.id)?.dueDate).toBe("2031-09-30");
    expect(view.replans).toMatchObject([
      {
        milestoneId: m.id,
        oldDueDate: "2031-03-31",
        newDueDate: "2031-06-30",
        by: { name: expect.any(String) },
      },
      {
        milestoneId: m.id,
        oldDueDate: "2031-06-30",
        newDueDate: "2031-09-30",
        reason: "Kiln refractory relined",
      },
    ]);
    expect(
      await codeOf(
        callerFor(db, fx.users.partnerA).delivery.replan({
          milestoneId: m.id,
          version: 3,
          dueDate: "2031-07-01",
          reason: "x y z",
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });

  it("marks overdue by the end of the due day in the project's reference time zone", async () => {
    const projectId = await inDeliveryOf(db, fx);
    await db.prisma.project.update({ where: { id: projectId }, data: { referenceTimeZone: "Asia/Tokyo" } });
    const m = await callerFor(db, fx.users.coordinator).delivery.createMilestone({
      projectId,
      titleEn: "Survey",
      titleJa: "調査",
      dueDate: "2027-03-31",
      assigneeUserId: fx.users.jpDelegate.id,
    });
    // 2027-03-31 23:30 in Washington is 2027-04-01 12:30 in Tokyo: past the due day there.
    const at = () => new Date("2027-04-01T03:30:00Z");
    const view = await callerFor(db, fx.users.jpDelegate, { now: at }).delivery.get({ id: projectId });
    expect(view.referenceTimeZone).toBe("Asia/Tokyo");
    expect(view.milestones.find((x) => x.id === m.id)?.overdue).toBe(true);
    const before = () => new Date("2027-03-31T14:00:00Z"); // 23:00 in Tokyo on the due day
    expect(
      (
        await callerFor(db, fx.users.jpDelegate, { now: before }).delivery.get({ id: projectId })
      ).milestones.find((x) => x.id === m.id)?.overdue,
    ).toBe(false);
    // The infinite-query shape the web sends (direction, null cursor).
    const mine = await callerFor(db, fx.users.jpDelegate, { now: at }).delivery.mine({
      cursor: null,
      direction: "forward",
    });
    expect(mine.items.find((x) => x.id === m.id)).toMatchObject({
      overdue: true,
      referenceTimeZone: "Asia/Tokyo",
    });
  });
});

describe("assignees", () => {
  it("lists active delegates and partners a coordinator may assign, not coordinators or admins", async () => {
    const people = await callerFor(db, fx.users.coordinator).delivery.assignees();
    const ids = people.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([fx.users.usDelegate.id, fx.users.jpDelegate.id, fx.users.partnerA.id]),
    );
    expect(ids).not.toContain(fx.users.coordinator.id);
    expect(ids).not.toContain(fx.users.admin.id);
    expect(ids).not.toContain(fx.users.deactivated.id);
    expect(people.find((p) => p.id === fx.users.partnerA.id)).toMatchObject({
      role: "PARTNER",
      organisation: expect.any(String),
    });
    expect(people.find((p) => p.id === fx.users.usDelegate.id)).toMatchObject({
      role: "DELEGATE",
      delegation: "US",
    });
  });
});
