// Notification mail end to end: a real SMTP server (smtp-server, from the nodemailer project) in
// this process receives what the notifier sends through nodemailer. On PostgreSQL two notifier
// instances run at once, each with its own connection pool (as two API instances would), sharing
// nothing but the database. The clock is the notifiers' own: activity happens "now", then the
// clock moves two days on, past everyone's morning hour, and the digests go.
import { openDatabase, type Database } from "@lodestone/db/client";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import getPort from "get-port";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../mailer.js";
import { callerFor, createFixture, roundOf, submittedOf, type Fixture } from "../../test/fixtures.js";
import { createNotifier, type Notifier } from "./notifier.js";

const SECRET = "test-internal-secret-test-internal-secret";
const quiet = { info: () => {} };

interface Received {
  to: string;
  mail: ParsedMail;
  raw: string;
}

let db: TestDatabase;
let second: Database | null = null;
let fx: Fixture;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
let clock = Date.now();
const notifiers: Notifier[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  smtpPort = await getPort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The mailer's pooled connections stay open: do not wait for them when the test ends.
    closeTimeout: 100,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, mail, raw });
          done();
        }, done);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const instances: Database[] = [db];
  if (db.url) {
    second = await openDatabase({ databaseUrl: db.url, dataDir: "unused" });
    instances.push(second);
  }
  for (const instanceDb of instances) {
    notifiers.push(
      createNotifier({
        db: instanceDb,
        mailer: createMailer({
          smtpUrl: `smtp://127.0.0.1:${smtpPort}/?ignoreTLS=true`,
          from: "Lodestone <no-reply@lodestone.test>",
          db: instanceDb,
          log: quiet,
        }),
        internalSecret: SECRET,
        webUrl: "https://lodestone.test",
        now: () => new Date(clock),
        immediateDelayMs: 60_000,
        intervalMs: 100,
        onError: (error, job) => console.error(job, error),
      }),
    );
  }
});

