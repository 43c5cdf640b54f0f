// pnpm --filter @lodestone/bench notifications [-- --delegates 2000 --rounds 5 --people 10000 --keep]
// The notifier against the targets, on PostgreSQL (DATABASE_URL: the bench creates fresh
// databases there and drops them afterwards), with the built API as a child process:
// - fan-out: a review round opening to 2,000 delegates, every "your vote is due" notification
//   written within 2 s of review.open's answer (several rounds; the bare INSERT … SELECT of the
//   same rows as the baseline);
// - digests: 10,000 people's daily digests through a real SMTP server within 60 s of the API being
//   ready, each exactly once, each with the one-click unsubscribe headers.
// Writes packages/bench/results/notifications.md and prints it.
import os from "node:os";
import { parseArgs } from "node:util";
import { resolveMode, databaseLabel } from "./mode.js";
import { DIGEST_INTERVAL_MS, measureDigests } from "./notification-digests.js";
import { measureFanOut, POLL_MS } from "./notification-fan-out.js";
import { notificationsReport } from "./notification-report.js";
import { writeResults } from "./results-report.js";
import { ScratchDatabases, withDatabase } from "./scratch-databases.js";
import { Servers } from "./servers.js";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    delegates: { type: "string", default: "2000" },
    rounds: { type: "string", default: "5" },
    people: { type: "string", default: "10000" },
    keep: { type: "boolean", default: false },
  },
});
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres): " +
      "the benchmark creates fresh databases there and drops them afterwards.",
  );
  process.exit(2);
}
const count = (name: string, value: string, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} takes a whole number from 1 to ${max}, not "${value}".`);
    process.exit(2);
  }
  return n;
};
const delegates = count("delegates", args.delegates, 100_000);
// Submitted projects of the fan-out's dataset: numbers ≡ 1, 2, 3 (mod 20) of 40.
const rounds = count("rounds", args.rounds, 6);
const people = count("people", args.people, 1_000_000);

const mode = { ...resolveMode({ db: "postgres", databaseUrl: serverUrl }), resultsFile: "notifications.md" };
const servers = new Servers();
const databases = new ScratchDatabases(mode);
try {
  const started = new Date();
  const database = await withDatabase({ kind: "postgres", url: serverUrl }, async (db) => {
    const { rows } = await db.query<{ version: string }>("SELECT version()");
    return databaseLabel("postgres", rows[0]!.version);
  });
  const cpus = os.cpus();
  const machine =
    `${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `one-minute load average ${os.loadavg()[0]!.toFixed(2)} when the run began`;
  const fanOut = await measureFanOut(servers, databases, { delegates, rounds });
  const digests = await measureDigests(servers, databases, { people });
  const md = notificationsReport({
    started,
    machine,
    database,
    fanOut,
    digests,
    pollMs: POLL_MS,
    digestIntervalMs: DIGEST_INTERVAL_MS,
  });
  if (servers.unexpectedExits.length)
    throw new Error(`the API exited during the run: ${servers.unexpectedExits.join("; ")}`);
  await writeResults(mode.resultsFile, md);
  if (!digests.complete) {
    console.error(`Incomplete run: ${digests.received} of ${people} digests arrived.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await servers.stopAll();
  await databases.cleanUp(args.keep);
}
