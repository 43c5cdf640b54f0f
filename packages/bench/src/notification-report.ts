// Pure helpers of the notification benchmark: what each step measured, its targets, and the report.
import { markdownTable, targetsTable, type TargetCheck } from "./report.js";

export interface FanOutRound {
  /** review.open's round trip (ms). */
  openMs: number;
  /** From the mutation's answer until every delegate's "your vote is due" exists (ms). */
  answerToVisibleMs: number;
  /** From the fan-out's start (the notifications' createdAt) until they were visible (ms, ≤ the poll interval over). */
  fanOutMs: number;
  /** Notifications written for the round (every reason: the proposing organisation's partners too). */
  rows: number;
  /** How many fan-out transactions wrote them (distinct createdAt). */
  transactions: number;
  /** The baseline: the same VOTE_DUE rows, one INSERT … SELECT through pg into a copy of the table. */
  copyRows: number;
  copyMs: number;
}

export interface FanOutOutcome {
  delegates: number;
  rounds: FanOutRound[];
  setupMs: number;
  /** One-minute load average before the API started and after it stopped. */
  loadBefore: number;
  loadAfter: number;
}

export interface DigestOutcome {
  people: number;
  /** Notifications waiting per person. */
  entries: number;
  zones: number;
  /** Every mail arrived before the bench gave up. */
  complete: boolean;
  /** Digests due now by the domain's rule (digestDue), from what was waiting. */
  expectedDue: number;
  /** Daily digests the API planned (NotificationMail rows), and how they ended. */
  planned: number;
  sent: number;
  failed: number;
  /** Daily notifications left without a digest. */
  unattached: number;
  /** At the SMTP server: mails, distinct recipients, recipients with more than one, people with none, unknown recipients. */
  received: number;
  recipients: number;
  repeated: number;
  missing: number;
  strangers: number;
  repeatedMessageIds: number;
  withoutUnsubscribe: number;
  setupMs: number;
  spawnToReadyMs: number;
  readyToFirstMs: number;
  readyToLastMs: number;
  firstToLastMs: number;
  loadBefore: number;
  loadAfter: number;
}

export const FAN_OUT_TARGET_MS = 2_000;
export const DIGEST_TARGET_MS = 60_000;

/** The middle value (the lower of the two middle ones for an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
}

export function maximum(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : Math.max(...xs);
}

const n0 = (n: number) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: 0 }) : "–";
const s1 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : "–");

/** Mails per second from the first to the last mail, and from the API's readiness to the last. */
export function mailRates(d: Pick<DigestOutcome, "received" | "firstToLastMs" | "readyToLastMs">): {
  sending: number;
  overall: number;
} {
  return {
    sending: d.firstToLastMs > 0 ? d.received / (d.firstToLastMs / 1000) : Number.NaN,
    overall: d.readyToLastMs > 0 ? d.received / (d.readyToLastMs / 1000) : Number.NaN,
  };
}

export function fanOutChecks(f: FanOutOutcome): TargetCheck[] {
  const times = f.rounds.map((r) => r.answerToVisibleMs);
  const worst = maximum(times);
  const all = f.rounds.every((r) => r.copyRows === f.delegates);
  return [
    {
      target: `fan-out: a round opening to ${n0(f.delegates)} delegates, all notified < 2 s after the answer (every round)`,
      measured: `median ${n0(median(times))} ms, max ${n0(worst)} ms over ${f.rounds.length} rounds`,
      met: f.rounds.length > 0 && worst < FAN_OUT_TARGET_MS && all,
    },
  ];
}

export function digestChecks(d: DigestOutcome): TargetCheck[] {
  const once =
    d.complete && d.missing === 0 && d.repeated === 0 && d.strangers === 0 && d.received === d.people;
  return [
    {
      target: `digests: ${n0(d.people)} daily digests received < 60 s after the API is ready`,
      measured: d.complete ? `${s1(d.readyToLastMs)} s` : `${n0(d.received)} of ${n0(d.people)} received`,
      met: d.complete && d.readyToLastMs < DIGEST_TARGET_MS,
    },
    {
      target: "digests: everyone exactly one mail",
      measured: `${n0(d.recipients)} recipients, ${d.repeated} with more than one, ${d.missing} with none`,
      met: once,
    },
    {
      target: "digests: every mail with List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)",
      measured: `${d.withoutUnsubscribe} without`,
      met: d.received > 0 && d.withoutUnsubscribe === 0,
    },
    {
      target: "digests: as many planned as due by the rule, all sent",
      measured: `${n0(d.expectedDue)} due, ${n0(d.planned)} planned, ${n0(d.sent)} sent, ${d.failed} failed, ${d.unattached} notifications left out`,
      met:
        d.planned === d.expectedDue &&
        d.expectedDue === d.people &&
        d.sent === d.people &&
        d.unattached === 0,
    },
  ];
}

export interface NotificationsReportInput {
  started: Date;
  machine: string;
  database: string;
  fanOut: FanOutOutcome;
  digests: DigestOutcome;
  pollMs: number;
  digestIntervalMs: number;
}

