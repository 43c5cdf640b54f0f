import { LOG_START, readEvents } from "@lodestone/db/repositories/events";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import { liveEventFor } from "@lodestone/domain/events";
import { balancesOf } from "@lodestone/domain/funding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedOf, callerFor, createFixture, financierOf, type Fixture } from "../../test/fixtures.js";

describe(`the funding ledger (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;
  let projectId: string;
  let usFinancier: string;
  let jpFinancier: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
    projectId = (await approvedOf(db, fx)).id;
    usFinancier = await financierOf(db, "US", fx);
    jpFinancier = await financierOf(db, "JP", fx);
  });
  afterAll(() => db?.close());

  const as = (who: keyof Fixture["users"]) => callerFor(db, fx.users[who]);
  const dated = { rateDate: "2026-11-30", date: "2026-11-30" };
  const open = (who: keyof Fixture["users"], financierId: string, extra: Record<string, unknown> = {}) =>
    as(who).funding.open({
      projectId,
      financierId,
      instrument: "LOAN",
      currency: "USD",
      amount: 465_000_000,
      usdRate: 1,
      ...dated,
      ...extra,
    });

  it("moves a letter for up to $465M through an amendment to $565M, approval, commitment and tranches, with IATI codes", async () => {
    const { id } = await open("usDelegate", usFinancier, { note: "Letter of interest: up to $465M." });
    const record = (kind: string, amount: number, extra: Record<string, unknown> = {}) =>
      as("usDelegate").funding.record({
        facilityId: id,
        kind: kind as never,
        amount,
        usdRate: 1,
        ...dated,
        ...extra,
      });
    await expect(record("APPROVAL", 565_000_000)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only 465,000,000 is pledged: this entry would take 565,000,000.",
    });
    await expect(record("AMENDMENT", 100_000_000, { bucket: "PLEDGED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await record("AMENDMENT", 100_000_000, { bucket: "PLEDGED", reason: "The board approved a $565M loan." });
    await record("APPROVAL", 565_000_000);
    await record("COMMITMENT", 565_000_000);
    await record("DISBURSEMENT", 200_000_000);
    const last = await record("DISBURSEMENT", 150_000_000);
    expect(last).toMatchObject({ state: "DISBURSED" });
    const view = await as("partnerA").funding.project({ projectId });
    const f = view.facilities.find((x) => x.id === id)!;
    expect(f.balances).toEqual({
      PLEDGED: 0,
      APPROVED: 0,
      COMMITTED: 215_000_000,
      DISBURSED: 350_000_000,
      REPAID: 0,
      CANCELLED: 0,
    });
    expect(f.entries.map((e) => [e.kind, e.iatiCode, e.amount])).toEqual([
      ["PLEDGE", 12, 465_000_000],
      ["AMENDMENT", 12, 100_000_000],
      ["APPROVAL", 12, 565_000_000],
      ["COMMITMENT", 2, 565_000_000],
      ["DISBURSEMENT", 3, 200_000_000],
      ["DISBURSEMENT", 3, 150_000_000],
    ]);
    // The balances are what the entries add up to.
    expect(balancesOf(f.entries, "LOAN")).toEqual(f.balances);
    expect(f.canRecord).toBe(false);
    expect(view.financiers).toEqual([]);
    const csv = await as("coordinator").funding.export({ projectId, format: "csv" });
    expect(csv.contentType).toBe("text/csv");
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toContain("IATI transaction type");
    expect(lines.filter((l) => l.includes(id))).toHaveLength(6);
    const json = await as("coordinator").funding.export({ projectId, format: "json" });
    const parsed = JSON.parse(json.body) as { transactions: { facilityId: string; iatiCode: number }[] };
    expect(parsed.transactions.filter((t) => t.facilityId === id).map((t) => t.iatiCode)).toEqual([
      12, 12, 12, 2, 3, 3,
    ]);
    // No entry is ever changed in place.
    await expect(
      db.prisma.fundingEntry.updateMany({ where: { facilityId: id }, data: { reason: "rewritten" } }),
    ).rejects.toThrow();
  });

  it("lets coordinators record any funding and delegates only their own delegation's financiers'", async () => {
    await expect(open("jpDelegate", usFinancier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(open("partnerA", usFinancier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(open("admin", usFinancier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(open("coordinator", fx.organisations.a)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That organisation is not a financier.",
    });
    await expect(open("coordinator", usFinancier, { usdRate: 1.1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { id } = await open("jpDelegate", jpFinancier, {
      currency: "jpy",
      amount: 1_000_000_000,
      usdRate: 0.0067,
    });
    const f = (await as("jpDelegate").funding.project({ projectId })).facilities.find((x) => x.id === id)!;
    expect(f).toMatchObject({ currency: "JPY", usd: expect.objectContaining({ PLEDGED: 6_700_000 }) });
    await expect(
      as("usDelegate").funding.record({
        facilityId: id,
        kind: "APPROVAL",
        amount: 1,
        usdRate: 0.0067,
        ...dated,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a confidential facility from other delegations: the ledger, totals, exports and live events", async () => {
    const { id, entryId } = await open("jpDelegate", jpFinancier, {
      currency: "JPY",
      amount: 9_000_000_000,
      usdRate: 0.0067,
      confidential: true,
    });
    const seenBy = async (who: keyof Fixture["users"]) => {
      const ledger = (await as(who).funding.project({ projectId })).facilities.some((f) => f.id === id);
      const csv = (await as(who).funding.export({ format: "csv" })).body.includes(id);
      return { ledger, csv };
    };
    expect(await seenBy("jpDelegate")).toEqual({ ledger: true, csv: true });
    expect(await seenBy("coordinator")).toEqual({ ledger: true, csv: true });
    for (const who of ["usDelegate", "partnerA", "partnerB", "admin"] as const) {
      expect(await seenBy(who), who).toEqual({ ledger: false, csv: false });
    }
    const totalsOf = async (who: keyof Fixture["users"]) =>
      (await as(who).funding.totals({ by: "delegation" })).find((t) => t.key === "JP")?.usd.PLEDGED ?? 0;
    expect((await totalsOf("jpDelegate")) - (await totalsOf("usDelegate"))).toBe(
      Math.round(9_000_000_000 * 0.0067),
    );
    await expect(
      as("usDelegate").funding.record({
        facilityId: id,
        kind: "APPROVAL",
        amount: 1,
        usdRate: 0.0067,
        ...dated,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = (await readEvents(db.prisma, LOG_START, 10_000)).filter(
      (e) => e.type === "funding.facility_opened" && e.data.entryId === entryId,
    );
    expect(events).toHaveLength(1);
    const actor = (who: keyof Fixture["users"]) => ({ ...fx.users[who] });
    expect(liveEventFor(actor("usDelegate"), events[0]!)).toBeNull();
    // Nor is it on the project's timeline, which every reader of the project sees.
    const timeline = await as("usDelegate").project.timeline({ projectId });
    expect(JSON.stringify(timeline)).not.toContain(id);
    expect(liveEventFor(actor("jpDelegate"), events[0]!)).toMatchObject({
      type: "funding.facility_opened",
      data: { facilityId: id, entryId, entryKind: "PLEDGE" },
    });
  });

  it(`records concurrent tranches exactly: each takes from what is committed, none takes more (${testDatabaseKind()})`, async () => {
    const { id } = await open("coordinator", usFinancier, { amount: 1_000 });
    for (const kind of ["APPROVAL", "COMMITMENT"] as const) {
      await as("coordinator").funding.record({ facilityId: id, kind, amount: 1_000, usdRate: 1, ...dated });
    }
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, () =>
        as("coordinator").funding.record({
          facilityId: id,
          kind: "DISBURSEMENT",
          amount: 50,
          usdRate: 1,
          ...dated,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected");
    // 1,000 committed covers exactly 20 tranches of 50; the other 4 are refused with the reason.
    expect(ok).toBe(20);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "BAD_REQUEST",
        message: "Only 0 is committed and not yet disbursed: this entry would take 50.",
      });
    }
    const f = (await as("coordinator").funding.project({ projectId })).facilities.find((x) => x.id === id)!;
    expect(f.balances).toMatchObject({ COMMITTED: 0, DISBURSED: 1_000 });
    expect(f.entries.map((e) => e.sequence)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(balancesOf(f.entries, "LOAN")).toEqual(f.balances);
  });

  it("stands a programme against its pledge, with each project's funding due 45 days after selection", async () => {
    const programme = await db.prisma.fundingProgramme.create({
      data: {
        nameEn: "Test pledge",
        nameJa: "テスト拠出",
        delegationId: fx.delegations.JP,
        amountUsd: 10_000_000_000n,
        deadline: new Date("2029-01-19T00:00:00Z"),
        fundingDueDays: 45,
      },
    });
    await open("coordinator", jpFinancier, { amount: 70_000_000, programmeId: programme.id });
    const [p] = (await as("usDelegate").funding.programmes()).filter((x) => x.id === programme.id);
    expect(p).toMatchObject({
      allocatedUsd: 70_000_000,
      unallocatedUsd: 9_930_000_000,
      deadline: "2029-01-19",
    });
    expect(p!.projects).toEqual([
      expect.objectContaining({
        projectId,
        allocatedUsd: 70_000_000,
        committedUsd: 0,
        dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
  });
});
