import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { seed } from "@lodestone/db/seed";
import { PROJECT_STATUSES } from "@lodestone/domain/enums";
import type { ListProjectsInput, ProjectListItem } from "@lodestone/domain/project-list";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processSigner, resolveSession } from "../../context.js";
import { callerFor, createFixture, sessionFor, submittedOf } from "../../test/fixtures.js";

let db: TestDatabase;
let caller: ReturnType<typeof callerFor>;
let total: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db.prisma, processSigner());
  // Nobody but the proposing organisation sees a project never submitted (DESIGN.md §4).
  total = await db.prisma.project.count({ where: { submittedAt: { not: null } } });
  const delegate = await db.prisma.user.findUniqueOrThrow({
    where: { email: "delegate.us@lodestone.example" },
  });
  const session = await resolveSession(db, await sessionFor(db, delegate.id), new Date());
  caller = callerFor(db, session);
});

async function callerAs(email: string) {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  return callerFor(db, await resolveSession(db, await sessionFor(db, user.id), new Date()));
}
afterAll(() => db.close());

/** The fields of a project as the update procedure takes them. */
function draftFieldsOf(p: { fields: Record<string, unknown> }) {
  return p.fields as unknown as Parameters<typeof caller.project.create>[0];
}

async function all(input: Parameters<typeof caller.project.list>[0] = {}): Promise<ProjectListItem[]> {
  const items: ProjectListItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await caller.project.list({ ...input, ...(cursor ? { cursor } : {}) });
    items.push(...res.items);
    if (!res.nextCursor) return items;
    cursor = res.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("project.list", () => {
  it("is refused to signed-out callers", async () => {
    const error = await callerFor(db, null)
      .project.list({})
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
  });

  it("shows a partner its own organisation's projects (drafts too) and others' only once approved", async () => {
    const partner = await db.prisma.user.findUniqueOrThrow({
      where: { email: "partner@quandong.example" },
      select: { organisationId: true },
    });
    const api = await callerAs("partner@quandong.example");
    const seen: ProjectListItem[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api.project.list>> = await api.project.list({
        limit: 50,
        cursor,
      });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const expected = await db.prisma.project.findMany({
      where: {
        OR: [
          { organisationId: partner.organisationId! },
          { status: { in: ["APPROVED", "IN_DELIVERY", "COMPLETED"] } },
        ],
      },
      select: { id: true },
    });
    expect(seen.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(seen.some((p) => p.status === "DRAFT")).toBe(true);
    expect(
      seen
        .filter((p) => p.organisation.id !== partner.organisationId)
        .every((p) => ["APPROVED", "IN_DELIVERY", "COMPLETED"].includes(p.status)),
    ).toBe(true);
  });

  it("accepts the infinite-query shape (direction, null cursor)", async () => {
    const page = await caller.project.list({ limit: 2, cursor: null, direction: "forward" });
    expect(page.items).toHaveLength(2);
  });

  it("returns the seeded projects one keyset page at a time, newest change first, each once", async () => {
    const first = await caller.project.list({ limit: 7 });
    expect(first.items).toHaveLength(7);
    expect(first.nextCursor).toBe(first.items[6]?.id);

    const items = await all({ limit: 7 });
    expect(items).toHaveLength(total);
    expect(new Set(items.map((p) => p.id)).size).toBe(total);
    const keys = items.map((p) => `${p.updatedAt}|${p.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it("sorts by reference, capex or capacity, each page continuing the order exactly", async () => {
    const byReference = await all({ limit: 4, sort: "reference" });
    expect(byReference).toHaveLength(total);
    const numbers = byReference.map((p) => Number(p.reference.slice("LD-".length)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));

    for (const sort of ["capex", "capacity"] as const) {
      const items = await all({ limit: 4, sort });
      expect(new Set(items.map((p) => p.id)).size).toBe(total);
      const value = (p: ProjectListItem) => (sort === "capex" ? p.capexUsd : p.capacityTpy);
      for (let i = 1; i < items.length; i++) {
        const [before, after] = [items[i - 1]!, items[i]!];
        // Largest first; equal values in descending id order.
        expect(value(before) > value(after) || (value(before) === value(after) && before.id > after.id)).toBe(
          true,
        );
      }
    }
    const error = await caller.project.list({ sort: "title" as never }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("sorts references by their number, not as text (LD-1001 before LD-10000)", async () => {
    const own = await createTestDatabase();
    try {
      const fx = await createFixture(own);
      const submittedAs = async (number: number) => {
        // The next reference comes from the sequence behind `number`.
        await own.prisma
          .$executeRaw`SELECT setval(pg_get_serial_sequence('"Project"', 'number'), ${number - 1})`;
        return (await submittedOf(own, fx.users.partnerA)).reference;
      };
      const created = [await submittedAs(10_000), await submittedAs(1_001), await submittedAs(2_000)];
      expect(created).toEqual(["LD-10000", "LD-1001", "LD-2000"]);
      const delegate = callerFor(own, fx.users.usDelegate);
      const first = await delegate.project.list({ sort: "reference", limit: 2 });
      const rest = await delegate.project.list({ sort: "reference", limit: 2, cursor: first.nextCursor });
      expect([...first.items, ...rest.items].map((p) => p.reference)).toEqual([
        "LD-1001",
        "LD-2000",
        "LD-10000",
      ]);
      const exported = await delegate.dashboard.projectsCsv();
      const order = ["LD-1001", "LD-2000", "LD-10000"].map((r) => exported.content.indexOf(`\r\n${r},`));
      expect(order.every((at) => at > 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    } finally {
      await own.close();
    }
  });

  it("shapes each item as the domain DTO (both languages, no Prisma types)", async () => {
    const { items } = await caller.project.list({ limit: 1 });
    const item = items[0]!;
    expect(item.title.en.length).toBeGreaterThan(0);
    expect(item.title.ja.length).toBeGreaterThan(0);
    expect(typeof item.capexUsd).toBe("number");
    expect(typeof item.updatedAt).toBe("string");
    expect(new Date(item.updatedAt).toISOString()).toBe(item.updatedAt);
    expect(item.reference).toMatch(/^LD-\d{4}$/);
  });

  it("shows every lifecycle status of the demo data except drafts", async () => {
    const statuses = new Set((await all({ limit: 100 })).map((p) => p.status));
    expect([...statuses].sort()).toEqual(PROJECT_STATUSES.filter((s) => s !== "DRAFT").sort());
    expect(await db.prisma.project.count({ where: { status: "DRAFT" } })).toBeGreaterThan(0);
  });

  it("filters by status, commodity, stage, site country and sponsor", async () => {
    const everything = await all({ limit: 100 });
    const sample = everything[0]!;
    const cases: [ListProjectsInput, (p: ProjectListItem) => boolean][] = [
      [{ status: [sample.status] }, (p: ProjectListItem) => p.status === sample.status],
      [{ commodity: sample.commodity }, (p: ProjectListItem) => p.commodity === sample.commodity],
      [{ stage: sample.stage }, (p: ProjectListItem) => p.stage === sample.stage],
      [{ siteCountry: sample.siteCountry }, (p: ProjectListItem) => p.siteCountry === sample.siteCountry],
      [{ sponsor: "JP" }, (p: ProjectListItem) => p.sponsors.includes("JP")],
    ];
    for (const [filter, predicate] of cases) {
      const got = await all({ ...filter, limit: 5 });
      expect(got.map((p) => p.id).sort()).toEqual(
        everything
          .filter(predicate)
          .map((p) => p.id)
          .sort(),
      );
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it("finds Japanese words inside sentences and English words case-insensitively", async () => {
    for (const q of ["レアアース", "分離"]) {
      const got = await all({ q });
      expect(got.length, q).toBeGreaterThan(0);
    }
    const upper = await all({ q: "MAGNET" });
    const lower = await all({ q: "magnet" });
    expect(upper.map((p) => p.id)).toEqual(lower.map((p) => p.id));
    expect(upper.length).toBeGreaterThan(0);
  });

  it("finds a project by its reference, in any case, and a new draft by its new reference after an edit", async () => {
    for (const q of ["LD-0003", "ld-0003"]) {
      const got = await all({ q });
      expect(got.map((p) => p.reference)).toContain("LD-0003");
    }
    const partner = await callerAs("partner@quandong.example");
    const draft = await partner.project.create({
      titleEn: "Reference search check",
      titleJa: "",
      summaryEn: "",
      summaryJa: "",
      bodyEn: "",
      bodyJa: "",
      bindingLanguage: "en",
      translationEn: "ORIGINAL",
      translationJa: "MISSING",
      commodity: "LA",
      stage: "MINING",
      site: { country: "AU", region: "", latitude: null, longitude: null },
      capacityTpy: 1,
      capexUsd: 1,
      sponsors: [],
    });
    const found = await partner.project.list({ q: draft.reference });
    expect(found.items.map((p) => p.id)).toEqual([draft.id]);
    await partner.project.update({
      ...draftFieldsOf(draft),
      titleEn: "Renamed",
      projectId: draft.id,
      version: draft.version,
    });
    expect((await partner.project.list({ q: draft.reference.toLowerCase() })).items.map((p) => p.id)).toEqual(
      [draft.id],
    );
  });

  it("treats LIKE wildcards in a search as plain characters", async () => {
    expect((await caller.project.list({ q: "%" })).items).toEqual([]);
    expect((await caller.project.list({ q: "_" })).items).toEqual([]);
  });

  it("answers bad input with BAD_REQUEST and field errors, never a 500", async () => {
    const bad = [
      { limit: 0 },
      { limit: 1000 },
      { cursor: "x" },
      { commodity: "GOLD" },
      { siteCountry: "aus" },
    ];
    for (const input of bad) {
      const error = await caller.project.list(input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });
});
