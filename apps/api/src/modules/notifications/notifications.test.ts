import type { SessionUser } from "@lodestone/auth/session";
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "../../context.js";
import type { Mail, Mailer } from "../../mailer.js";
import { createCaller } from "../../root.js";
import {
  approvedOf,
  callerFor,
  createFixture,
  inDeliveryOf,
  roundOf,
  financierOf,
  storedDocumentOf,
  submittedGateOf,
  submittedOf,
  type Fixture,
} from "../../test/fixtures.js";
import { takeJobLease } from "@lodestone/db/repositories/notifications";
import { createNotifier, fanOut, planMails, remind, sendMails } from "./notifier.js";
import { unsubscribeTokens } from "./unsubscribe-token.js";

let db: TestDatabase;
let fx: Fixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(async () => {
  await db.close();
});

/** Fans out everything the log holds now. */
async function drain(now = new Date()) {
  for (;;) {
    const r = await fanOut(db, now);
    if (!r || r.events === 0) return;
  }
}

const inbox = (
  user: SessionUser,
  input: Parameters<ReturnType<typeof callerFor>["notifications"]["list"]>[0] = {},
) => callerFor(db, user).notifications.list(input);

async function reasonsOn(user: SessionUser, subjectId: string) {
  const page = await inbox(user, { view: "inbox", limit: 100 });
  return page.items
    .filter((n) => n.subject.id === subjectId || n.project.id === subjectId)
    .map((n) => n.reason);
}