export function notificationsReport(r: NotificationsReportInput): string {
  const { fanOut: f, digests: d } = r;
  const rates = mailRates(d);
  const rows = f.rounds.map((x, i) => [
    i + 1,
    n0(x.openMs),
    n0(x.answerToVisibleMs),
    `≤ ${n0(x.fanOutMs)}`,
    n0(x.rows),
    x.transactions,
    n0(x.copyMs),
    x.copyMs > 0 ? `${(x.fanOutMs / x.copyMs).toFixed(1)} ×` : "–",
  ]);
  const col = <K extends keyof FanOutRound>(k: K) => f.rounds.map((x) => x[k] as number);
  const summary = (label: string, pick: (xs: number[]) => number) => [
    label,
    n0(pick(col("openMs"))),
    n0(pick(col("answerToVisibleMs"))),
    `≤ ${n0(pick(col("fanOutMs")))}`,
    "",
    "",
    n0(pick(col("copyMs"))),
    "",
  ];
  const checks = [...fanOutChecks(f), ...digestChecks(d)];
  return [
    `# Notifications — ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    ...(d.complete
      ? []
      : [
          `**Incomplete run: ${n0(d.received)} of ${n0(d.people)} digests arrived before the bench gave up ` +
            "(no mail for two minutes, or ten minutes in all).**",
          "",
        ]),
    `Database: **${r.database}**. Machine: ${r.machine}. One API instance (built, as \`pnpm start\` runs it), ` +
      "PostgreSQL, the bench (and its SMTP server) on the same machine.",
    "",
    `## Fan-out: a review round opening to ${n0(f.delegates)} delegates`,
    "",
    `One delegation with ${n0(f.delegates)} active delegates (nobody else votes), projects it sponsors, ` +
      "a coordinator signed in. Each round is opened through the API over HTTP (`review.open`); the bench " +
      `then counts the round's VOTE_DUE notifications every ${r.pollMs} ms until all ${n0(f.delegates)} exist. ` +
      "The notifier runs with its default interval; the event's LISTEN/NOTIFY wakes it. One round per " +
      "project, a second apart; round 1 is the first after the API started. " +
      "*Fan-out* runs from the notifications' createdAt (when the notifier's fan-out began, the API's " +
      "clock) to the poll that first saw them (an upper bound: the poll's own interval is in it). " +
      "*Bare write*: the same VOTE_DUE rows copied by one `INSERT … SELECT` through pg into a table " +
      'made `LIKE "Notification" INCLUDING ALL` (same indexes), right after each round.',
    "",
    markdownTable(
      [
        "round",
        "review.open ms",
        "answer → all notified ms",
        "fan-out ms",
        "rows written",
        "fan-out transactions",
        "bare write ms",
        "fan-out ÷ bare write",
      ],
      [...rows, summary("median", median), summary("max", maximum)],
    ),
    "",
    `Rows written per round include the proposing organisation's partners (activity on their project). ` +
      `One-minute load average ${f.loadBefore.toFixed(2)} before the API started, ${f.loadAfter.toFixed(2)} after. ` +
      `Setup (SQL, not measured) ${s1(f.setupMs)} s.`,
    "",
    `## Daily digests for ${n0(d.people)} people through SMTP`,
    "",
    `${n0(d.people)} delegates in ${d.zones} time zones, locales en and ja alternating, each with ${d.entries} ` +
      "notifications on the daily channel written two days ago (so the morning of everyone's current digest " +
      "period has passed: all due). The API starts with `SMTP_URL` pointed at an SMTP server in the bench's " +
      `process (smtp-server, no TLS, no authentication) and \`NOTIFY_INTERVAL_MS=${r.digestIntervalMs}\`; ` +
      "its mailer keeps a pool of SMTP connections. The clock starts when the API answers /healthz " +
      "(polled every 200 ms) and stops at the last mail's end of data at the SMTP server.",
    "",
    markdownTable(
      ["measure", "value"],
      [
        ["digests due by the rule (digestDue, at setup)", n0(d.expectedDue)],
        ["digests planned by the API (NotificationMail, DAILY)", n0(d.planned)],
        ["sent / failed (NotificationMail status)", `${n0(d.sent)} / ${d.failed}`],
        ["daily notifications left without a digest", n0(d.unattached)],
        ["mails received", n0(d.received)],
        [
          "distinct recipients / with more than one / with none / unknown",
          `${n0(d.recipients)} / ${d.repeated} / ${d.missing} / ${d.strangers}`,
        ],
        ["Message-IDs received more than once", String(d.repeatedMessageIds)],
        ["mails without the one-click unsubscribe headers", String(d.withoutUnsubscribe)],
        ["API start → ready (s)", s1(d.spawnToReadyMs)],
        ["ready → first mail (s)", s1(d.readyToFirstMs)],
        ["ready → last mail (s)", s1(d.readyToLastMs)],
        ["first → last mail (s)", s1(d.firstToLastMs)],
        ["mails per second, first → last", n0(rates.sending)],
        ["mails per second, ready → last", n0(rates.overall)],
      ],
    ),
    "",
    `One-minute load average ${d.loadBefore.toFixed(2)} before the API started, ${d.loadAfter.toFixed(2)} after. ` +
      `Setup (SQL, not measured) ${s1(d.setupMs)} s.`,
    "",
    "## Targets",
    "",
    targetsTable(checks),
    "",
    "Command: `pnpm turbo run build --filter=@lodestone/api^... --filter=@lodestone/api && " +
      "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @lodestone/bench notifications`",
    "",
  ].join("\n");
}
