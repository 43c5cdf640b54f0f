import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../client.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../testing.js";
import {
  compareCursorKeys,
  cursorKey,
  cursorAt,
  LOG_START,
  logHead,
  readEvents,
  recordEvent,
  type LogCursor,
  type ReadEvent,
} from "./events.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** An event outside any project, naming `id` (what the log's order tests need). */
const marker = (id: string) =>
  ({
    type: "delegation.updated",
    actorId: null,
    requestId: null,
    subject: { type: "Delegation", id },
    projectId: null,
    data: {},
  }) as const;

/** Every readable event after `cursor`, in the log's order. */
async function readAll(cursor: LogCursor): Promise<ReadEvent[]> {
  const out: ReadEvent[] = [];
  for (;;) {
    const batch = await readEvents(db.prisma, out.at(-1)?.cursor ?? cursor, 50);
    if (!batch.length) return out;
    out.push(...batch);
  }
}

describe(`the event log (${testDatabaseKind()})`, () => {
  it("records the event, its timeline entry and its audit event together, with the project's state after the change", async () => {
    const org = await db.prisma.organisation.create({
      data: { name: "Gamma (fictional)", kind: "COMPANY", countryCode: "AU" },
      select: { id: true },
    });
    const user = await db.prisma.user.create({
      data: { name: "P", email: "p-events@test.example", role: "PARTNER", organisationId: org.id },
      select: { id: true },
    });
    const project = await db.prisma.project.create({
      data: {
        organisationId: org.id,
        createdById: user.id,
        status: "WITHDRAWN",
        reference: "LD-EV01",
        titleEn: "T",
        titleJa: "T",
        summaryEn: "S",
        summaryJa: "S",
        bodyEn: "B",
        bodyJa: "B",
        bindingLanguage: "en",
        translationEn: "ORIGINAL",
        translationJa: "MISSING",
        commodity: "NDPR",
        stage: "MINING",
        siteCountry: "AU",
        siteRegion: "WA",
        capacityTpy: 1000,
        capexUsd: 1_000_000n,
      },
      select: { id: true },
    });
    const from = await logHead(db.prisma);
    await inTransaction(db, (tx) =>
      recordEvent(tx, {
        type: "project.withdrawn",
        actorId: user.id,
        requestId: "req-events-1",
        subject: { type: "Project", id: project.id },
        projectId: project.id,
        data: { from: "DRAFT", to: "WITHDRAWN" },
        audit: { before: { status: "DRAFT" }, after: { status: "WITHDRAWN" } },
      }),
    );
    const [event, ...rest] = await readAll(from);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: "project.withdrawn",
      version: 1,
      actorId: user.id,
      subject: { type: "Project", id: project.id },
      project: { id: project.id, status: "WITHDRAWN", organisationId: org.id, submittedAt: null },
      data: { from: "DRAFT", to: "WITHDRAWN" },
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { requestId: "req-events-1" },
      select: { action: true, entityId: true, before: true, after: true, actorId: true },
    });
    expect(audit).toEqual({
      action: "project.withdrawn",
      entityId: project.id,
      before: { status: "DRAFT" },
      after: { status: "WITHDRAWN" },
      actorId: user.id,
    });
    const timeline = await db.prisma.timelineEvent.findMany({
      where: { projectId: project.id },
      select: { type: true, data: true, actorId: true },
    });
    expect(timeline).toEqual([
      {
        type: "status_changed",
        data: { from: "DRAFT", to: "WITHDRAWN", event: "withdraw" },
        actorId: user.id,
      },
    ]);
    expect(await cursorAt(db.prisma, event!.position)).toEqual(event!.cursor);
    expect(await cursorAt(db.prisma, "999999999")).toBeNull();
  });

  it("refuses an event that does not match its schema, and writes nothing of it", async () => {
    const before = await db.prisma.auditEvent.count();
    await expect(
      inTransaction(db, (tx) =>
        recordEvent(tx, { ...marker("bad"), type: "vote.cast", data: { roundId: "not-a-uuid" } } as never),
      ),
    ).rejects.toThrow();
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("delivers 200 events written by 20 concurrent transactions to a reader polling meanwhile: all, once, in order", async () => {
    const from = await logHead(db.prisma);
    const seen: ReadEvent[] = [];
    let writing = true;
    const reader = (async () => {
      let cursor = from;
      for (;;) {
        const done = !writing;
        const batch = await readEvents(db.prisma, cursor, 37);
        for (const e of batch) {
          expect(
            compareCursorKeys(cursorKey(e.cursor), cursorKey(cursor)),
            JSON.stringify([e.cursor, cursor, e.subject.id]),
          ).toBe(1);
          cursor = e.cursor;
          seen.push(e);
        }
        if (done && batch.length === 0) return;
      }
    })();
    await Promise.all(
      Array.from({ length: 20 }, (_, t) =>
        inTransaction(db, async (tx) => {
          for (let i = 0; i < 10; i++) await recordEvent(tx, marker(`concurrent-${t}-${i}`));
        }),
      ),
    );
    writing = false;
    await reader;
    const names = seen.map((e) => e.subject.id);
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    // One transaction's events are contiguous and in the order it wrote them.
    for (let t = 0; t < 20; t++) {
      const at = names.indexOf(`concurrent-${t}-0`);
      expect(names.slice(at, at + 10)).toEqual(Array.from({ length: 10 }, (_, i) => `concurrent-${t}-${i}`));
    }
  });
});