describe("fan-out: who hears of what", () => {
  it("a round opening: the electorate's vote is due; the proposer hears of activity; the opener and outsiders nothing", async () => {
    await drain();
    const { project, round } = await roundOf(db, fx);
    await drain();
    expect(await reasonsOn(fx.users.usDelegate, round.id)).toEqual(["VOTE_DUE"]);
    expect(await reasonsOn(fx.users.jpDelegate, round.id)).toEqual(["VOTE_DUE"]);
    // The organisation follows its project: the round opening is activity (and its submission was too).
    expect(
      (await inbox(fx.users.partnerA)).items.filter((n) => n.project.id === project.id).map((n) => n.reason),
    ).toContain("ACTIVITY");
    expect(await reasonsOn(fx.users.coordinator, round.id)).toEqual([]);
    // Partner B may not see partner A's proposal under review.
    expect((await inbox(fx.users.partnerB)).items.filter((n) => n.project.id === project.id)).toEqual([]);
    const deactivated = await db.prisma.notification.count({ where: { userId: fx.users.deactivated.id } });
    expect(deactivated).toBe(0);
  });

  it("fanning out twice writes nothing twice (one notification per person and event)", async () => {
    const { round } = await roundOf(db, fx);
    await drain();
    const before = await db.prisma.notification.count();
    // Rewind the cursor: the same events are read again.
    await db.prisma.notificationCursor.update({ where: { id: 1 }, data: { txid: 0, position: 0 } });
    await drain();
    expect(await db.prisma.notification.count()).toBe(before);
    expect(await db.prisma.notification.count({ where: { subjectId: round.id, reason: "VOTE_DUE" } })).toBe(
      2,
    );
  });

  it("voting marks the voter's 'vote due' done; the count falls", async () => {
    const { round } = await roundOf(db, fx);
    await drain();
    const me = callerFor(db, fx.users.usDelegate).notifications;
    const before = (await me.unread()).unread;
    await callerFor(db, fx.users.usDelegate).review.castVote({
      roundId: round.id,
      choice: "APPROVE",
      reason: null,
    });
    await drain();
    const done = await inbox(fx.users.usDelegate, { view: "done", limit: 100 });
    expect(done.items.some((n) => n.subject.id === round.id && n.reason === "VOTE_DUE")).toBe(true);
    expect(await reasonsOn(fx.users.usDelegate, round.id)).toEqual([]);
    expect((await me.unread()).unread).toBe(before - 1);
    // The other elector still has to vote.
    expect(await reasonsOn(fx.users.jpDelegate, round.id)).toEqual(["VOTE_DUE"]);
  });

  it("a mute sticks through new activity, but a mention and a due vote still reach", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    await drain();
    const partner = callerFor(db, fx.users.partnerA).notifications;
    await partner.setFollow({ subject: { type: "PROJECT", id: project.id }, state: "MUTED" });
    const us = callerFor(db, fx.users.usDelegate);
    await us.comment.post({
      projectId: project.id,
      parentId: null,
      stance: "SUPPORT",
      body: "Plain remark.",
    });
    await drain();
    expect((await inbox(fx.users.partnerA)).items.filter((n) => n.project.id === project.id)).toEqual([]);
    // Revisiting and more activity do not undo it.
    expect((await partner.followState({ type: "PROJECT", id: project.id })).state).toBe("MUTED");
    await us.comment.post({
      projectId: project.id,
      parentId: null,
      stance: "SUPPORT",
      body: "A question for @partnerA about the offtake.",
    });
    await drain();
    expect(
      (await inbox(fx.users.partnerA)).items.filter((n) => n.project.id === project.id).map((n) => n.reason),
    ).toEqual(["MENTION"]);
    // The delegates muting the round still learn their vote is due.
    await callerFor(db, fx.users.jpDelegate).notifications.setFollow({
      subject: { type: "PROJECT", id: project.id },
      state: "MUTED",
    });
    const round = await callerFor(db, fx.users.coordinator).review.open({
      projectId: project.id,
      closesAt: new Date(Date.now() + 3_600_000),
    });
    await drain();
    expect(await reasonsOn(fx.users.jpDelegate, round.id)).toEqual(["VOTE_DUE"]);
  });

  it("a reply reaches the replied-to; thread writers follow the thread; nobody hears of their own comment", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    await drain();
    const top = await callerFor(db, fx.users.usDelegate).comment.post({
      projectId: project.id,
      parentId: null,
      stance: "QUESTION",
      body: "Water use?",
    });
    await callerFor(db, fx.users.coordinator).comment.post({
      projectId: project.id,
      parentId: top.id,
      stance: null,
      body: "Seconded.",
    });
    await drain();
    await callerFor(db, fx.users.jpDelegate).comment.post({
      projectId: project.id,
      parentId: top.id,
      stance: null,
      body: "We checked.",
    });
    await drain();
    const us = (await inbox(fx.users.usDelegate)).items.filter((n) => n.project.id === project.id);
    expect(us.map((n) => n.reason)).toContain("REPLY");
    expect(us.find((n) => n.reason === "REPLY")?.actorName).toBe("jpDelegate");
    // The coordinator wrote in the thread: the new reply is activity to them.
    const coordinator = (await inbox(fx.users.coordinator)).items.filter((n) => n.project.id === project.id);
    expect(coordinator.map((n) => n.reason)).toEqual(["ACTIVITY"]);
    // jpDelegate wrote the last one: nothing about it for them.
    const jp = (await inbox(fx.users.jpDelegate)).items.filter((n) => n.eventType === "comment.posted");
    expect(jp.every((n) => n.actorName !== "jpDelegate")).toBe(true);
  });

  it("changes requested reach the proposing organisation; a milestone assignment its assignee", async () => {
    const { project, round } = await roundOf(db, fx);
    await callerFor(db, fx.users.coordinator).review.close({
      roundId: round.id,
      rationale: "Needs more detail.",
      ifNotApproved: "CHANGES_REQUESTED",
    });
    await drain();
    expect(await reasonsOn(fx.users.partnerA, round.id)).toContain("CHANGES_REQUESTED");
    const delivering = await inDeliveryOf(db, fx);
    await callerFor(db, fx.users.coordinator).delivery.createMilestone({
      projectId: delivering,
      parentId: null,
      titleEn: "Pilot line commissioned",
      titleJa: "パイロットライン試運転",
      dueDate: "2030-01-31",
      weight: null,
      assigneeUserId: fx.users.partnerA.id,
      assigneeOrganisationId: null,
    });
    await drain();
    const assigned = (await inbox(fx.users.partnerA)).items.find((n) => n.reason === "MILESTONE_ASSIGNED");
    expect(assigned?.data.title).toEqual({ en: "Pilot line commissioned", ja: "パイロットライン試運転" });
    void project;
  });
});

