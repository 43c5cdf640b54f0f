import { z } from "zod";
import { DecisionRule, tally, type DelegationResult, type Tally, type VoteCounts } from "./decision.js";
import { DecisionOutcome, VoteChoice } from "./enums.js";

// The sealed decision record (DESIGN.md §6): what a recorded decision depends on, as one JSON
// value. The API canonicalises it (RFC 8785), hashes it (SHA-256) and signs it (Ed25519); this
// module holds only the pure parts: its shape, the tally from its own lists, and the comparisons
// Verify makes (the record against itself, and against the rows it was made from).

export const DECISION_RECORD_FORMAT = "lodestone.decision-record.v1";

const code = z.string().regex(/^[A-Z]{2,8}$/);
const instant = z.iso.datetime({ offset: true });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One member of a round's electorate, frozen when the round opened. */
export const SealedElector = z.object({ voterId: z.string(), delegation: code }).strict();
export type SealedElector = z.infer<typeof SealedElector>;

/** One counted vote (the last each delegate cast), under the delegation the electorate gives. */
export const SealedVote = z
  .object({
    voterId: z.string(),
    delegation: code,
    choice: VoteChoice,
    reason: z.string().nullable(),
    at: instant,
  })
  .strict();
export type SealedVote = z.infer<typeof SealedVote>;

const Counts = {
  approve: z.number().int().min(0),
  reject: z.number().int().min(0),
  abstain: z.number().int().min(0),
};
const SealedDelegationResult = z
  .object({
    ...Counts,
    eligible: z.number().int().min(0),
    didNotVote: z.number().int().min(0),
    required: z.boolean(),
    quorumMet: z.boolean(),
    approved: z.boolean(),
  })
  .strict();

export const SealedRecord = z
  .object({
    format: z.literal(DECISION_RECORD_FORMAT),
    decisionId: z.string(),
    project: z.object({ id: z.string(), reference: z.string() }).strict(),
    revision: z.object({ id: z.string(), number: z.number().int(), contentHash: sha256 }).strict(),
    round: z.object({ id: z.string(), opensAt: instant, closesAt: instant, closedAt: instant }).strict(),
    /** As stored; checked with `DecisionRule` by the arithmetic, so a bad rule is named, not a parse error. */
    rule: z.unknown(),
    electorate: z.array(SealedElector),
    votes: z.array(SealedVote),
    /** Every vote cast or changed in the round, digested: SHA-256 of the canonical JSON of the entries. */
    voteHistory: z.object({ entries: z.number().int().min(0), sha256 }).strict(),
    tallies: z
      .object({ delegations: z.record(z.string(), SealedDelegationResult), approved: z.boolean() })
      .strict(),
    outcome: DecisionOutcome,
    rationale: z.string(),
    recordedBy: z.string(),
    recordedAt: instant,
  })
  .strict();
export type SealedRecord = Omit<z.infer<typeof SealedRecord>, "rule" | "tallies"> & {
  rule: unknown;
  tallies: Tally;
};

/** One entry of a round's vote history, as the digest covers it. */
export interface VoteHistoryEntry {
  voterId: string;
  choice: VoteChoice;
  reason: string | null;
  at: string;
}

/** The order the history digest covers its entries in: by time, then voter, then content. */
export function historyOrder(entries: readonly VoteHistoryEntry[]): VoteHistoryEntry[] {
  const key = (e: VoteHistoryEntry) => [e.at, e.voterId, e.choice, e.reason ?? ""];
  return [...entries].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}

const byVoter = <T extends { voterId: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0));

/** The electorate and votes in the record's order (by voter id), so equal content seals equally. */
export function sealedLists(electorate: readonly SealedElector[], votes: readonly SealedVote[]) {
  return { electorate: byVoter(electorate), votes: byVoter(votes) };
}

/**
 * The tally of a round from its frozen electorate and its counted votes: eligible delegates per
 * delegation are the electorate's members, and each vote counts under its stated delegation.
 */
export function tallyRound(
  rule: DecisionRule,
  electorate: readonly SealedElector[],
  votes: readonly Pick<SealedVote, "delegation" | "choice">[],
): Tally {
  const eligible: Record<string, number> = {};
  for (const e of electorate) eligible[e.delegation] = (eligible[e.delegation] ?? 0) + 1;
  const counts: Record<string, VoteCounts> = {};
  for (const v of votes) {
    const c = (counts[v.delegation] ??= { approve: 0, reject: 0, abstain: 0 });
    if (v.choice === "APPROVE") c.approve++;
    else if (v.choice === "REJECT") c.reject++;
    else c.abstain++;
  }
  return tally(rule, eligible, counts);
}

