import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { seed } from "@lodestone/db/seed";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processSigner, resolveSession } from "../../context.js";
import { callerFor, createFixture, inDeliveryOf, sessionFor } from "../../test/fixtures.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db.prisma, processSigner());
});
afterAll(() => db.close());

async function callerAs(email: string, now?: () => Date) {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  return callerFor(
    db,
    await resolveSession(db, await sessionFor(db, user.id), new Date()),
    now ? { now } : {},
  );
}

describe("dashboard.pipeline", () => {
  it("counts what the reader may see, by status, commodity, stage and country, from aggregates", async () => {
    const api = await callerAs("delegate.us@lodestone.example");
    const figures = await api.dashboard.pipeline();
    const visible = await db.prisma.project.count({ where: { status: { not: "DRAFT" } } });
    const sum = (xs: { count: number }[]) => xs.reduce((a, b) => a + b.count, 0);
    expect(sum(figures.byStatus)).toBe(visible);
    expect(sum(figures.byCommodity)).toBe(visible);
    expect(sum(figures.byStage)).toBe(visible);
    expect(sum(figures.bySiteCountry)).toBe(visible);
    expect(figures.byStatus.some((s) => s.key === "DRAFT")).toBe(false);

    const approved = await db.prisma.project.aggregate({
      where: { status: { in: ["APPROVED", "IN_DELIVERY", "COMPLETED"] } },
      _sum: { capexUsd: true, capacityTpy: true },
      _count: { _all: true },
    });
    expect(figures.approved).toEqual({
      projects: approved._count._all,
      capexUsd: Number(approved._sum.capexUsd),
      capacityTpy: approved._sum.capacityTpy,
    });
    expect(figures.milestones.overdue).toBeGreaterThan(0);
  });

  it("shows a partner its own organisation's projects and approved ones only", async () => {
    const partner = await callerAs("partner@quandong.example");
    const figures = await partner.dashboard.pipeline();
    const org = (await db.prisma.user.findUniqueOrThrow({ where: { email: "partner@quandong.example" } }))
      .organisationId!;
    const expected = await db.prisma.project.count({
      where: { OR: [{ organisationId: org }, { status: { in: ["APPROVED", "IN_DELIVERY", "COMPLETED"] } }] },
    });
    expect(figures.byStatus.reduce((a, b) => a + b.count, 0)).toBe(expected);
  });
});

describe("CSV exports", () => {
  it("are UTF-8 with a BOM, one row per visible project, Japanese intact", async () => {
    const api = await callerAs("delegate.jp@lodestone.example");
    const file = await api.dashboard.projectsCsv();
    expect(file.filename).toMatch(/^lodestone-projects-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(file.content.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(await db.prisma.project.count({ where: { status: { not: "DRAFT" } } }));
    expect(rows.some((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(r.title_ja ?? ""))).toBe(true);

    const milestones = await api.dashboard.milestonesCsv();
    const mrows = parse(milestones.content.slice(1), { columns: true }) as Record<string, string>[];
    expect(mrows.length).toBe(await db.prisma.milestone.count());
    expect(mrows[0]).toHaveProperty("reference_time_zone");
  });
});

describe("dashboard.pipeline's milestone figures", () => {
  it("count overdue and due this month in each project's reference time zone", async () => {
    const own = await createTestDatabase();
    try {
      const fx = await createFixture(own);
      const tokyo = await inDeliveryOf(own, fx);
      const newYork = await inDeliveryOf(own, fx);
      await own.prisma.project.update({ where: { id: tokyo }, data: { referenceTimeZone: "Asia/Tokyo" } });
      await own.prisma.project.update({
        where: { id: newYork },
        data: { referenceTimeZone: "America/New_York" },
      });
      const due = (projectId: string, day: string) => ({
        projectId,
        titleEn: `Due ${day}`,
        titleJa: `期限 ${day}`,
        dueDate: new Date(`${day}T00:00:00Z`),
      });
      await own.prisma.milestone.createMany({
        data: [
          due(tokyo, "2026-03-31"),
          due(tokyo, "2026-04-15"),
          due(newYork, "2026-03-31"),
          due(newYork, "2026-04-15"),
          { ...due(newYork, "2026-03-01"), status: "DONE" },
        ],
      });
      const figuresAt = (iso: string) =>
        callerFor(own, fx.users.usDelegate, { now: () => new Date(iso) }).dashboard.pipeline();
      // 16:00 UTC on 31 March: already 1 April in Tokyo, still 31 March (noon) in New York.
      expect((await figuresAt("2026-03-31T16:00:00Z")).milestones).toEqual({ overdue: 1, dueThisMonth: 2 });
      // A day later it is April in both, and both 31 March milestones are overdue.
      expect((await figuresAt("2026-04-01T16:00:00Z")).milestones).toEqual({ overdue: 2, dueThisMonth: 2 });
    } finally {
      await own.close();
    }
  });
});