describe("the live count", () => {
  it("sends the caller's unread count at once, then again when a notification arrives or is read", async () => {
    await drain();
    const stop = new AbortController();
    const ctx = createInnerContext({ db, session: fx.users.jpDelegate });
    const stream = (await createCaller(ctx, { signal: stop.signal }).notifications.live()) as AsyncIterable<{
      unread: number;
    }>;
    const it = stream[Symbol.asyncIterator]();
    try {
      const first = (await it.next()).value as { unread: number };
      // Partner A's new proposal under review: the JP delegation sponsors it, so its delegate follows it.
      const { round } = await roundOf(db, fx);
      await drain();
      const second = (await it.next()).value as { unread: number };
      expect(second.unread).toBeGreaterThan(first.unread);
      const due = (await inbox(fx.users.jpDelegate, { reasons: ["VOTE_DUE"], limit: 100 })).items.find(
        (n) => n.subject.id === round.id,
      )!;
      await callerFor(db, fx.users.jpDelegate).notifications.update({ ids: [due.id], read: true });
      const third = (await it.next()).value as { unread: number };
      expect(third.unread).toBe(second.unread - 1);
    } finally {
      stop.abort();
      await it.return?.(undefined);
      await ctx.inbox.close();
    }
  });
});

describe("scheduled work", () => {
  it("keeps notifications six months (saved ones until unsaved), under a lease one instance holds at a time", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    const make = (key: string, createdAt: Date, savedAt: Date | null = null) =>
      db.prisma.notification.create({
        data: {
          userId: fx.users.partnerB.id,
          key,
          reason: "ACTIVITY",
          projectId: project.id,
          subjectType: "PROJECT",
          subjectId: project.id,
          data: {},
          emailChannel: "NEVER",
          createdAt,
          savedAt,
        },
      });
    const old = await make("old", at(200));
    const saved = await make("saved", at(200), at(199));
    const recent = await make("recent", at(170));
    const mailer: Mailer = { kind: "outbox", send: async () => {} };
    const notifier = createNotifier({
      db,
      mailer,
      internalSecret: "x".repeat(40),
      webUrl: "https://lodestone.test",
    });
    await notifier.runOnce();
    const left = await db.prisma.notification.findMany({
      where: { id: { in: [old.id, saved.id, recent.id] } },
    });
    expect(left.map((n) => n.key).sort()).toEqual(["recent", "saved"]);
    // The retention job ran under its lease: another instance asking now does not get it.
    const now = new Date();
    const again = await db.prisma.$transaction((tx) =>
      takeJobLease(tx, {
        name: "notifications.retention",
        holder: "another instance",
        now,
        until: new Date(now.getTime() + 60_000),
        everyMs: 3_600_000,
      }),
    );
    expect(again).toBe(false);
    const other = await db.prisma.$transaction((tx) =>
      takeJobLease(tx, {
        name: "a job never run",
        holder: "another instance",
        now,
        until: new Date(now.getTime() + 60_000),
        everyMs: 3_600_000,
      }),
    );
    const third = await db.prisma.$transaction((tx) =>
      takeJobLease(tx, {
        name: "a job never run",
        holder: "a third instance",
        now,
        until: new Date(now.getTime() + 60_000),
        everyMs: 0,
      }),
    );
    expect([other, third]).toEqual([true, false]);
  });
});