/** The figures of each delegation's result that a decision record states and Verify recomputes. */
export const VERIFIED_FIGURES = [
  "approve",
  "reject",
  "abstain",
  "didNotVote",
  "quorumMet",
  "approved",
] as const;
export type VerifiedFigure = (typeof VERIFIED_FIGURES)[number];

/** What a primary row of the database is compared with in the sealed record. */
export const SEALED_FIELDS = [
  "project",
  "revision",
  "round",
  "roundRule",
  "decisionRule",
  "electorate",
  "votes",
  "voteHistory",
  "tallies",
  "outcome",
  "rationale",
  "recordedBy",
  "recordedAt",
] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

/** One disagreement Verify found (put in words by the web, in the reader's language). */
export type VerifyProblem =
  /** The decision has no sealed record (recorded before records were sealed). */
  | { kind: "unsealed" }
  /** The stored record does not hash to the stored hash. */
  | { kind: "recordHash"; computed: string; recorded: string }
  /** The signature does not verify with the signing key. */
  | { kind: "signature" }
  /** The record was signed with another key than this deployment's (or than the one given). */
  | { kind: "signingKey"; recorded: string; expected: string }
  /** The record is not a decision record of this format. */
  | { kind: "malformed"; detail: string }
  /** The revision's content, hashed now, is not what the record states. */
  | { kind: "contentHash"; computed: string; recorded: string }
  /** The hash stored with the revision is not what the record states. */
  | { kind: "storedHash"; stored: string; recorded: string }
  /** A primary row (the decision, the round, its electorate, votes or history) differs from the record. */
  | { kind: "field"; field: SealedField }
  /** A counted vote in the database differs from the record's (or is missing from one side). */
  | { kind: "vote"; voterId: string; what: "missing" | "extra" | "choice" | "reason" | "delegation" | "time" }
  /** A member of the electorate in the database differs from the record's. */
  | { kind: "elector"; voterId: string; what: "missing" | "extra" | "delegation" }
  /** A vote in the record by someone outside the electorate, under another delegation, or twice. */
  | { kind: "voteOutsideElectorate"; voterId: string }
  | { kind: "duplicateVote"; voterId: string }
  | { kind: "invalidRule" }
  /** A delegation's figure; null where the votes give that delegation no result. */
  | {
      kind: "figure";
      delegation: string;
      figure: VerifiedFigure;
      recorded: number | boolean;
      recomputed: number | boolean | null;
    }
  | { kind: "approved"; recorded: boolean; recomputed: boolean }
  /** The votes approve the project; the record states another outcome. */
  | { kind: "outcomeNotApproved"; recorded: DecisionOutcome }
  /** The record states APPROVED; the votes do not approve the project. */
  | { kind: "approvedWithoutVotes" };

export interface VerifyResult {
  verified: boolean;
  /** Each disagreement. Empty when verified. */
  problems: VerifyProblem[];
}

/** Where a recomputed tally and the stated one disagree, figure by figure, and the outcome. */
export function tallyDisagreements(
  stated: { delegations: Record<string, DelegationResult>; approved: boolean },
  outcome: DecisionOutcome,
  recomputed: Tally,
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const [delegation, said] of Object.entries(stated.delegations)) {
    const again = recomputed.delegations[delegation];
    for (const figure of VERIFIED_FIGURES) {
      if (again?.[figure] !== said[figure]) {
        problems.push({
          kind: "figure",
          delegation,
          figure,
          recorded: said[figure],
          recomputed: again?.[figure] ?? null,
        });
      }
    }
  }
  if (recomputed.approved !== stated.approved) {
    problems.push({ kind: "approved", recorded: stated.approved, recomputed: recomputed.approved });
  }
  if (recomputed.approved && outcome !== "APPROVED")
    problems.push({ kind: "outcomeNotApproved", recorded: outcome });
  if (!recomputed.approved && outcome === "APPROVED") problems.push({ kind: "approvedWithoutVotes" });
  return problems;
}

