// Two API instances on one PostgreSQL database, each with its own connection pool, its own
// listening connection and its own event feed, serving real HTTP; a client reads their
// server-sent events as a browser would. The instances run in this test's process (so the test
// can cut one off mid-stream), but share nothing except the database: an event written through
// one reaches the other only through PostgreSQL's NOTIFY and the log. Their feeds poll once a
// minute, so within this test nothing arrives by polling.
import { openDatabase, type Database } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import type { LiveEvent } from "@lodestone/domain/events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "./context.js";
import { createEventFeed, type EventFeed } from "./event-feed.js";
import { buildHttpServer, createLogger } from "./http.js";
import { createFixture, sessionFor, submittedOf, type Fixture } from "./test/fixtures.js";

interface Instance {
  url: string;
  db: Database;
  feed: EventFeed;
  app: Awaited<ReturnType<typeof buildHttpServer>>;
}

async function startInstance(url: string): Promise<Instance> {
  const db = await openDatabase({ databaseUrl: url, dataDir: "unused" });
  const feed = createEventFeed(db, { pollMs: 60_000 });
  const app = await buildHttpServer({
    services: createServices(db, { events: feed }),
    logger: createLogger("silent"),
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, db, feed, app };
}

/** Ends an instance as a crash would: its connections cut, nothing said to its clients. */
async function kill(instance: Instance) {
  instance.app.server.closeAllConnections();
  await instance.feed.close();
  await instance.app.close();
  await instance.db.close();
}

interface Message {
  event: string | null;
  id: string | null;
  data: string;
}

/** A live.events stream as an EventSource reads it: one message per blank-line-separated block. */
class EventStream {
  private readonly abort = new AbortController();
  private buffer = "";
  private readonly messages: Message[] = [];
  private waiting: (() => void) | null = null;
  private ended = false;

  constructor(base: string, token: string, lastEventId?: string) {
    const input = encodeURIComponent(JSON.stringify(lastEventId ? { lastEventId } : {}));
    void fetch(`${base}/trpc/live.events?input=${input}`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
      signal: this.abort.signal,
    })
      .then(async (res) => {
        const decoder = new TextDecoder();
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          this.buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = this.buffer.indexOf("\n\n")) >= 0) {
            const block = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            const message: Message = { event: null, id: null, data: "" };
            for (const line of block.split("\n")) {
              const [field, ...rest] = line.split(":");
              const value = rest.join(":").replace(/^ /, "");
              if (field === "event") message.event = value;
              if (field === "id") message.id = value;
              if (field === "data") message.data += value;
            }
            this.messages.push(message);
            this.waiting?.();
          }
        }
      })
      .catch(() => {})
      .finally(() => {
        this.ended = true;
        this.waiting?.();
      });
  }

  /** The events received so far (pings and the connected message left out). */
  events(): { id: string; event: LiveEvent }[] {
    return this.messages
      .filter((m) => m.event === null && m.id)
      .map((m) => ({ id: m.id!, event: JSON.parse(m.data) as LiveEvent }));
  }

  /** Resolves once `test` holds of what was received, or the stream ended. */
  async until(test: (m: Message[]) => boolean): Promise<void> {
    while (!test(this.messages) && !this.ended) {
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Every message's event name (null: an event of the subscription). */
  kinds(): (string | null)[] {
    return this.messages.map((m) => m.event);
  }

  get isEnded() {
    return this.ended;
  }

  get connected() {
    return this.messages.some((m) => m.event === "connected");
  }

  close() {
    this.abort.abort();
  }
}

async function post(instance: Instance, token: string, path: string, input: unknown) {
  const res = await fetch(`${instance.url}/trpc/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: { id: string } }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

describe.runIf(testDatabaseKind() === "postgres")("live events across two API instances (postgres)", () => {
  let db: TestDatabase;
  let fx: Fixture;
  let a: Instance;
  let b: Instance;
  let delegate: string;
  let partner: string;
  let projectId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
    projectId = (await submittedOf(db, fx.users.partnerA)).id;
    delegate = await sessionFor(db, fx.users.usDelegate.id);
    partner = await sessionFor(db, fx.users.partnerA.id);
    a = await startInstance(db.url!);
    b = await startInstance(db.url!);
  }, 60_000);
  afterAll(async () => {
    for (const instance of [a, b]) await kill(instance).catch(() => {});
    await db.close();
  });

  const comment = (instance: Instance, body: string) =>
    post(instance, partner, "comment.post", { projectId, stance: "NEUTRAL", body });
  const commentsOf = (s: EventStream) =>
    s
      .events()
      .filter((e) => e.event.type === "comment.posted")
      .map((e) => e.event.data.commentId as string);

  it("delivers a comment posted through A to a subscriber on B; after B dies mid-stream the client resumes on A with exactly what it missed", async () => {
    const onB = new EventStream(b.url, delegate);
    await onB.until(() => onB.connected);
    const first = await comment(a, "Through A, heard on B.");
    await onB.until(() => commentsOf(onB).includes(first.id));
    expect(commentsOf(onB)).toEqual([first.id]);

    // B dies right after a second comment, whether or not it managed to send it.
    const second = await comment(a, "Written as B goes down.");
    await kill(b);
    onB.close();
    const third = await comment(a, "Written while the client is away.");
    const heard = onB.events();
    const lastId = heard.at(-1)!.id;

    const onA = new EventStream(a.url, delegate, lastId);
    await onA.until(() => commentsOf(onA).includes(third.id));
    onA.close();
    // Before and after the move: every comment once, in order.
    expect([...commentsOf(onB), ...commentsOf(onA)]).toEqual([first.id, second.id, third.id]);
    const ids = [...heard, ...onA.events()].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);

  it("cuts its live streams when it shuts down, rather than ending them, so browsers reconnect and resume", async () => {
    const c = await startInstance(db.url!);
    const onC = new EventStream(c.url, delegate);
    await onC.until(() => onC.connected);
    await c.app.close();
    await onC.until(() => onC.isEnded);
    // tRPC's "return" would tell the browser's link that the subscription is over for good.
    expect(onC.kinds()).not.toContain("return");
    expect(onC.isEnded).toBe(true);
    await c.feed.close();
    await c.db.close();
  }, 30_000);

  it("delivers 200 events written by 20 concurrent transactions on A to a subscriber on a restarted B: all, once, in the log's order", async () => {
    b = await startInstance(db.url!);
    const onB = new EventStream(b.url, delegate);
    await onB.until(() => onB.connected);
    const written = await Promise.all(
      Array.from({ length: 20 }, (_, t) =>
        a.db.prisma.$transaction(async (tx) => {
          const ids: string[] = [];
          for (let i = 0; i < 10; i++) {
            const { id } = await tx.comment.create({
              data: { projectId, authorId: fx.users.partnerA.id, stance: "NEUTRAL", body: `Burst ${t}.${i}` },
              select: { id: true },
            });
            await recordEvent(tx, {
              type: "comment.posted",
              actorId: fx.users.partnerA.id,
              requestId: null,
              subject: { type: "Comment", id },
              projectId,
              data: {
                commentId: id,
                parentId: null,
                authorId: fx.users.partnerA.id,
                hidden: false,
                deleted: false,
              },
            });
            ids.push(id);
          }
          return ids;
        }),
      ),
    );
    const all = written.flat();
    await onB.until(() => all.every((id) => commentsOf(onB).includes(id)));
    onB.close();
    const heard = commentsOf(onB);
    expect(heard).toHaveLength(200);
    expect(new Set(heard)).toEqual(new Set(all));
    // The log's order: by writing transaction, then position.
    const rows = await db.prisma.$queryRawUnsafe<{ position: string; txid: string }[]>(
      `SELECT e.position::text AS position, e.txid::text AS txid FROM "DomainEvent" e WHERE e.position = ANY($1::bigint[]) ORDER BY e.txid, e.position`,
      onB.events().map((e) => e.id),
    );
    const txOf = new Map(rows.map((r) => [r.position, r.txid]));
    expect(onB.events().map((e) => [e.id, txOf.get(e.id)])).toEqual(rows.map((r) => [r.position, r.txid]));
    for (const ids of written) {
      const at = heard.indexOf(ids[0]!);
      expect(heard.slice(at, at + 10)).toEqual(ids);
    }
  }, 60_000);
});