afterAll(async () => {
  for (const n of notifiers) await n.stop();
  await second?.close();
  await db.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Mail work is done: nothing waits for a mail, nothing is being sent, and the SMTP server has every sent mail. */
async function settled() {
  const waiting = await db.prisma.notification.count({
    where: { mailId: null, mailSkippedAt: null, emailChannel: { in: ["IMMEDIATE", "DAILY", "WEEKLY"] } },
  });
  const open = await db.prisma.notificationMail.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
  const sent = await db.prisma.notificationMail.count({ where: { status: "SENT" } });
  return waiting === 0 && open === 0 && received.length === sent;
}

/** A raw message's header lines, unfolded (RFC 5322 §2.2.3: a line break before white space continues the line). */
const unfold = (raw: string) => raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, "");

const idsIn = (r: Received) =>
  [...String(r.mail.html).matchAll(/data-notification="([0-9a-f-]+)"/g)].map((m) => m[1]!);

describe(`notification mail through a real SMTP server (${testDatabaseKind()}, ${testDatabaseKind() === "postgres" ? "two instances" : "one instance"})`, () => {
  it("sends every notification once: digests hold exactly what the inbox shows; no event is mailed twice", async () => {
    // The jpDelegate takes activity weekly; everyone else keeps the defaults.
    await callerFor(db, fx.users.jpDelegate).notifications.setPreferences({
      channels: { ACTIVITY: "WEEKLY" },
    });
    for (const n of notifiers) await n.start();

    // Generated activity: submissions, rounds, comments with mentions and replies, votes, decisions.
    for (let i = 0; i < 3; i++) {
      const { project, round } = await roundOf(db, fx, new Date(clock + 3 * 86_400_000));
      const us = callerFor(db, fx.users.usDelegate);
      const top = await us.comment.post({
        projectId: project.id,
        parentId: null,
        stance: "QUESTION",
        body: `Question ${i} for @partnerA`,
      });
      await callerFor(db, fx.users.partnerA).comment.post({
        projectId: project.id,
        parentId: top.id,
        stance: null,
        body: `Answer ${i}`,
      });
      await callerFor(db, fx.users.jpDelegate).comment.post({
        projectId: project.id,
        parentId: top.id,
        stance: null,
        body: `@usDelegate agreed ${i}`,
      });
      if (i === 0) await us.review.castVote({ roundId: round.id, choice: "APPROVE", reason: null });
      if (i === 1) {
        await callerFor(db, fx.users.coordinator).review.close({
          roundId: round.id,
          rationale: "More detail needed.",
          ifNotApproved: "CHANGES_REQUESTED",
        });
      }
    }
    await submittedOf(db, fx.users.partnerA);

    // Let the notifiers fan everything out, then move two days on: the morning has come everywhere.
    await until(
      async () =>
        (await db.prisma.notification.count()) > 0 &&
        (await db.prisma.notificationCursor.findUniqueOrThrow({ where: { id: 1 } })).position >=
          (await db.prisma.domainEvent.aggregate({ _max: { position: true } }))._max.position!,
      "the fan-out",
    );
    clock += 9 * 86_400_000;
    await until(settled, "every mail to be sent and received");

    const all = await db.prisma.notification.findMany({ include: { mail: true } });
    expect(all.length).toBeGreaterThan(20);
    const mailed = received.flatMap((r) => idsIn(r).map((id) => ({ to: r.to, id })));
    // Nobody ever gets two mails for one event.
    const counts = new Map<string, number>();
    for (const m of mailed) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    expect([...counts.values()].filter((c) => c > 1)).toEqual([]);
    expect(new Set(received.map((r) => r.mail.messageId)).size).toBe(received.length);

    for (const user of Object.values(fx.users)) {
      const inboxIds = new Set<string>();
      for (const view of ["inbox", "saved", "snoozed", "done"] as const) {
        if (user.id === fx.users.deactivated.id) continue;
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<ReturnType<typeof callerFor>["notifications"]["list"]>> =
            await callerFor(db, user).notifications.list({ view, limit: 100, cursor });
          for (const n of page.items) inboxIds.add(n.id);
          cursor = page.nextCursor;
        } while (cursor);
      }
      const channels = new Map(all.filter((n) => n.userId === user.id).map((n) => [n.id, n.emailChannel]));
      const digestShown = [...inboxIds]
        .filter((id) => channels.get(id) === "DAILY" || channels.get(id) === "WEEKLY")
        .sort();
      const inDigests = received
        .filter((r) => r.to === user.email && !/^\[/.test(r.mail.subject ?? ""))
        .flatMap(idsIn)
        .sort();
      // Every notification the inbox shows a digest person appears in their digest.
      expect(inDigests, `digests of ${user.name}`).toEqual(digestShown);
    }

    // "Vote due" came at once (immediately); the usDelegate voted on the first round, so that one
    // is done — but it was still mailed only if unread when its wait was over: here it was read
    // (done) before the clock moved, so it was skipped.
    const immediateToJp = received.filter(
      (r) => r.to === fx.users.jpDelegate.email && /^\[/.test(r.mail.subject ?? ""),
    );
    expect(immediateToJp.length).toBeGreaterThan(0);
    const voteDueUs = all.filter((n) => n.userId === fx.users.usDelegate.id && n.reason === "VOTE_DUE");
    expect(voteDueUs.filter((n) => n.doneAt).every((n) => n.mailSkippedAt !== null)).toBe(true);
  });

  it("mails carry RFC 8058 headers, the person's language, and unsubscribe links that work without signing in", async () => {
    const ja = received.find(
      (r) => r.to === fx.users.jpDelegate.email && /ダイジェスト/.test(r.mail.subject ?? ""),
    );
    const en = received.find((r) => r.to === fx.users.partnerA.email && /digest/.test(r.mail.subject ?? ""));
    expect(ja, "a Japanese digest").toBeDefined();
    expect(en, "an English digest").toBeDefined();
    expect(ja!.mail.headers.get("content-language")).toBe("ja");
    expect(ja!.mail.text).toContain("様");
    expect(en!.mail.text).toContain("Hello partnerA");
    // Grouped by project: each project's heading once.
    const headings = (en!.mail.text ?? "").split("\n").filter((l) => l.startsWith("== "));
    expect(new Set(headings).size).toBe(headings.length);
    for (const r of [ja!, en!]) {
      const headers = unfold(r.raw);
      expect(headers).toMatch(/^List-Unsubscribe-Post: *List-Unsubscribe=One-Click\r?$/m);
      expect(headers).toMatch(/^List-Unsubscribe: *<https:\/\/lodestone\.test\/api\/unsubscribe\?token=/m);
    }
    const header = /^List-Unsubscribe: *<([^>]+)>/m.exec(unfold(en!.raw))![1]!;
    const token = new URL(header).searchParams.get("token")!;
    const anonymous = callerFor(db, null).notifications;
    expect(await anonymous.unsubscribePreview({ token })).toMatchObject({
      kind: "channel",
      channel: "DAILY",
    });
    await anonymous.unsubscribe({ token });
    const prefs = await callerFor(db, fx.users.partnerA).notifications.preferences();
    expect(prefs.channels.filter((c) => c.channel === "DAILY")).toEqual([]);
    // Per item and per reason, in the body.
    expect(en!.mail.text).toMatch(
      /Stop notifications about this item \(LD-\d+\): https:\/\/lodestone\.test\/api\/unsubscribe\?token=/,
    );
    expect(en!.mail.text).toMatch(
      /Stop emails about [a-z ]+: https:\/\/lodestone\.test\/api\/unsubscribe\?token=/,
    );
  });
});
