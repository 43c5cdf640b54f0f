import type { SessionUser } from "@lodestone/auth/session";
import { logHead } from "@lodestone/db/repositories/events";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import type { LiveEvent } from "@lodestone/domain/events";
import { NO_RATE_LIMITS } from "@lodestone/domain/rate-limit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext, type InnerContext } from "../../context.js";
import { createEventFeed, type EventFeed } from "../../event-feed.js";
import { createCaller } from "../../root.js";
import {
  approvedOf,
  callerFor,
  createFixture,
  draftOf,
  roundOf,
  submittedOf,
  type CallerName,
  type Fixture,
} from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;
let feed: EventFeed;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  feed = createEventFeed(db, { pollMs: 50 });
});
afterAll(async () => {
  await feed.close();
  await db.close();
});

type Received = LiveEvent & { id: string };

/** The live events `user` receives after `lastEventId`, until `done` says stop. */
async function receive(
  user: SessionUser,
  input: { projectId?: string; lastEventId?: string },
  done: (received: Received[]) => boolean,
  extra: Partial<InnerContext> = {},
): Promise<Received[]> {
  const stop = new AbortController();
  const caller = createCaller(createInnerContext({ db, session: user, events: feed, ...extra }), {
    signal: stop.signal,
  });
  const stream = (await caller.live.events(input)) as AsyncIterable<[string, LiveEvent]>;
  const out: Received[] = [];
  const iterator = stream[Symbol.asyncIterator]();
  try {
    while (!done(out)) {
      const next = await iterator.next();
      if (next.done) break;
      const [id, event] = next.value;
      out.push({ id, ...event });
    }
  } finally {
    stop.abort();
    await iterator.return?.(undefined);
  }
  return out;
}

/** The position of the last event in the log now (there is always one: the fixture's first project writes some). */
async function lastPosition(): Promise<string> {
  return (await logHead(db.prisma)).position;
}

describe(`live events (${testDatabaseKind()})`, () => {
  it("delivers comments posted after subscribing, with their positions as ids, and resumes after a last id with exactly what followed", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    const from = await lastPosition();
    const listening = receive(
      fx.users.usDelegate,
      { projectId: project.id, lastEventId: from },
      (r) => r.length === 3,
    );
    const posted = [];
    for (const body of ["First.", "Second.", "Third."]) {
      posted.push(
        await callerFor(db, fx.users.jpDelegate).comment.post({
          projectId: project.id,
          stance: "NEUTRAL",
          body,
        }),
      );
    }
    const received = await listening;
    expect(received.map((e) => [e.type, e.data.commentId, e.mine])).toEqual(
      posted.map((c) => ["comment.posted", c.id, false]),
    );
    const ids = received.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);

    // Reconnecting with the first id: the second and third, once each, then the next new one.
    const resumed = receive(
      fx.users.usDelegate,
      { projectId: project.id, lastEventId: received[0]!.id },
      (r) => r.length === 3,
    );
    const fourth = await callerFor(db, fx.users.usDelegate).comment.post({
      projectId: project.id,
      stance: "SUPPORT",
      body: "Fourth.",
    });
    expect((await resumed).map((e) => [e.id, e.data.commentId, e.mine])).toEqual([
      [received[1]!.id, posted[1]!.id, false],
      [received[2]!.id, posted[2]!.id, false],
      [expect.any(String), fourth.id, true],
    ]);
  }, 30_000);

  it("refuses a last event id the log does not hold, with a message that says what to do", async () => {
    const error = await receive(fx.users.usDelegate, { lastEventId: "999999999" }, () => false).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    expect((error as TRPCError).message).toMatch(/subscribe without a last event id/);
  });

  it("counts every subscription against the caller's limit on heavy reads", async () => {
    const rateLimits = { ...NO_RATE_LIMITS, heavyQueriesPerUser: { limit: 2, windowSeconds: 3600 } };
    const user = fx.users.admin;
    const open = () =>
      createCaller(createInnerContext({ db, session: user, events: feed, rateLimits })).live.events({});
    await open();
    await open();
    const refused = await open().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("TOO_MANY_REQUESTS");
  });
});

