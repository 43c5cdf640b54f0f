import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { parse } from "csv-parse/sync";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approvedOf,
  callerFor,
  createFixture,
  draftOf,
  inDeliveryOf,
  proposalFields,
  submittedOf,
  type Fixture,
} from "../../test/fixtures.js";

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
    await coordinator.delivery.start({ projectId: approved.id, version: approved.version });

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
    let view = await partner.delivery.get({ projectId: approved.id });
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
    view = await coordinator.delivery.get({ projectId: approved.id });
    expect(view.progress).toBe(75);
    expect(view.canComplete).toBe(false);
    expect(
      await codeOf(
        coordinator.delivery.complete({
          projectId: approved.id,
          version: (await partner.project.get({ projectId: approved.id })).version,
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
    view = await coordinator.delivery.get({ projectId: approved.id });
    // The parent takes no reports: it is finished when every milestone under it is.
    expect(view).toMatchObject({ progress: 100, canComplete: true });
    const current = await partner.project.get({ projectId: approved.id });
    await coordinator.delivery.complete({ projectId: approved.id, version: current.version });
    expect((await partner.project.get({ projectId: approved.id })).status).toBe("COMPLETED");
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
    const history = await coordinator.delivery.history({ milestoneId: m.id });
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
    const view = await callerFor(db, fx.users.partnerA).delivery.get({ projectId });
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
    const view = await callerFor(db, fx.users.jpDelegate, { now: at }).delivery.get({ projectId });
    expect(view.referenceTimeZone).toBe("Asia/Tokyo");
    expect(view.milestones.find((x) => x.id === m.id)?.overdue).toBe(true);
    const before = () => new Date("2027-03-31T14:00:00Z"); // 23:00 in Tokyo on the due day
    expect(
      (await callerFor(db, fx.users.jpDelegate, { now: before }).delivery.get({ projectId })).milestones.find(
        (x) => x.id === m.id,
      )?.overdue,
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

describe("progress is reported on leaves and rolled up the same everywhere", () => {
  it("refuses a report on a parent with a message, and does not offer it", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    const parent = await coordinator.delivery.createMilestone({
      projectId,
      titleEn: "Plant",
      titleJa: "プラント",
      dueDate: "2031-06-30",
      assigneeOrganisationId: fx.organisations.a,
    });
    await coordinator.delivery.createMilestone({
      projectId,
      parentId: parent.id,
      titleEn: "Civil works",
      titleJa: "土木工事",
      dueDate: "2031-03-31",
      assigneeOrganisationId: fx.organisations.a,
    });
    for (const who of [fx.users.partnerA, fx.users.coordinator]) {
      expect(
        await codeOf(
          callerFor(db, who).delivery.report({
            milestoneId: parent.id,
            version: parent.version,
            status: "IN_PROGRESS",
            progress: 40,
          }),
        ),
      ).toMatch(/^BAD_REQUEST: This milestone has sub-milestones: its progress is rolled up/);
    }
    const view = await callerFor(db, fx.users.partnerA).delivery.get({ projectId });
    const shown = view.milestones.find((m) => m.id === parent.id);
    expect(shown?.canReport).toBe(false);
    expect(shown?.children[0]?.canReport).toBe(true);
    // Nothing was written.
    expect(
      await db.prisma.milestone.findUniqueOrThrow({ where: { id: parent.id }, select: { progress: true } }),
    ).toEqual({ progress: 0 });
  });

  it("shows a parent's progress alike on the delivery tree, My milestones and the milestones CSV", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    const plan = (title: string, extra: Record<string, unknown>) =>
      coordinator.delivery.createMilestone({
        projectId,
        titleEn: title,
        titleJa: `${title}（日本語）`,
        dueDate: "2031-06-30",
        ...extra,
      });
    // A parent assigned to a delegate, so it is on their "My milestones".
    const parent = await plan("Roll-up parent", { assigneeUserId: fx.users.jpDelegate.id, weight: 2 });
    const weighted = await plan("Weighted child", { parentId: parent.id, weight: 3 });
    const unweighted = await plan("Unweighted child", { parentId: parent.id });
    const cancelledBranch = await plan("Cancelled branch", {});
    const gone = await plan("Gone", { parentId: cancelledBranch.id });
    await plan("Other top", { weight: 1 });
    await coordinator.delivery.report({
      milestoneId: weighted.id,
      version: 1,
      status: "IN_PROGRESS",
      progress: 40,
    });
    await coordinator.delivery.report({
      milestoneId: unweighted.id,
      version: 1,
      status: "IN_PROGRESS",
      progress: 80,
    });
    await coordinator.delivery.report({ milestoneId: gone.id, version: 1, status: "CANCELLED", progress: 0 });

    // (3 × 40 + 1 × 80) / 4 = 50: the unweighted child weighs 1.
    const tree = await coordinator.delivery.get({ projectId });
    const fromTree = tree.milestones.find((m) => m.id === parent.id)?.progress;
    expect(fromTree).toBe(50);
    // Project: (2 × 50 + 1 × 0) / 3 = 33; the branch whose only child is cancelled does not count.
    expect(tree.progress).toBe(33);

    const mine = await callerFor(db, fx.users.jpDelegate).delivery.mine({});
    const fromMine = mine.items.find((m) => m.id === parent.id)?.progress;

    const file = await coordinator.dashboard.milestonesCsv();
    const rows = parse(file.content.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const fromCsv = rows.find((r) => r["Title (English)"] === "Roll-up parent")?.["Progress (%)"];

    expect({ tree: fromTree, mine: fromMine, csv: Number(fromCsv) }).toEqual({ tree: 50, mine: 50, csv: 50 });
    // Leaves are the same figure as reported, everywhere.
    expect(rows.find((r) => r["Title (English)"] === "Unweighted child")?.["Progress (%)"]).toBe("80");
  });
});

describe("the project's reference time zone", () => {
  it("is the zone the proposal gives for its site, kept when an edit leaves it out", async () => {
    const draft = await draftOf(db, fx.users.partnerA, {
      site: { country: "JP", region: "Fukuoka", latitude: null, longitude: null, timeZone: "Asia/Tokyo" },
    });
    expect(draft.fields.site.timeZone).toBe("Asia/Tokyo");
    const partner = callerFor(db, fx.users.partnerA);
    const edited = await partner.project.update({
      projectId: draft.id,
      version: draft.version,
      ...proposalFields({ site: { country: "JP", region: "Kitakyushu", latitude: null, longitude: null } }),
    });
    expect(edited.fields.site).toMatchObject({ region: "Kitakyushu", timeZone: "Asia/Tokyo" });
    expect(
      await codeOf(
        partner.project.create(
          proposalFields({
            site: { country: "JP", region: "x", latitude: null, longitude: null, timeZone: "JST" },
          }),
        ),
      ),
    ).toMatch(/^BAD_REQUEST/);
  });

  it("is corrected by a coordinator only, audited, and due today / overdue follow it", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    const m = await coordinator.delivery.createMilestone({
      projectId,
      titleEn: "Survey",
      titleJa: "調査",
      dueDate: "2027-03-31",
    });
    // 2027-03-31 15:30 UTC: still the due day in UTC, already 2027-04-01 in Tokyo.
    const now = () => new Date("2027-03-31T15:30:00Z");
    const at = (who: Parameters<typeof callerFor>[1]) => callerFor(db, who, { now });
    let view = await at(fx.users.jpDelegate).delivery.get({ projectId });
    expect(view.referenceTimeZone).toBe("UTC");
    expect(view.milestones.find((x) => x.id === m.id)).toMatchObject({ dueToday: true, overdue: false });

    const project = await coordinator.project.get({ projectId });
    const command = { projectId, version: project.version, timeZone: "Asia/Tokyo" };
    for (const who of [fx.users.partnerA, fx.users.jpDelegate, fx.users.admin]) {
      expect(await codeOf(callerFor(db, who).delivery.setTimeZone(command))).toMatch(/^FORBIDDEN/);
    }
    expect(await codeOf(coordinator.delivery.setTimeZone({ ...command, timeZone: "+09:00" }))).toMatch(
      /^BAD_REQUEST/,
    );
    expect(await codeOf(coordinator.delivery.setTimeZone({ ...command, version: 1 }))).toMatch(/^CONFLICT/);
    const changed = await coordinator.delivery.setTimeZone(command);
    expect(changed).toMatchObject({ referenceTimeZone: "Asia/Tokyo", version: project.version + 1 });
    expect(await codeOf(coordinator.delivery.setTimeZone({ ...command, version: changed.version }))).toMatch(
      /^BAD_REQUEST: The project is already tracked in that time zone/,
    );

    view = await at(fx.users.jpDelegate).delivery.get({ projectId });
    expect(view.referenceTimeZone).toBe("Asia/Tokyo");

    // While the organisation may still edit the proposal, the zone is theirs: their next
    // submission would otherwise put their value back over a coordinator's correction.
    const returned = await submittedOf(db, fx.users.partnerA);
    await db.prisma.project.update({ where: { id: returned.id }, data: { status: "CHANGES_REQUESTED" } });
    const current = await coordinator.project.get({ projectId: returned.id });
    expect(
      await codeOf(
        coordinator.delivery.setTimeZone({
          projectId: returned.id,
          version: current.version,
          timeZone: "Asia/Tokyo",
        }),
      ),
    ).toMatch(/^CONFLICT: The proposing organisation can still edit this proposal/);
    expect(view.milestones.find((x) => x.id === m.id)).toMatchObject({ dueToday: false, overdue: true });
    const pipeline = await at(fx.users.coordinator).dashboard.pipeline();
    expect(pipeline.milestones.overdue).toBeGreaterThanOrEqual(1);

    const audit = await db.prisma.auditEvent.findMany({
      where: { entityId: projectId, action: "project.time_zone_changed" },
      select: { actorId: true, entityType: true, before: true, after: true },
    });
    expect(audit).toEqual([
      {
        actorId: fx.users.coordinator.id,
        entityType: "Project",
        before: { referenceTimeZone: "UTC" },
        after: { referenceTimeZone: "Asia/Tokyo" },
      },
    ]);
  });
});
