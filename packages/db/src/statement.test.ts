import { ListProjectsInput } from "@lodestone/domain/project-list";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import type { Tx } from "./client.js";
import { Prisma } from "./generated/prisma/client.js";
import { queryRows, runsDirectly, statementName } from "./statement.js";
import { listComments } from "./repositories/comment.js";
import { countRateLimitHits } from "./repositories/rate-limit.js";
import { castVote, getRound, roundSelect, toRound } from "./repositories/review.js";
import {
  getProjectAccess,
  getProjectRecord,
  listProjects,
  projectAccessSelect,
} from "./repositories/project.js";
import { createSession, findSession } from "./repositories/session.js";
import { seed } from "./seed/seed.js";
import { createTestDatabase, testDatabaseKind, testSigner, type TestDatabase } from "./testing.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db.prisma, testSigner());
});
afterAll(() => db.close());

/** `work` on the client itself, and on a transaction (where statements always go through Prisma). */
async function bothWays<T>(work: (tx: Tx) => Promise<T>) {
  const client = await work(db.prisma);
  const inTransaction = await db.prisma.$transaction((tx) => work(tx));
  return { client, inTransaction };
}

describe("statementName", () => {
  it("names the same text the same way every time, and different texts differently", () => {
    const list = 'SELECT id FROM "Project" WHERE id = $1';
    expect(statementName(list)).toBe(statementName(`SELECT id FROM "Project" WHERE id = $1`));
    expect(statementName(list)).not.toBe(statementName(`${list} LIMIT 1`));
    expect(statementName(list)).toMatch(/^r[\w-]{22}$/);
  });
});