describe("reminders", () => {
  it("a round closing within 24 hours reminds the electors who have not voted, once", async () => {
    const { round } = await roundOf(db, fx, new Date(Date.now() + 3 * 3_600_000));
    await callerFor(db, fx.users.usDelegate).review.castVote({
      roundId: round.id,
      choice: "APPROVE",
      reason: null,
    });
    await remind(db, new Date());
    await remind(db, new Date());
    const rows = await db.prisma.notification.findMany({
      where: { subjectId: round.id, reason: "ROUND_CLOSING" },
    });
    expect(rows.map((r) => r.userId)).toEqual([fx.users.jpDelegate.id]);
  });

  it("a milestone due within 7 days, then overdue, in the project's time zone", async () => {
    const projectId = await inDeliveryOf(db, fx);
    await callerFor(db, fx.users.partnerA).project.get({ projectId });
    const m = await callerFor(db, fx.users.coordinator).delivery.createMilestone({
      projectId,
      parentId: null,
      titleEn: "Permit filed",
      titleJa: "許可申請",
      dueDate: "2031-03-10",
      weight: null,
      assigneeUserId: null,
      assigneeOrganisationId: fx.organisations.a,
    });
    await db.prisma.project.update({
      where: { id: projectId },
      data: { referenceTimeZone: "Pacific/Auckland" },
    });
    // 2031-03-02 12:00 UTC is 2031-03-03 01:00 in Auckland: 7 days before the due date, not yet within.
    await remind(db, new Date("2031-03-02T10:00:00Z"));
    expect(await db.prisma.notification.count({ where: { subjectId: m.id, reason: "MILESTONE_DUE" } })).toBe(
      0,
    );
    await remind(db, new Date("2031-03-03T12:00:00Z"));
    const soon = await db.prisma.notification.findMany({
      where: { subjectId: m.id, reason: "MILESTONE_DUE" },
    });
    expect(soon.map((n) => n.userId)).toEqual([fx.users.partnerA.id]);
    expect(soon[0]!.data).toMatchObject({ overdue: false, dueDate: "2031-03-10" });
    // 2031-03-10 11:00 UTC is already 2031-03-11 in Auckland: overdue there.
    await remind(db, new Date("2031-03-10T11:30:00Z"));
    await remind(db, new Date("2031-03-10T12:30:00Z"));
    const all = await db.prisma.notification.findMany({
      where: { subjectId: m.id, reason: "MILESTONE_DUE" },
    });
    expect(all.map((n) => (n.data as { overdue: boolean }).overdue).sort()).toEqual([false, true]);
  });
});

