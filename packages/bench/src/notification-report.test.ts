import { describe, expect, it } from "vitest";
import { digestSql, fanOutSql, TIME_ZONES } from "./notification-dataset.js";
import {
  digestChecks,
  fanOutChecks,
  mailRates,
  maximum,
  median,
  notificationsReport,
  type DigestOutcome,
  type FanOutOutcome,
  type FanOutRound,
} from "./notification-report.js";
import { hasOneClickUnsubscribe, parseHeaders } from "./smtp-sink.js";

const round = (over: Partial<FanOutRound> = {}): FanOutRound => ({
  openMs: 200,
  answerToVisibleMs: 400,
  fanOutMs: 420,
  rows: 2005,
  transactions: 1,
  copyRows: 2000,
  copyMs: 30,
  ...over,
});

const fanOut = (rounds: FanOutRound[]): FanOutOutcome => ({
  delegates: 2000,
  rounds,
  setupMs: 500,
  loadBefore: 1,
  loadAfter: 1,
});

const digests = (over: Partial<DigestOutcome> = {}): DigestOutcome => ({
  people: 10_000,
  entries: 5,
  zones: 10,
  complete: true,
  expectedDue: 10_000,
  planned: 10_000,
  sent: 10_000,
  failed: 0,
  unattached: 0,
  received: 10_000,
  recipients: 10_000,
  repeated: 0,
  missing: 0,
  strangers: 0,
  repeatedMessageIds: 0,
  withoutUnsubscribe: 0,
  setupMs: 3000,
  spawnToReadyMs: 1500,
  readyToFirstMs: 2000,
  readyToLastMs: 42_000,
  firstToLastMs: 40_000,
  loadBefore: 1,
  loadAfter: 1,
  ...over,
});

describe("median and maximum", () => {
  it("take the middle (the lower middle for an even count) and the largest", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(maximum([4, 1, 3, 2])).toBe(4);
  });
  it("are NaN without values", () => {
    expect(median([])).toBeNaN();
    expect(maximum([])).toBeNaN();
  });
});

describe("the fan-out target", () => {
  it("is met when every round is under 2 s", () => {
    expect(fanOutChecks(fanOut([round(), round({ answerToVisibleMs: 1999 })]))[0]!.met).toBe(true);
  });
  it("is missed by one slow round, by a wrong count of rows, or without rounds", () => {
    expect(fanOutChecks(fanOut([round(), round({ answerToVisibleMs: 2000 })]))[0]!.met).toBe(false);
    expect(fanOutChecks(fanOut([round({ copyRows: 2001 })]))[0]!.met).toBe(false);
    expect(fanOutChecks(fanOut([]))[0]!.met).toBe(false);
  });
});

describe("the digest targets", () => {
  it("are all met by a complete, exact run under 60 s", () => {
    expect(digestChecks(digests()).every((c) => c.met)).toBe(true);
  });
  it("miss the time target at 60 s, or when mails are missing", () => {
    expect(digestChecks(digests({ readyToLastMs: 60_000 }))[0]!.met).toBe(false);
    expect(digestChecks(digests({ complete: false, received: 9_999 }))[0]!.met).toBe(false);
  });
  it("miss exactly-once on a repeated or a missing recipient", () => {
    expect(digestChecks(digests({ repeated: 1 }))[1]!.met).toBe(false);
    expect(digestChecks(digests({ missing: 1, recipients: 9_999 }))[1]!.met).toBe(false);
  });
  it("miss the header target on one mail without them, and the plan target on a digest not planned", () => {
    expect(digestChecks(digests({ withoutUnsubscribe: 1 }))[2]!.met).toBe(false);
    expect(digestChecks(digests({ planned: 9_999 }))[3]!.met).toBe(false);
  });
  it("rate mails from the first to the last, and from readiness", () => {
    expect(mailRates(digests())).toEqual({ sending: 250, overall: 10_000 / 42 });
  });
});

describe("the report", () => {
  it("has a row per round, the median and the max, and the targets", () => {
    const md = notificationsReport({
      started: new Date("2026-12-06T12:00:00Z"),
      machine: "2 × test",
      database: "PostgreSQL 15",
      fanOut: fanOut([round(), round({ answerToVisibleMs: 900 })]),
      digests: digests(),
      pollMs: 20,
      digestIntervalMs: 500,
    });
    expect(md).toContain("| 2 | 200 | 900 | ≤ 420 | 2,005 | 1 | 30 | 14.0 × |");
    expect(md).toContain("| median | 200 | 400 |");
    expect(md).toContain("| max | 200 | 900 |");
    expect(md).toContain("| ready → last mail (s) | 42.0 |");
    expect(md).not.toContain("**no**");
    expect(md).not.toContain("Incomplete run");
  });
  it("says so at the top when the digests did not all arrive", () => {
    const md = notificationsReport({
      started: new Date("2026-12-06T12:00:00Z"),
      machine: "2 × test",
      database: "PostgreSQL 15",
      fanOut: fanOut([round()]),
      digests: digests({ complete: false, received: 0, recipients: 0, missing: 10_000 }),
      pollMs: 20,
      digestIntervalMs: 500,
    });
    expect(md.split("\n")[2]).toContain("**Incomplete run: 0 of 10,000 digests arrived");
  });
});

describe("mail headers", () => {
  const raw =
    "From: Lodestone <no-reply@lodestone.example>\r\n" +
    "List-Unsubscribe:\r\n <http://127.0.0.1:3000/api/unsubscribe?token=abc>\r\n" +
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" +
    "Message-ID: <daily.1@lodestone.notifications>\r\n" +
    "\r\n" +
    "Body: not a header\r\n";

  it("are read up to the empty line, names lower-cased, folded lines joined", () => {
    const h = parseHeaders(raw);
    expect(h.get("list-unsubscribe")).toBe("<http://127.0.0.1:3000/api/unsubscribe?token=abc>");
    expect(h.get("message-id")).toBe("<daily.1@lodestone.notifications>");
    expect(h.has("body")).toBe(false);
  });
  it("carry one-click unsubscribe only with both headers right", () => {
    expect(hasOneClickUnsubscribe(parseHeaders(raw))).toBe(true);
    expect(hasOneClickUnsubscribe(parseHeaders(raw.replace("List-Unsubscribe-Post", "X-Other")))).toBe(false);
    expect(hasOneClickUnsubscribe(parseHeaders(raw.replace("One-Click", "Later")))).toBe(false);
    expect(hasOneClickUnsubscribe(parseHeaders(raw.replace("<http", "<mailto:x@y.z> <ftp")))).toBe(false);
  });
});

describe("the datasets", () => {
  it("give the fan-out's delegates one delegation, and spread the digest's people over every zone", () => {
    expect(fanOutSql(2000).join("\n")).toContain("generate_series(101, 2100)");
    const digest = digestSql(10_000).join("\n");
    expect(digest).toContain("generate_series(101, 10100) n, generate_series(1, 5) j");
    for (const zone of TIME_ZONES) expect(digest).toContain(`'${zone}'`);
  });
});