describe(`each subscriber receives exactly what the reads show it (${testDatabaseKind()})`, () => {
  const PEOPLE: CallerName[] = ["usDelegate", "jpDelegate", "partnerA", "partnerB", "coordinator", "admin"];
  let received: Record<string, Received[]>;
  let touched: string[];
  let roundProject: string;
  let hiddenComment: string;
  let finalProject: string;

  beforeAll(async () => {
    const from = await lastPosition();
    const draftA = await draftOf(db, fx.users.partnerA);
    const draftB = await draftOf(db, fx.users.partnerB);
    const submitted = await submittedOf(db, fx.users.partnerA);
    const { project, round } = await roundOf(db, fx);
    roundProject = project.id;
    await callerFor(db, fx.users.usDelegate).review.castVote({
      roundId: round.id,
      choice: "APPROVE",
      reason: null,
    });
    const comment = await callerFor(db, fx.users.jpDelegate).comment.post({
      projectId: project.id,
      stance: "QUESTION",
      body: "Who audits the tailings plan?",
    });
    hiddenComment = comment.id;
    await callerFor(db, fx.users.coordinator).comment.hide({ commentId: comment.id, reason: "Off topic." });
    await callerFor(db, fx.users.jpDelegate).comment.edit({
      commentId: comment.id,
      body: "Edited while hidden.",
    });
    const approved = await approvedOf(db, fx);
    finalProject = approved.id;
    touched = [draftA.id, draftB.id, submitted.id, project.id, approved.id];
    // The last event, which everyone may see: a comment on the approved project.
    const last = await callerFor(db, fx.users.coordinator).comment.post({
      projectId: approved.id,
      stance: "SUPPORT",
      body: "Approved; delivery next.",
    });
    received = {};
    for (const who of PEOPLE) {
      received[who] = await receive(fx.users[who], { lastEventId: from }, (r) =>
        r.some((e) => e.type === "comment.posted" && e.data.commentId === last.id),
      );
    }
  }, 120_000);

  it("receives events of exactly the projects the caller may read", async () => {
    for (const who of PEOPLE) {
      const readable = [];
      for (const projectId of touched) {
        const ok = await callerFor(db, fx.users[who])
          .project.get({ projectId })
          .then(
            () => true,
            () => false,
          );
        if (ok) readable.push(projectId);
      }
      const heard = [...new Set(received[who]!.map((e) => e.projectId))];
      expect(heard.sort(), who).toEqual(readable.sort());
    }
  });

  it("tells a partner of another organisation nothing of a project before it is approved", () => {
    const heard = received.partnerB!.filter((e) => e.projectId === finalProject).map((e) => e.type);
    expect(heard[0]).toBe("decision.recorded");
    const delegateHeard = received.usDelegate!.filter((e) => e.projectId === finalProject).map((e) => e.type);
    expect(delegateHeard.slice(0, 2)).toEqual(["project.submitted", "review_round.opened"]);
  });

  it("sends the edit of a hidden comment to exactly those whose comment list shows its text", async () => {
    for (const who of PEOPLE) {
      const list = await callerFor(db, fx.users[who])
        .comment.list({ projectId: roundProject })
        .then(
          (page) => page.items,
          () => [],
        );
      const shown = list.some((c) => c.id === hiddenComment && c.body !== null);
      const heard = received[who]!.some(
        (e) => e.type === "comment.edited" && e.data.commentId === hiddenComment,
      );
      expect(heard, who).toBe(shown);
    }
    expect(received.coordinator!.some((e) => e.type === "comment.edited")).toBe(true);
  });

  it("sends votes as turnout only: no voter, no choice, to anyone, before or after they vote", () => {
    for (const who of PEOPLE) {
      for (const e of received[who]!.filter((x) => x.type.startsWith("vote."))) {
        expect(Object.keys(e.data), who).toEqual(["roundId"]);
        expect(JSON.stringify(e)).not.toContain(fx.users.usDelegate.id);
      }
    }
    expect(received.jpDelegate!.filter((e) => e.type === "vote.cast").length).toBeGreaterThan(0);
    expect(received.partnerB!.filter((e) => e.type === "vote.cast")).toEqual([]);
  });

  it("delivers each event to a caller once", () => {
    for (const who of PEOPLE) {
      const ids = received[who]!.map((e) => BigInt(e.id));
      expect(new Set(ids).size, who).toBe(ids.length);
    }
  });
});