// Two real transactions interleaved on PostgreSQL (PGlite runs one transaction at a time, so the
// hazard cannot arise there).
describe.runIf(testDatabaseKind() === "postgres")(
  "an event that commits late is never skipped (postgres)",
  () => {
    const connect = async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return client;
    };
    const insert = async (client: pg.Client, id: string) =>
      (
        await client.query<{ position: string }>(
          `INSERT INTO "DomainEvent" (type, version, "subjectType", "subjectId", data)
         VALUES ('delegation.updated', 1, 'Delegation', $1, '{}') RETURNING position::text AS position`,
          [id],
        )
      ).rows[0]!.position;

    it("holds back position 11 while the transaction holding 10 is in flight, then delivers 10 before 11", async () => {
      const a = await connect();
      const b = await connect();
      try {
        const from = await logHead(db.prisma);
        const highest = (await a.query<{ p: string }>(`SELECT max(position)::text AS p FROM "DomainEvent"`))
          .rows[0]!.p;
        await a.query("BEGIN");
        await b.query("BEGIN");
        const ten = await insert(a, "late-A");
        const eleven = await insert(b, "late-B");
        expect(BigInt(eleven)).toBeGreaterThan(BigInt(ten));
        await b.query("COMMIT");
        // A reader that went by position alone would now read 11 and move past 10 for good.
        const naive = await db.prisma.$queryRawUnsafe<{ position: string }[]>(
          `SELECT position::text AS position FROM "DomainEvent" WHERE position > $1::bigint ORDER BY position`,
          highest,
        );
        expect(naive.map((r) => r.position)).toEqual([eleven]);
        expect(await readAll(from)).toEqual([]);
        await a.query("COMMIT");
        expect((await readAll(from)).map((e) => e.position)).toEqual([ten, eleven]);
      } finally {
        await a.end();
        await b.end();
      }
    });

    it("delivers 10 after a reader has read 11 when 10's transaction began before and commits after", async () => {
      const a = await connect();
      const b = await connect();
      try {
        const from = await logHead(db.prisma);
        await b.query("BEGIN");
        // B's transaction id is taken first (any write does that), then A takes the lower position.
        await b.query(`SELECT pg_current_xact_id()`);
        await a.query("BEGIN");
        await a.query(`SELECT pg_current_xact_id()`);
        const ten = await insert(a, "late-2-A");
        const eleven = await insert(b, "late-2-B");
        await b.query("COMMIT");
        const first = await readAll(from);
        expect(first.map((e) => e.position)).toEqual([eleven]);
        await a.query("COMMIT");
        const next = await readAll(first[0]!.cursor);
        expect(next.map((e) => e.position)).toEqual([ten]);
      } finally {
        await a.end();
        await b.end();
      }
    });

    it("reads nothing of a transaction that rolls back, and goes on past it", async () => {
      const a = await connect();
      try {
        const from = await logHead(db.prisma);
        await a.query("BEGIN");
        await insert(a, "rolled-back");
        await a.query("ROLLBACK");
        await inTransaction(db, (tx) => recordEvent(tx, marker("after-rollback")));
        expect((await readAll(from)).map((e) => e.subject.id)).toEqual(["after-rollback"]);
      } finally {
        await a.end();
      }
    });
  },
);

it("starts a new reader at the head: nothing before it is read again", async () => {
  await inTransaction(db, (tx) => recordEvent(tx, marker("before-head")));
  const head = await logHead(db.prisma);
  expect(head).not.toEqual(LOG_START);
  await inTransaction(db, (tx) => recordEvent(tx, marker("after-head")));
  expect((await readAll(head)).map((e) => e.subject.id)).toEqual(["after-head"]);
});
