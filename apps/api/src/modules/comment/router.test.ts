import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { MAX_COMMENT_DEPTH } from "@lodestone/domain/deliberation";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixture, draftOf, submittedOf, type Fixture } from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;
let projectId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  projectId = (await submittedOf(db, fx.users.partnerA)).id;
});
afterAll(() => db.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

describe("comments", () => {
  it("thread with a stance on top, replies without, and count by stance", async () => {
    const us = callerFor(db, fx.users.usDelegate);
    const top = await us.comment.post({ projectId, stance: "QUESTION", body: "What is the **water** plan?" });
    const reply = await callerFor(db, fx.users.partnerA).comment.post({
      projectId,
      parentId: top.id,
      body: "Closed-loop; see section 4.",
    });
    expect(reply).toMatchObject({ depth: 1, stance: null, author: { id: fx.users.partnerA.id } });
    expect(await codeOf(us.comment.post({ projectId, body: "No stance" }))).toBe("BAD_REQUEST");
    expect(await codeOf(us.comment.post({ projectId, parentId: top.id, stance: "SUPPORT", body: "x" }))).toBe(
      "BAD_REQUEST",
    );
    const threads = await us.comment.list({ projectId });
    expect(threads.items.find((c) => c.id === top.id)?.replyCount).toBe(1);
    const replies = await us.comment.list({ projectId, parentId: top.id });
    expect(replies.items.map((c) => c.id)).toEqual([reply.id]);
    // The shape an infinite query ("Load more") sends.
    const paged = await us.comment.list({ projectId, parentId: top.id, cursor: null, direction: "forward" });
    expect(paged.items.map((c) => c.id)).toEqual([reply.id]);
    expect(await codeOf(us.comment.list({ projectId, direction: "backward" as "forward" }))).toBe(
      "BAD_REQUEST",
    );
    const stats = await us.comment.stats({ projectId });
    expect(stats.byStance.QUESTION).toBeGreaterThanOrEqual(1);
    expect(stats.total).toBeGreaterThanOrEqual(2);
  });

  it("limit the depth of a thread", async () => {
    const api = callerFor(db, fx.users.coordinator);
    let parent = await api.comment.post({ projectId, stance: "NEUTRAL", body: "Level 0" });
    for (let depth = 1; depth <= MAX_COMMENT_DEPTH; depth++) {
      parent = await api.comment.post({ projectId, parentId: parent.id, body: `Level ${depth}` });
    }
    expect(await codeOf(api.comment.post({ projectId, parentId: parent.id, body: "Too deep" }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("keep the edit history, and only the author edits or removes", async () => {
    const jp = callerFor(db, fx.users.jpDelegate);
    const c = await jp.comment.post({ projectId, stance: "SUPPORT", body: "First words" });
    const edited = await jp.comment.edit({ commentId: c.id, body: "Better words" });
    expect(edited).toMatchObject({ body: "Better words", edited: true });
    expect((await jp.comment.history({ commentId: c.id })).map((e) => e.previousBody)).toEqual([
      "First words",
    ]);
    expect(
      await codeOf(callerFor(db, fx.users.usDelegate).comment.edit({ commentId: c.id, body: "Hijack" })),
    ).toBe("FORBIDDEN");
    const removed = await jp.comment.delete({ commentId: c.id });
    expect(removed).toMatchObject({ state: "deleted", body: null, author: null });
    const listed = await callerFor(db, fx.users.usDelegate).comment.list({ projectId, limit: 100 });
    expect(listed.items.find((x) => x.id === c.id)).toMatchObject({ state: "deleted", body: null });
  });

  it("hidden by a coordinator with a reason: the author and moderators still see it, marked", async () => {
    const author = callerFor(db, fx.users.usDelegate);
    const c = await author.comment.post({ projectId, stance: "OPPOSE", body: "Off-topic remark" });
    await callerFor(db, fx.users.coordinator).comment.hide({
      commentId: c.id,
      reason: "Off topic for this review",
    });
    const find = async (who: Parameters<typeof callerFor>[1]) =>
      (await callerFor(db, who).comment.list({ projectId, limit: 100 })).items.find((x) => x.id === c.id);
    expect(await find(fx.users.jpDelegate)).toMatchObject({
      state: "hidden",
      body: null,
      hiddenReason: null,
    });
    expect(await find(fx.users.usDelegate)).toMatchObject({
      state: "hidden",
      body: "Off-topic remark",
      hiddenReason: "Off topic for this review",
    });
    expect(await find(fx.users.admin)).toMatchObject({ state: "hidden", body: "Off-topic remark" });
    expect(
      await codeOf(callerFor(db, fx.users.jpDelegate).comment.hide({ commentId: c.id, reason: "Me too" })),
    ).toBe("FORBIDDEN");
    await callerFor(db, fx.users.admin).comment.unhide({ commentId: c.id });
    expect(await find(fx.users.jpDelegate)).toMatchObject({ state: "visible", body: "Off-topic remark" });
  });

  it("follow DESIGN §4: partners only on their own projects, admins never, nobody on what they cannot see", async () => {
    expect(
      await codeOf(
        callerFor(db, fx.users.partnerB).comment.post({ projectId, stance: "SUPPORT", body: "Hi" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(callerFor(db, fx.users.admin).comment.post({ projectId, stance: "SUPPORT", body: "Hi" })),
    ).toBe("FORBIDDEN");
    const draft = await draftOf(db, fx.users.partnerA);
    expect(
      await codeOf(
        callerFor(db, fx.users.usDelegate).comment.post({
          projectId: draft.id,
          stance: "SUPPORT",
          body: "Hi",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(db, null).comment.list({ projectId }))).toBe("UNAUTHORIZED");
  });

  it("paginate long threads by cursor, each comment once", async () => {
    const api = callerFor(db, fx.users.coordinator);
    const thread = await api.comment.post({ projectId, stance: "NEUTRAL", body: "Long thread" });
    for (let i = 0; i < 25; i++)
      await api.comment.post({ projectId, parentId: thread.id, body: `Reply ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api.comment.list>> = await api.comment.list({
        projectId,
        parentId: thread.id,
        limit: 10,
        cursor,
      });
      seen.push(...page.items.map((c) => c.body ?? ""));
      cursor = page.nextCursor;
    } while (cursor);
    // Each reply once (replies written in the same millisecond may come in either order).
    expect(seen).toHaveLength(25);
    expect([...seen].sort()).toEqual(Array.from({ length: 25 }, (_, i) => `Reply ${i}`).sort());
  });
});