describe(`written-out statements (${testDatabaseKind()})`, () => {
  it(`go straight to pg on PostgreSQL only, never inside a transaction`, async () => {
    expect(runsDirectly(db.prisma)).toBe(testDatabaseKind() === "postgres");
    await db.prisma.$transaction(async (tx) => expect(runsDirectly(tx)).toBe(false));
  });

  it.runIf(testDatabaseKind() === "postgres")(
    "are planned for their values every time (a generic plan cannot use the search index)",
    async () => {
      const [row] = await queryRows<{ mode: string }>(
        db.prisma,
        Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`,
      );
      expect(row?.mode).toBe("force_custom_plan");
    },
  );

  // Every column type the written-out statements return, nulls included.
  const typesQuery = () => Prisma.sql`
      SELECT ${"text"}::text AS text, 42::int AS int4, 9007199254740993::bigint AS int8, NULL::bigint AS "noInt8",
             2.5::float8 AS float8, true AS bool, '2026-11-24T23:59:59.123Z'::timestamptz AS at,
             NULL::timestamptz AS "noAt", ARRAY['JP', 'US']::text[] AS codes, ARRAY[]::text[] AS "noCodes",
             'f2a7ae53-7b8e-4bd4-8a3c-1d2b4c5d6e7f'::uuid AS id, NULL::text AS "noText",
             ${new Date("2026-01-02T03:04:05.006Z")}::timestamptz AS "dateParam", ${12n}::bigint AS "bigintParam",
             '{"countedDelegations": ["JP", "US"], "quorum": 0.5, "veto": null}'::jsonb AS json`;

  it("read every column type they use as JavaScript values, nulls included", async () => {
    const [direct] = await queryRows<Record<string, unknown>>(db.prisma, typesQuery());
    expect(direct).toEqual({
      text: "text",
      int4: 42,
      int8: 9007199254740993n,
      noInt8: null,
      float8: 2.5,
      bool: true,
      at: new Date("2026-11-24T23:59:59.123Z"),
      noAt: null,
      codes: ["JP", "US"],
      noCodes: [],
      id: "f2a7ae53-7b8e-4bd4-8a3c-1d2b4c5d6e7f",
      noText: null,
      dateParam: new Date("2026-01-02T03:04:05.006Z"),
      bigintParam: 12n,
      json: { countedDelegations: ["JP", "US"], quorum: 0.5, veto: null },
    });
  });

  // Straight to pg versus Prisma's $queryRaw: two paths on PostgreSQL only. On PGlite a
  // written-out statement goes through $queryRaw itself, so the comparison would be $queryRaw
  // against $queryRaw; it is skipped there (and reported as skipped), not counted as passing.
  it.skipIf(testDatabaseKind() !== "postgres")(
    "give the values $queryRaw gives, for every column type they use, nulls included (PostgreSQL only: on PGlite both sides are $queryRaw)",
    async () => {
      expect(runsDirectly(db.prisma)).toBe(true);
      const [direct] = await queryRows<Record<string, unknown>>(db.prisma, typesQuery());
      const [prisma] = await db.prisma.$queryRaw<Record<string, unknown>[]>(typesQuery());
      expect(direct).toEqual(prisma);
    },
  );

  it("the session, project list, access record, proposal and comment page read the same both ways", async () => {
    const user = await db.prisma.user.findFirstOrThrow({
      where: { role: "DELEGATE" },
      select: { id: true },
      orderBy: { email: "asc" },
    });
    const token = createHash("sha256").update("read-parity-session-token").digest("hex");
    await createSession(db.prisma, token, user.id, new Date(Date.now() + 86_400_000));
    const session = await bothWays((tx) => findSession(tx, token, new Date()));
    expect(session.client).not.toBeNull();
    expect(session.client?.principal.delegation).toMatch(/^[A-Z]{2}$/);
    expect(session.client).toEqual(session.inTransaction);

    const visibility = { kind: "submitted" } as const;
    const firstPage = ListProjectsInput.parse({ limit: 2 });
    const list = await bothWays((tx) => listProjects(tx, visibility, firstPage));
    expect(list.client.items).toHaveLength(2);
    expect(list.client.nextCursor).not.toBeNull();
    expect(list.client).toEqual(list.inTransaction);
    const next = ListProjectsInput.parse({ limit: 2, cursor: list.client.nextCursor });
    const second = await bothWays((tx) => listProjects(tx, visibility, next));
    expect(second.client.items[0]?.id).not.toBe(list.client.items[1]?.id);
    expect(second.client).toEqual(second.inTransaction);
    const search = ListProjectsInput.parse({ q: "レアアース" });
    const found = await bothWays((tx) => listProjects(tx, visibility, search));
    expect(found.client.items.length).toBeGreaterThan(0);
    expect(found.client).toEqual(found.inTransaction);

    const project = list.client.items[0]!;
    const access = await bothWays((tx) => getProjectAccess(tx, project.id));
    expect(access.client).toMatchObject({ id: project.id, status: project.status });
    expect(access.client).toEqual(access.inTransaction);
    const missing = await bothWays((tx) => getProjectAccess(tx, "00000000-0000-4000-8000-000000000000"));
    expect(missing).toEqual({ client: null, inTransaction: null });

    // The whole proposal: as the model query reads it, with its site, sponsors and revision.
    const located = await db.prisma.project.findFirstOrThrow({
      where: { siteLatitude: { not: null }, currentRevisionId: { not: null } },
      select: {
        id: true,
        siteLatitude: true,
        siteLongitude: true,
        capexUsd: true,
        sponsors: { select: { delegation: { select: { code: true } } } },
        currentRevision: { select: { id: true, number: true, contentHash: true, createdAt: true } },
      },
    });
    const record = await bothWays((tx) => getProjectRecord(tx, located.id));
    expect(record.client).toEqual(record.inTransaction);
    expect(record.client?.fields.site.latitude).toBe(Number(located.siteLatitude));
    expect(record.client?.fields.site.longitude).toBe(Number(located.siteLongitude));
    expect(record.client?.fields.capexUsd).toBe(Number(located.capexUsd));
    expect(record.client?.fields.sponsors).toEqual(located.sponsors.map((s) => s.delegation.code).sort());
    expect(record.client?.currentRevision).toEqual({
      ...located.currentRevision,
      createdAt: located.currentRevision!.createdAt.toISOString(),
    });
    expect(await getProjectRecord(db.prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();

    const discussed = await db.prisma.comment.groupBy({
      by: ["projectId"],
      where: { parentId: null },
      _count: { _all: true },
      orderBy: { _count: { id: "desc" } },
      take: 1,
    });
    const projectId = discussed[0]!.projectId;
    const page = await bothWays((tx) => listComments(tx, { projectId, parentId: null, limit: 1 }));
    expect(page.client.items).toHaveLength(1);
    expect(page.client.items[0]?.createdAt).toBeInstanceOf(Date);
    expect(page.client).toEqual(page.inTransaction);
    const later = await bothWays((tx) =>
      listComments(tx, { projectId, parentId: null, cursor: page.client.nextCursor, limit: 1 }),
    );
    expect(later.client).toEqual(later.inTransaction);
  });

  it("a round with its project reads as the model query reads it, both ways", async () => {
    const rounds = await db.prisma.reviewRound.findMany({
      select: { ...roundSelect, project: { select: projectAccessSelect } },
    });
    // The seed has rounds open and closed, with and without votes and decisions.
    expect(rounds.some((r) => r.decision !== null)).toBe(true);
    expect(rounds.some((r) => r.decision === null && r._count.votes > 0)).toBe(true);
    expect(rounds.some((r) => r.status === "OPEN")).toBe(true);
    for (const { project, ...round } of rounds) {
      const read = await bothWays((tx) => getRound(tx, round.id));
      expect(read.client).toEqual(read.inTransaction);
      expect(read.client).toEqual({ round: { ...toRound(round), electorDelegation: null }, project });
    }
    // Read for a caller: the delegation the frozen electorate gives them, both ways.
    const elector = await db.prisma.roundElector.findFirstOrThrow({
      select: { roundId: true, voterId: true, delegation: { select: { code: true } } },
    });
    const mine = await bothWays((tx) => getRound(tx, elector.roundId, elector.voterId));
    expect(mine.client).toEqual(mine.inTransaction);
    expect(mine.client?.round.electorDelegation).toBe(elector.delegation.code);
    expect(await getRound(db.prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("a vote and a rate-limit count write the same rows both ways", async () => {
    const round = await db.prisma.reviewRound.findFirstOrThrow({
      where: { status: "OPEN" },
      select: { id: true, rule: true, closesAt: true },
    });
    const counted = (round.rule as { countedDelegations: string[] }).countedDelegations;
    const voters = await db.prisma.user.findMany({
      where: {
        role: "DELEGATE",
        delegation: { code: { in: counted } },
        votes: { none: { roundId: round.id } },
        electorOf: { some: { roundId: round.id } },
      },
      select: { id: true },
      take: 2,
    });
    expect(voters).toHaveLength(2);
    const at = new Date(round.closesAt.getTime() - 60_000);
    const vote = (voterId: string, choice: "APPROVE" | "REJECT", when = at) => ({
      roundId: round.id,
      voterId,
      choice,
      reason: choice === "REJECT" ? "Water use is not yet assessed." : null,
      at: when,
      requestId: `parity-${choice}`,
    });
    const [direct, inTx] = voters.map((v) => v.id) as [string, string];
    expect(await castVote(db.prisma, vote(direct, "APPROVE"))).toEqual({ changed: false });
    expect(await db.prisma.$transaction((tx) => castVote(tx, vote(inTx, "APPROVE")))).toEqual({
      changed: false,
    });
    expect(await castVote(db.prisma, vote(direct, "REJECT"))).toEqual({ changed: true });
    expect(await db.prisma.$transaction((tx) => castVote(tx, vote(inTx, "REJECT")))).toEqual({
      changed: true,
    });
    // After the round's closing time, neither way counts a vote.
    const late = new Date(round.closesAt.getTime() + 1);
    expect(await castVote(db.prisma, vote(direct, "APPROVE", late))).toBeNull();
    expect(await db.prisma.$transaction((tx) => castVote(tx, vote(inTx, "APPROVE", late)))).toBeNull();

    const written = async (voterId: string) => ({
      vote: await db.prisma.vote.findUniqueOrThrow({
        where: { roundId_voterId: { roundId: round.id, voterId } },
        select: { choice: true, reason: true, createdAt: true, updatedAt: true },
      }),
      history: await db.prisma.voteHistory.findMany({
        where: { roundId: round.id, voterId },
        select: { choice: true, reason: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      }),
      audit: await db.prisma.auditEvent.findMany({
        where: { entityId: round.id, actorId: voterId },
        select: { action: true, after: true, requestId: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { action: "asc" }],
      }),
    });
    const mine = await written(direct);
    expect(mine).toEqual(await written(inTx));
    expect(mine.vote).toEqual({
      choice: "REJECT",
      reason: "Water use is not yet assessed.",
      createdAt: at,
      updatedAt: at,
    });
    expect(mine.history.map((h) => h.choice)).toEqual(["APPROVE", "REJECT"]);
    expect(mine.audit).toEqual([
      {
        action: "vote.cast",
        after: { choice: "APPROVE", reason: null },
        requestId: "parity-APPROVE",
        createdAt: at,
      },
      {
        action: "vote.changed",
        after: { choice: "REJECT", reason: "Water use is not yet assessed." },
        requestId: "parity-REJECT",
        createdAt: at,
      },
    ]);

    const windowStart = new Date("2026-11-24T10:07:00Z");
    const hits = [
      { key: "parity:user", windowStart },
      { key: "parity:ip", windowStart },
    ];
    expect(await countRateLimitHits(db.prisma, hits)).toEqual([1, 1]);
    expect(await db.prisma.$transaction((tx) => countRateLimitHits(tx, hits))).toEqual([2, 2]);
    expect(await countRateLimitHits(db.prisma, hits.slice(1))).toEqual([3]);
    expect(
      await db.prisma.rateLimitHit.findMany({ where: { windowStart }, orderBy: { key: "asc" } }),
    ).toEqual([
      { key: "parity:ip", windowStart, count: 3 },
      { key: "parity:user", windowStart, count: 2 },
    ]);
  });

  it("a statement the database refuses fails with PostgreSQL's code (what the API's error mapping reads)", async () => {
    const refused = queryRows(db.prisma, Prisma.sql`SELECT ${"not a uuid"}::uuid AS id`);
    if (runsDirectly(db.prisma)) await expect(refused).rejects.toMatchObject({ code: "22P02" });
    else await expect(refused).rejects.toMatchObject({ code: "P2010" });
  });
});