/**
 * A sealed record's own arithmetic, needing nothing else (what `pnpm verify:decision` checks
 * offline): every vote is by a member of the electorate, under their delegation, once; the rule is
 * a valid rule; the tallies follow from the electorate and votes under it; the outcome follows.
 */
export function recordArithmetic(record: SealedRecord): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const delegationOf = new Map(record.electorate.map((e) => [e.voterId, e.delegation]));
  const seen = new Set<string>();
  for (const v of record.votes) {
    if (seen.has(v.voterId)) problems.push({ kind: "duplicateVote", voterId: v.voterId });
    seen.add(v.voterId);
    if (delegationOf.get(v.voterId) !== v.delegation) {
      problems.push({ kind: "voteOutsideElectorate", voterId: v.voterId });
    }
  }
  const rule = DecisionRule.safeParse(record.rule);
  if (!rule.success) return [...problems, { kind: "invalidRule" }];
  return [
    ...problems,
    ...tallyDisagreements(
      record.tallies,
      record.outcome,
      tallyRound(rule.data, record.electorate, record.votes),
    ),
  ];
}

/** What a decision's own row holds that the record seals. */
export interface DecisionRowFacts {
  id: string;
  rule: unknown;
  tallies: unknown;
  outcome: DecisionOutcome;
  rationale: string;
  recordedBy: string;
  recordedAt: string;
  revisionHash: string;
}

/** Everything the record depends on, read from the database's own rows. */
export interface PrimaryFacts {
  decision: DecisionRowFacts;
  project: SealedRecord["project"];
  revision: { id: string; number: number; storedHash: string; computedHash: string };
  round: SealedRecord["round"] & { rule: unknown };
  electorate: SealedElector[];
  votes: SealedVote[];
  voteHistory: SealedRecord["voteHistory"];
}

/** A sealed record made from the primary facts at the time of the decision. */
export function recordFrom(facts: PrimaryFacts): SealedRecord {
  const { electorate, votes } = sealedLists(facts.electorate, facts.votes);
  return {
    format: DECISION_RECORD_FORMAT,
    decisionId: facts.decision.id,
    project: facts.project,
    revision: {
      id: facts.revision.id,
      number: facts.revision.number,
      contentHash: facts.decision.revisionHash,
    },
    round: {
      id: facts.round.id,
      opensAt: facts.round.opensAt,
      closesAt: facts.round.closesAt,
      closedAt: facts.round.closedAt,
    },
    rule: facts.round.rule,
    electorate,
    votes,
    voteHistory: facts.voteHistory,
    tallies: facts.decision.tallies as Tally,
    outcome: facts.decision.outcome,
    rationale: facts.decision.rationale,
    recordedBy: facts.decision.recordedBy,
    recordedAt: facts.decision.recordedAt,
  };
}

/**
 * Every disagreement between a sealed record and the rows it was made from, named precisely: the
 * decision's own columns, the round's rule and times, each elector and each counted vote, the
 * history digest and the revision's content hashed now. The tally recomputed from the rows is
 * compared with the record's too, so a change that keeps the lists but moves the counts is named.
 */
