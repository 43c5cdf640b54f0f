// The digest step: 10,000 people with notifications waiting for their daily digest, in several
// time zones and both languages; the API starts with SMTP pointed at a server in the bench's
// process; from the moment it is ready, the time until the last digest arrives, and whether
// everyone got exactly one, with the one-click unsubscribe headers.
import os from "node:os";
import { digestDue } from "@lodestone/domain/notifications";
import { DIGEST_ENTRIES, digestSql } from "./notification-dataset.js";
import type { DigestOutcome } from "./notification-report.js";
import type { ScratchDatabases } from "./scratch-databases.js";
import type { Servers } from "./servers.js";
import type { SqlQueryable } from "./sql-database.js";
import { SmtpSink } from "./smtp-sink.js";

/** How often the notifier looks for work in this step (ms). */
export const DIGEST_INTERVAL_MS = 500;
/** The bench gives up after this long in all, or when no mail has come for STALL_MS. */
const GIVE_UP_MS = 10 * 60_000;
const STALL_MS = 2 * 60_000;
/** After the last mail, how long the bench keeps listening for one sent twice (ms). */
const LISTEN_AFTER_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scalar(db: SqlQueryable, sql: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

export async function measureDigests(
  servers: Servers,
  databases: ScratchDatabases,
  o: { people: number },
): Promise<DigestOutcome> {
  const { target, db } = await databases.fresh("digests");
  const sink = new SmtpSink();
  try {
    const t0 = performance.now();
    for (const sql of digestSql(o.people)) await db.query(sql);
    const setupMs = performance.now() - t0;
    // Whose digest the domain's rule says is due now, from what is waiting (as the notifier reads it).
    const { rows: waiting } = await db.query<{ timeZone: string; oldest: Date }>(
      `SELECT u."timeZone", min(n."createdAt") AS oldest FROM "Notification" n JOIN "User" u ON u.id = n."userId"
       WHERE n."emailChannel" = 'DAILY' AND n."mailId" IS NULL GROUP BY n."userId", u."timeZone"`,
    );
    const now = new Date();
    const expectedDue = waiting.filter((w) =>
      digestDue("DAILY", { oldest: new Date(w.oldest), timeZone: w.timeZone }, now),
    ).length;
    // Everyone but the coordinator: the delegates the notifications are for.
    const { rows: people } = await db.query<{ email: string }>(
      `SELECT email FROM "User" WHERE role = 'DELEGATE'`,
    );
    const zones = await scalar(db, `SELECT count(DISTINCT "timeZone") AS n FROM "User"`);
    console.log(
      `digests: ${people.length} people (${zones} time zones), ${waiting.length} with notifications waiting, ` +
        `${expectedDue} due by the rule, in ${(setupMs / 1000).toFixed(1)} s`,
    );

    const port = await sink.listen();
    const loadBefore = os.loadavg()[0]!;
    const spawnedAt = performance.now();
    // Pooled by the API's mailer; no STARTTLS on this server, so none is tried.
    const api = await servers.startApi(target, {
      NOTIFY_ENABLED: "1",
      NOTIFY_INTERVAL_MS: String(DIGEST_INTERVAL_MS),
      SMTP_URL: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    });
    const readyAt = performance.now();
    let complete: boolean;
    try {
      complete = await sink.waitFor(o.people, { timeoutMs: GIVE_UP_MS, stallMs: STALL_MS });
      // The API marks a mail sent after the server took it: wait for the last marks, then listen
      // a little longer for any mail sent twice.
      const deadline = performance.now() + 30_000;
      while (
        (await scalar(db, `SELECT count(*) AS n FROM "NotificationMail" WHERE status = 'SENT'`)) <
          sink.received &&
        performance.now() < deadline
      ) {
        await sleep(100);
      }
      await sleep(LISTEN_AFTER_MS);
    } finally {
      await servers.stop(api.child);
    }
    const loadAfter = os.loadavg()[0]!;
    const byStatus = new Map(
      (
        await db.query<{ status: string; n: string }>(
          `SELECT status::text, count(*) AS n FROM "NotificationMail" WHERE kind = 'DAILY' GROUP BY status`,
        )
      ).rows.map((r) => [r.status, Number(r.n)]),
    );
    const expected = new Set(people.map((p) => p.email.toLowerCase()));
    const counts = [...sink.perRecipient.entries()];
    return {
      people: o.people,
      entries: DIGEST_ENTRIES,
      zones,
      complete,
      expectedDue,
      planned: [...byStatus.values()].reduce((a, b) => a + b, 0),
      sent: byStatus.get("SENT") ?? 0,
      failed: byStatus.get("FAILED") ?? 0,
      unattached: await scalar(
        db,
        `SELECT count(*) AS n FROM "Notification" WHERE "emailChannel" = 'DAILY' AND "mailId" IS NULL`,
      ),
      received: sink.received,
      recipients: sink.perRecipient.size,
      repeated: counts.filter(([, n]) => n > 1).length,
      missing: [...expected].filter((e) => !sink.perRecipient.has(e)).length,
      strangers: counts.filter(([e]) => !expected.has(e)).length,
      repeatedMessageIds: [...sink.perMessageId.values()].filter((n) => n > 1).length,
      withoutUnsubscribe: sink.withoutUnsubscribe,
      setupMs,
      spawnToReadyMs: readyAt - spawnedAt,
      readyToFirstMs: sink.firstAt - readyAt,
      readyToLastMs: sink.lastAt - readyAt,
      firstToLastMs: sink.lastAt - sink.firstAt,
      loadBefore,
      loadAfter,
    };
  } finally {
    await sink.close();
    await db.close();
  }
}
