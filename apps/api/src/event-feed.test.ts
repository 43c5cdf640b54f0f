import { inTransaction, type Database } from "@lodestone/db/client";
import { logHead, recordEvent } from "@lodestone/db/repositories/events";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventFeed } from "./event-feed.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const record = (id: string) =>
  inTransaction(db, (tx) =>
    recordEvent(tx, {
      type: "delegation.updated",
      actorId: null,
      requestId: null,
      subject: { type: "Delegation", id },
      projectId: null,
      data: {},
    }),
  );

const never = new AbortController().signal;

describe(`the event feed (${testDatabaseKind()})`, () => {
  it("is woken by the database's notification and hands each new event to every subscriber", async () => {
    // Polling once a minute: within this test, only a notification can wake it.
    const feed = createEventFeed(db, { pollMs: 60_000 });
    const release = [await feed.acquire(), await feed.acquire()];
    try {
      const from = await feed.head();
      await record("feed-1");
      await record("feed-2");
      expect(await feed.beyond(from, never)).toBe(true);
      let got = feed.after(from)!;
      while (got.length < 2) {
        await feed.beyond(got.at(-1)?.cursor ?? from, never);
        got = feed.after(from)!;
      }
      expect(got.map((e) => e.subject.id)).toEqual(["feed-1", "feed-2"]);
      expect(feed.after(got[0]!.cursor)!.map((e) => e.subject.id)).toEqual(["feed-2"]);
      expect(feed.after(got[1]!.cursor)).toEqual([]);
    } finally {
      for (const r of release) r();
    }
  });

  it("still delivers by polling when notifications are lost, or listening fails", async () => {
    const deaf: Database = { ...db, listen: async () => async () => {} };
    const broken: Database = {
      ...db,
      listen: async () => {
        throw new Error("no listening connection");
      },
    };
    for (const [name, database] of [
      ["lost notifications", deaf],
      ["listening fails", broken],
    ] as const) {
      const errors: unknown[] = [];
      const feed = createEventFeed(database, { pollMs: 30, onError: (e) => errors.push(e) });
      const release = await feed.acquire();
      try {
        const from = await feed.head();
        await record(`polled-${name}`);
        expect(await feed.beyond(from, never), name).toBe(true);
        expect(
          feed.after(from)!.map((e) => e.subject.id),
          name,
        ).toEqual([`polled-${name}`]);
        if (database === broken) expect(errors.length).toBeGreaterThan(0);
      } finally {
        release();
      }
    }
  });

  it("keeps only the latest events: a subscriber further behind reads the log itself", async () => {
    const feed = createEventFeed(db, { pollMs: 30, keep: 2 });
    const release = await feed.acquire();
    try {
      const from = await feed.head();
      for (const n of [1, 2, 3]) await record(`kept-${n}`);
      const third = await logHead(db.prisma);
      await record("kept-4");
      expect(await feed.beyond(third, never)).toBe(true);
      expect(feed.after(third)!.map((e) => e.subject.id)).toEqual(["kept-4"]);
      expect(feed.after(from)).toBeNull();
    } finally {
      release();
    }
  });

  it("ends its subscribers' waits when it closes", async () => {
    const feed = createEventFeed(db, { pollMs: 60_000 });
    await feed.acquire();
    const waiting = feed.beyond(await feed.head(), never);
    await feed.close();
    expect(await waiting).toBe(false);
  });
});