describe("the inbox", () => {
  it("filters by reason and by 'everything except', pages by keyset, and changes only the caller's own", async () => {
    const me = callerFor(db, fx.users.partnerA).notifications;
    const all = await me.list({ limit: 100 });
    expect(all.items.length).toBeGreaterThan(3);
    const only = await me.list({ reasons: ["ACTIVITY"], limit: 100 });
    expect(only.items.every((n) => n.reason === "ACTIVITY")).toBe(true);
    const except = await me.list({ exceptReasons: ["ACTIVITY"], limit: 100 });
    expect(except.items.every((n) => n.reason !== "ACTIVITY")).toBe(true);
    expect(only.items.length + except.items.length).toBe(all.items.length);
    await expect(me.list({ reasons: ["ACTIVITY"], exceptReasons: ["MENTION"] })).rejects.toThrow(/not both/);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof me.list>> = await me.list({ limit: 2, cursor });
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((n) => n.id));

    const [first, second] = all.items;
    await me.update({ ids: [first!.id], saved: true, read: true });
    await me.update({ ids: [second!.id], snoozedUntil: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await me.list({ view: "saved" })).items.map((n) => n.id)).toEqual([first!.id]);
    expect((await me.list({ view: "snoozed" })).items.map((n) => n.id)).toEqual([second!.id]);
    expect((await me.list({ limit: 100 })).items.map((n) => n.id)).not.toContain(second!.id);
    await expect(
      me.update({ ids: [second!.id], snoozedUntil: new Date(Date.now() - 1000).toISOString() }),
    ).rejects.toThrow(/future/);
    // Someone else's notification is not found, and nothing changes.
    await expect(
      callerFor(db, fx.users.partnerB).notifications.update({ ids: [first!.id], done: true }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const unread = (await me.unread()).unread;
    await me.markAllRead();
    expect((await me.unread()).unread).toBe(0);
    expect(unread).toBeGreaterThan(0);
  });

  it("mention suggestions name only people who may see the project", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    const names = await callerFor(db, fx.users.usDelegate).notifications.mentionable({
      projectId: project.id,
      query: "partner",
    });
    expect(names.map((n) => n.name)).toEqual(["partnerA"]);
    await expect(
      callerFor(db, fx.users.partnerB).notifications.mentionable({ projectId: project.id, query: "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("preferences default to vote due and mentions immediately, the rest daily, and save", async () => {
    const me = callerFor(db, fx.users.jpDelegate).notifications;
    const before = await me.preferences();
    expect(
      before.channels
        .filter((c) => c.channel === "IMMEDIATE")
        .map((c) => c.reason)
        .sort(),
    ).toEqual(["MENTION", "VOTE_DUE"]);
    await me.setPreferences({ channels: { ACTIVITY: "WEEKLY", DECISION: "NEVER" } });
    const after = await me.preferences();
    expect(after.channels.find((c) => c.reason === "ACTIVITY")?.channel).toBe("WEEKLY");
    expect(after.channels.find((c) => c.reason === "DECISION")?.channel).toBe("NEVER");
    await me.setPreferences({ channels: { ACTIVITY: "DAILY", DECISION: "DAILY" } });
  });
});

describe("mail", () => {
  function capture(): Mailer & { sent: Mail[] } {
    const sent: Mail[] = [];
    return { kind: "outbox", sent, send: async (m) => void sent.push(m) };
  }
  const opts = (mailer: Mailer) => ({
    db,
    mailer,
    internalSecret: "test-internal-secret-test-internal-secret",
    webUrl: "https://lodestone.test",
  });

  it("'immediately' waits, batches one item's events into one mail, skips what was read, and never sends twice", async () => {
    const mailer = capture();
    // Clear what earlier tests left waiting.
    await db.prisma.notification.updateMany({ where: { mailId: null }, data: { mailSkippedAt: new Date() } });
    const project = await submittedOf(db, fx.users.partnerA);
    await drain();
    const us = callerFor(db, fx.users.usDelegate);
    for (const body of ["@partnerA first", "@partnerA second"]) {
      await us.comment.post({ projectId: project.id, parentId: null, stance: "SUPPORT", body });
    }
    await drain();
    const now = new Date();
    // Within the delay: nothing yet.
    await planMails(db, now, 60_000);
    expect((await sendMails(opts(mailer), now)).sent).toBe(0);
    const later = new Date(now.getTime() + 61_000);
    await planMails(db, later, 60_000);
    await planMails(db, later, 60_000);
    await sendMails(opts(mailer), later);
    await sendMails(opts(mailer), later);
    // (Digests may go too, when a morning passes during the test: only "immediately" mails count here.)
    const immediateTo = (email: string) =>
      mailer.sent.filter((m) => m.to === email && m.subject.startsWith("[LD-"));
    const toA = immediateTo(fx.users.partnerA.email);
    expect(toA).toHaveLength(1);
    expect(toA[0]!.text.match(/mentioned you/g)).toHaveLength(2);
    expect(toA[0]!.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    // Read before the delay is over: skipped.
    await us.comment.post({
      projectId: project.id,
      parentId: null,
      stance: "SUPPORT",
      body: "@partnerA third",
    });
    await drain();
    const third = (await inbox(fx.users.partnerA, { reasons: ["MENTION"], limit: 1 })).items[0]!;
    await callerFor(db, fx.users.partnerA).notifications.update({ ids: [third.id], read: true });
    const after = new Date(later.getTime() + 120_000);
    await planMails(db, after, 60_000);
    await sendMails(opts(mailer), after);
    expect(immediateTo(fx.users.partnerA.email)).toHaveLength(1);
  });

  it("a failed send is retried with backoff, then kept as failed for administrators, who can retry it", async () => {
    const failing: Mailer = { kind: "smtp", send: async () => Promise.reject(new Error("421 try later")) };
    // Only this test's mail is waiting.
    await db.prisma.notification.updateMany({ where: { mailId: null }, data: { mailSkippedAt: new Date() } });
    await db.prisma.notificationMail.updateMany({
      where: { status: { in: ["PENDING", "SENDING"] } },
      data: { status: "SKIPPED" },
    });
    const project = await submittedOf(db, fx.users.partnerA);
    await drain();
    await callerFor(db, fx.users.usDelegate).comment.post({
      projectId: project.id,
      parentId: null,
      stance: "SUPPORT",
      body: "@partnerA ping",
    });
    await drain();
    // Only the mention waits for a mail (no digest may fall due while the clock moves on).
    await db.prisma.notification.updateMany({
      where: { mailId: null, NOT: { userId: fx.users.partnerA.id, reason: "MENTION" } },
      data: { mailSkippedAt: new Date() },
    });
    let t = new Date(Date.now() + 10 * 60_000);
    await planMails(db, t, 60_000);
    const first = await sendMails(opts(failing), t);
    expect(first.failed).toBe(1);
    const problems = await callerFor(db, fx.users.admin).notifications.mailProblems({ limit: 10 });
    const mine = problems.items.find((p) => p.recipient.id === fx.users.partnerA.id)!;
    expect(mine).toMatchObject({ status: "PENDING", attempts: 1, lastError: "421 try later" });
    // Not before its backoff.
    expect((await sendMails(opts(failing), new Date(t.getTime() + 30_000))).failed).toBe(0);
    for (let i = 0; i < 10; i++) {
      t = new Date(t.getTime() + 7 * 3_600_000);
      await sendMails(opts(failing), t);
    }
    const failed = (await callerFor(db, fx.users.admin).notifications.mailProblems({ limit: 10 })).items.find(
      (p) => p.id === mine.id,
    )!;
    expect(failed.status).toBe("FAILED");
    expect(failed.attempts).toBe(8);
    await expect(
      callerFor(db, fx.users.partnerA).notifications.mailProblems({ limit: 10 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(db, fx.users.admin).notifications.retryMail({ id: mine.id });
    const mailer = capture();
    await sendMails(opts(mailer), new Date(t.getTime() + 1000));
    expect(mailer.sent.map((m) => m.to)).toContain(fx.users.partnerA.email);
  });

  it("unsubscribe links: signed, per item or reason, usable without signing in; a forged one is refused", async () => {
    const tokens = unsubscribeTokens("test-internal-secret-test-internal-secret");
    const anonymous = callerFor(db, null).notifications;
    const project = await submittedOf(db, fx.users.partnerA);
    const token = tokens.create(fx.users.partnerA.id, {
      kind: "item",
      subject: { type: "PROJECT", id: project.id },
    });
    expect((await anonymous.unsubscribePreview({ token })).project?.id).toBe(project.id);
    await anonymous.unsubscribe({ token });
    await anonymous.unsubscribe({ token });
    expect(
      (await callerFor(db, fx.users.partnerA).notifications.followState({ type: "PROJECT", id: project.id }))
        .state,
    ).toBe("MUTED");
    await anonymous.unsubscribe({
      token: tokens.create(fx.users.partnerA.id, { kind: "reason", reason: "ACTIVITY" }),
    });
    const prefs = await callerFor(db, fx.users.partnerA).notifications.preferences();
    expect(prefs.channels.find((c) => c.reason === "ACTIVITY")?.channel).toBe("NEVER");
    const forged = unsubscribeTokens("another-secret-another-secret-another").create(fx.users.partnerB.id, {
      kind: "reason",
      reason: "MENTION",
    });
    await expect(anonymous.unsubscribe({ token: forged })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [body, sig] = token.split(".");
    const tampered = `${Buffer.from(JSON.stringify({ v: 1, u: fx.users.partnerB.id, s: { kind: "reason", reason: "MENTION" } })).toString("base64url")}.${sig}`;
    await expect(anonymous.unsubscribe({ token: tampered })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(body).toBeTruthy();
  });
});

describe("fan-out: documents obey their classification", () => {
  it("a Governments-only document reaches following delegates, never a following partner of another organisation", async () => {
    const project = await approvedOf(db, fx);
    await drain();
    for (const who of [fx.users.partnerB, fx.users.usDelegate]) {
      await callerFor(db, who).notifications.setFollow({
        subject: { type: "PROJECT", id: project.id },
        state: "FOLLOWING",
      });
    }
    const governments = await storedDocumentOf(db, project.id, fx.users.partnerA, "GOVERNMENTS");
    const open = await storedDocumentOf(db, project.id, fx.users.partnerA, "PROJECT");
    await drain();
    const about = async (who: SessionUser, documentId: string) =>
      (await inbox(who, { view: "inbox", limit: 100 })).items.filter((n) => n.data.documentId === documentId)
        .length;
    expect(await about(fx.users.usDelegate, governments.documentId)).toBe(1);
    expect(await about(fx.users.partnerB, governments.documentId)).toBe(0);
    expect(await about(fx.users.partnerB, open.documentId)).toBe(1);
    // The uploader's own action notifies nobody of their own.
    expect(await about(fx.users.partnerA, governments.documentId)).toBe(0);
  });

  it("a passed gate reaches the project's followers; a confidential facility only those of the financier's delegation", async () => {
    const { projectId, gateId } = await submittedGateOf(db, fx);
    await drain();
    for (const who of [fx.users.partnerB, fx.users.usDelegate, fx.users.jpDelegate]) {
      await callerFor(db, who).notifications.setFollow({
        subject: { type: "PROJECT", id: projectId },
        state: "FOLLOWING",
      });
    }
    const coordinator = callerFor(db, fx.users.coordinator);
    for (const who of [fx.users.coordinator, fx.users.usDelegate, fx.users.jpDelegate]) {
      const gate = (await coordinator.gates.get({ projectId })).gates[0]!;
      await callerFor(db, who).gates.signOff({ gateId, version: gate.version });
    }
    const gate = (await coordinator.gates.get({ projectId })).gates[0]!;
    await coordinator.gates.act({ gateId, version: gate.version, action: "pass" });
    const { id: facilityId } = await coordinator.funding.open({
      projectId,
      financierId: await financierOf(db, "JP", fx),
      instrument: "LOAN",
      currency: "JPY",
      amount: 5_000_000_000,
      usdRate: 0.0067,
      rateDate: "2026-12-01",
      date: "2026-12-01",
      confidential: true,
    });
    await drain();
    const items = async (who: SessionUser) => (await inbox(who, { view: "inbox", limit: 100 })).items;
    const passed = async (who: SessionUser) =>
      (await items(who)).filter((n) => n.eventType === "gate.passed" && n.project.id === projectId).length;
    const facility = async (who: SessionUser) =>
      (await items(who)).filter(
        (n) => n.eventType === "funding.facility_opened" && n.project.id === projectId,
      ).length;
    expect([
      await passed(fx.users.partnerB),
      await passed(fx.users.usDelegate),
      await passed(fx.users.partnerA),
    ]).toEqual([1, 1, 1]);
    expect((await items(fx.users.usDelegate)).find((n) => n.eventType === "gate.passed")?.data).toMatchObject(
      {
        gateKind: "SCOPING",
        gateState: "PASSED",
      },
    );
    expect(await facility(fx.users.jpDelegate)).toBe(1);
    expect(await facility(fx.users.usDelegate)).toBe(0);
    expect(await facility(fx.users.partnerB)).toBe(0);
    expect(await facility(fx.users.partnerA)).toBe(0);
    expect(facilityId).toEqual(expect.any(String));
  });
});
