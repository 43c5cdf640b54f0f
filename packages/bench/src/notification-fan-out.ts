// The fan-out step: a review round opens to a delegation of 2,000 delegates, through the API over
// HTTP (review.open, as a coordinator); the bench polls the database until every delegate's
// "your vote is due" notification exists. Several rounds, one per submitted project; and, for
// each, the bare write of the same rows (one INSERT … SELECT through pg) as the baseline.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { FIRST_COORDINATOR, uuidOf } from "./dataset.js";
import { hashToken } from "./generate.js";
import { fanOutSql } from "./notification-dataset.js";
import type { FanOutOutcome, FanOutRound } from "./notification-report.js";
import type { ScratchDatabases } from "./scratch-databases.js";
import type { Servers } from "./servers.js";
import type { SqlQueryable } from "./sql-database.js";

/** How often the bench looks for the notifications (ms). */
export const POLL_MS = 20;
/** A round whose notifications are not all there by then counts as failed. */
const GIVE_UP_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function count(db: SqlQueryable, roundId: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Notification"
     WHERE reason = 'VOTE_DUE' AND "subjectType" = 'ROUND' AND "subjectId" = $1::uuid`,
    [roundId],
  );
  return Number(rows[0]!.n);
}

/** A signed-in session of the coordinator who opens the rounds, as next-auth stores it. */
async function coordinatorSession(db: SqlQueryable): Promise<string> {
  const token = randomBytes(24).toString("hex");
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     VALUES (gen_random_uuid(), $1, ${uuidOf("u", FIRST_COORDINATOR)}, now() + interval '1 day')`,
    [hashToken(token)],
  );
  return token;
}

export async function measureFanOut(
  servers: Servers,
  databases: ScratchDatabases,
  o: { delegates: number; rounds: number },
): Promise<FanOutOutcome> {
  const { target, db } = await databases.fresh("fan-out");
  try {
    const t0 = performance.now();
    for (const sql of fanOutSql(o.delegates)) await db.query(sql);
    const token = await coordinatorSession(db);
    const { rows: projects } = await db.query<{ id: string }>(
      `SELECT id FROM "Project" WHERE status = 'SUBMITTED' ORDER BY number LIMIT $1`,
      [o.rounds],
    );
    if (projects.length < o.rounds)
      throw new Error(`only ${projects.length} submitted projects for ${o.rounds} rounds`);
    const { rows: voters } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM "User" WHERE role = 'DELEGATE' AND "deactivatedAt" IS NULL`,
    );
    if (Number(voters[0]!.n) !== o.delegates)
      throw new Error(`${voters[0]!.n} delegates, not ${o.delegates}`);
    // The baseline's table: the same columns, indexes and constraints, no rows.
    await db.query(`CREATE TABLE "NotificationCopy" (LIKE "Notification" INCLUDING ALL)`);
    const setupMs = performance.now() - t0;
    console.log(
      `fan-out: ${o.delegates} delegates and ${projects.length} submitted projects in ${(setupMs / 1000).toFixed(1)} s`,
    );

    const loadBefore = os.loadavg()[0]!;
    // NOTIFY_INTERVAL_MS as deployed (the default); the "immediately" mails wait an hour, so
    // that none is planned or sent while the rounds are measured (no SMTP: they would go to
    // the outbox table).
    const api = await servers.startApi(target, { NOTIFY_ENABLED: "1", NOTIFY_IMMEDIATE_DELAY_MS: "3600000" });
    const rounds: FanOutRound[] = [];
    try {
      for (const [i, project] of projects.entries()) {
        // Let the previous round's work (and the notifier's first pass after start) settle.
        await sleep(1000);
        const sentAt = performance.now();
        const res = await fetch(`${api.url}/trpc/review.open`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            projectId: project.id,
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          }),
        });
        const body = (await res.json()) as { result?: { data: { id: string } } };
        const answeredAt = performance.now();
        if (!body.result) throw new Error(`review.open answered ${res.status}: ${JSON.stringify(body)}`);
        const roundId = body.result.data.id;
        let seen = 0;
        while ((seen = await count(db, roundId)) < o.delegates) {
          if (performance.now() - answeredAt > GIVE_UP_MS) {
            throw new Error(
              `round ${i + 1}: ${seen} of ${o.delegates} notifications after ${GIVE_UP_MS / 1000} s`,
            );
          }
          await sleep(POLL_MS);
        }
        const visibleAt = performance.now();
        const visibleWall = Date.now();
        const { rows: facts } = await db.query<{ started: Date; rows: string; distinct_starts: string }>(
          `SELECT min("createdAt") AS started, count(*) AS rows, count(DISTINCT "createdAt") AS distinct_starts
           FROM "Notification" WHERE "subjectType" = 'ROUND' AND "subjectId" = $1::uuid`,
          [roundId],
        );
        const copyT0 = performance.now();
        const copied = await db.query(
          `INSERT INTO "NotificationCopy" SELECT * FROM "Notification"
           WHERE reason = 'VOTE_DUE' AND "subjectType" = 'ROUND' AND "subjectId" = $1::uuid`,
          [roundId],
        );
        const copyMs = performance.now() - copyT0;
        const round: FanOutRound = {
          openMs: answeredAt - sentAt,
          answerToVisibleMs: visibleAt - answeredAt,
          // The notifications' createdAt is when the notifier's fan-out began (the API's clock,
          // on this machine); it is visible when its transaction commits.
          fanOutMs: visibleWall - new Date(facts[0]!.started).getTime(),
          rows: Number(facts[0]!.rows),
          transactions: Number(facts[0]!.distinct_starts),
          copyRows: copied.rowCount,
          copyMs,
        };
        rounds.push(round);
        console.log(
          `fan-out round ${i + 1}: open ${round.openMs.toFixed(0)} ms, answer → ${o.delegates} visible ` +
            `${round.answerToVisibleMs.toFixed(0)} ms (fan-out ≈ ${round.fanOutMs.toFixed(0)} ms, ${round.rows} rows); ` +
            `bare INSERT … SELECT ${copyMs.toFixed(0)} ms`,
        );
      }
    } finally {
      await servers.stop(api.child);
    }
    return { delegates: o.delegates, rounds, setupMs, loadBefore, loadAfter: os.loadavg()[0]! };
  } finally {
    await db.close();
  }
}