export function primaryDisagreements(
  sealed: SealedRecord,
  facts: PrimaryFacts,
  same: (a: unknown, b: unknown) => boolean,
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const field = (f: SealedField, a: unknown, b: unknown) => {
    if (!same(a, b)) problems.push({ kind: "field", field: f });
  };
  field("project", facts.project, sealed.project);
  field(
    "revision",
    { id: facts.revision.id, number: facts.revision.number },
    { id: sealed.revision.id, number: sealed.revision.number },
  );
  if (facts.revision.computedHash !== sealed.revision.contentHash) {
    problems.push({
      kind: "contentHash",
      computed: facts.revision.computedHash,
      recorded: sealed.revision.contentHash,
    });
  }
  if (facts.revision.storedHash !== sealed.revision.contentHash) {
    problems.push({
      kind: "storedHash",
      stored: facts.revision.storedHash,
      recorded: sealed.revision.contentHash,
    });
  }
  if (facts.decision.revisionHash !== sealed.revision.contentHash)
    field("revision", facts.decision.revisionHash, sealed.revision.contentHash);
  const { rule: roundRule, ...roundTimes } = facts.round;
  field("round", roundTimes, sealed.round);
  field("roundRule", roundRule, sealed.rule);
  field("decisionRule", facts.decision.rule, sealed.rule);

  const sealedElectors = new Map(sealed.electorate.map((e) => [e.voterId, e]));
  const rowElectors = new Map(facts.electorate.map((e) => [e.voterId, e]));
  for (const [voterId, e] of rowElectors) {
    const s = sealedElectors.get(voterId);
    if (!s) problems.push({ kind: "elector", voterId, what: "extra" });
    else if (s.delegation !== e.delegation) problems.push({ kind: "elector", voterId, what: "delegation" });
  }
  for (const voterId of sealedElectors.keys()) {
    if (!rowElectors.has(voterId)) problems.push({ kind: "elector", voterId, what: "missing" });
  }

  const sealedVotes = new Map(sealed.votes.map((v) => [v.voterId, v]));
  const rowVotes = new Map(facts.votes.map((v) => [v.voterId, v]));
  for (const [voterId, v] of rowVotes) {
    const s = sealedVotes.get(voterId);
    if (!s) problems.push({ kind: "vote", voterId, what: "extra" });
    else {
      if (s.choice !== v.choice) problems.push({ kind: "vote", voterId, what: "choice" });
      if (s.reason !== v.reason) problems.push({ kind: "vote", voterId, what: "reason" });
      if (s.delegation !== v.delegation) problems.push({ kind: "vote", voterId, what: "delegation" });
      if (s.at !== v.at) problems.push({ kind: "vote", voterId, what: "time" });
    }
  }
  for (const voterId of sealedVotes.keys()) {
    if (!rowVotes.has(voterId)) problems.push({ kind: "vote", voterId, what: "missing" });
  }

  field("voteHistory", facts.voteHistory, sealed.voteHistory);
  field("tallies", facts.decision.tallies, sealed.tallies);
  field("outcome", facts.decision.outcome, sealed.outcome);
  field("rationale", facts.decision.rationale, sealed.rationale);
  field("recordedBy", facts.decision.recordedBy, sealed.recordedBy);
  field("recordedAt", facts.decision.recordedAt, sealed.recordedAt);

  // The tally the rows give now, against what the decision row states.
  const rule = DecisionRule.safeParse(roundRule);
  if (!rule.success) problems.push({ kind: "invalidRule" });
  else {
    const stated = facts.decision.tallies as Tally;
    if (stated && typeof stated === "object" && stated.delegations) {
      for (const p of tallyDisagreements(
        stated,
        facts.decision.outcome,
        tallyRound(rule.data, facts.electorate, facts.votes),
      )) {
        if (!problems.some((q) => same(q, p))) problems.push(p);
      }
    }
  }
  return problems;
}

/** A counted vote as people read it: who, for which delegation, what, why, and every earlier vote. */
export interface VoteView {
  voterId: string;
  name: string;
  delegation: string;
  choice: VoteChoice;
  reason: string | null;
  at: string;
  history: { choice: VoteChoice; reason: string | null; at: string }[];
}

/** The seal of a record: the record itself, its SHA-256, the signature and the key that made it. */
export interface DecisionSeal {
  record: SealedRecord;
  /** SHA-256 (hex) of the record's canonical JSON (RFC 8785). */
  sha256: string;
  /** Ed25519 signature of the record's canonical JSON, base64. */
  signature: string;
  signingKey: { algorithm: "Ed25519"; fingerprint: string; publicKey: string };
}

/**
 * A recorded decision as `review.decision` returns it, which is also its export: what people read
 * (titles, names, reasons) beside the sealed record that another government verifies offline.
 */
export interface DecisionRecord {
  id: string;
  project: { id: string; reference: string; title: { en: string; ja: string } };
  revision: { id: string; number: number; contentHash: string };
  rule: DecisionRule;
  delegations: Record<string, DelegationResult>;
  approved: boolean;
  outcome: DecisionOutcome;
  rationale: string;
  recordedBy: { id: string; name: string };
  recordedAt: string;
  votes: VoteView[];
  /** Null for a decision recorded before records were sealed. */
  seal: DecisionSeal | null;
}

/** The export as `pnpm verify:decision` reads it: only what it checks is required. */
export const DecisionExport = z.looseObject({
  id: z.string(),
  outcome: DecisionOutcome,
  rationale: z.string(),
  seal: z
    .object({
      record: z.unknown(),
      sha256,
      signature: z.string(),
      signingKey: z.looseObject({
        algorithm: z.literal("Ed25519"),
        fingerprint: z.string(),
        publicKey: z.string(),
      }),
    })
    .nullable(),
});
