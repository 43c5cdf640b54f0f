import { randomUUID } from "node:crypto";
import { inTransaction, type Tx } from "@lodestone/db/client";
import { revisionContentHash } from "@lodestone/db/content-hash";
import { canonicalJson, sameJson, sealProblems, sealRecord, sha256Hex } from "@lodestone/db/decision-seal";
import { recordEvent } from "@lodestone/db/repositories/events";
import { enterSequence } from "../gates/service.js";
import { setStatusIfVersion } from "@lodestone/db/repositories/project";
import * as review from "@lodestone/db/repositories/review";
import { canSeeProject, may } from "@lodestone/domain/access";
import type { DecisionRule } from "@lodestone/domain/decision";
import { checkRuleElectorate, defaultRule, tally, type Tally } from "@lodestone/domain/decision";
import {
  historyOrder,
  primaryDisagreements,
  recordArithmetic,
  recordFrom,
  SealedRecord,
  tallyRound,
  type DecisionRecord,
  type PrimaryFacts,
  type VerifyProblem,
  type VerifyResult,
  type VoteView,
} from "@lodestone/domain/decision-record";
import {
  canReadVotes,
  canSeeResults,
  checkRoundOpen,
  decisionOutcome,
  isRoundOpen,
  roundChangedWhileVoting,
  type CastVoteInput,
  type CloseRoundInput,
  type ListVotesInput,
  type OpenRoundInput,
} from "@lodestone/domain/deliberation";
import { DomainError } from "@lodestone/domain/errors";
import { OUTCOME_EVENT, transition } from "@lodestone/domain/lifecycle";
import type { z } from "zod";
import type { Context, SignedInContext, UseCase } from "../../context.js";
import { assertVisible, projectChange, visibleProject, visibleProjectRecord } from "../project/service.js";

async function roundFor(tx: Tx, ctx: SignedInContext, roundId: string) {
  const found = await review.getRound(tx, roundId, ctx.user.id);
  if (!found) throw new DomainError("NOT_FOUND", "There is no such review round.");
  return { round: found.round, project: assertVisible(ctx, found.project) };
}

/** A coordinator opens a round on a submitted project, binding its current revision. */
export function openRound({ ctx, input }: UseCase<z.output<typeof OpenRoundInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProjectRecord(tx, ctx, input.projectId);
    const status = transition(project.status, "openRound");
    if (!project.currentRevision)
      throw new DomainError("INVALID_STATE", "This project has no submitted revision.");
    if (input.closesAt <= ctx.now())
      throw new DomainError("VALIDATION", "Choose a closing time in the future.");
    const rule = input.rule ?? defaultRule(Object.keys(await review.electorate(tx)));
    if (!rule)
      throw new DomainError("INVALID_STATE", "No delegation has an active delegate: nobody could vote.");
    const round = await review.createRound(tx, {
      projectId: project.id,
      revisionId: project.currentRevision.id,
      rule,
      closesAt: input.closesAt,
      openedById: ctx.user.id,
    });
    const electorate = await review.electorateCounts(tx, round.id);
    checkRuleElectorate(rule, electorate);
    if (!(await setStatusIfVersion(tx, project.id, project.version, { status }))) {
      throw new DomainError("CONFLICT", "The project changed while the round was being opened. Try again.");
    }
    await recordEvent(tx, {
      type: "review_round.opened",
      ...roundChange(ctx, project.id, round.id),
      data: {
        roundId: round.id,
        revision: project.currentRevision.number,
        closesAt: input.closesAt.toISOString(),
      },
      audit: {
        after: { projectId: project.id, rule, closesAt: input.closesAt.toISOString(), electorate },
      },
    });
    return round;
  });
}

function roundChange(ctx: SignedInContext, projectId: string, roundId: string) {
  return { ...projectChange(ctx, projectId), subject: { type: "ReviewRound" as const, id: roundId } };
}

/** The rule may change until the first vote. */
export function updateRule({ ctx, input }: UseCase<{ roundId: string; rule: DecisionRule }>) {
  return inTransaction(ctx.db, async (tx) => {
    const { round } = await roundFor(tx, ctx, input.roundId);
    checkRoundOpen(round, ctx.now());
    checkRuleElectorate(input.rule, await review.electorateCounts(tx, round.id));
    if (!(await review.updateRuleIfNoVotes(tx, round.id, input.rule))) {
      throw new DomainError("CONFLICT", "Votes have been cast: the rule of this round can no longer change.");
    }
    await recordEvent(tx, {
      type: "review_round.rule_changed",
      ...roundChange(ctx, round.projectId, round.id),
      data: { roundId: round.id },
      audit: { before: round.rule, after: input.rule },
    });
    return { ...round, rule: input.rule };
  });
}

/**
 * A delegate casts or changes their vote; the last one counts, every one is kept. The rules are
 * checked on the round as read; the vote, its history and its audit event are then written by
 * one statement that checks again that the round is open and counts the delegation (the hottest
 * write of the product: one statement instead of a transaction of five).
 */
export async function castVote({ ctx, input }: UseCase<z.output<typeof CastVoteInput>>) {
  const { round } = await roundFor(ctx.db.prisma, ctx, input.roundId);
  checkRoundOpen(round, ctx.now());
  // The electorate was frozen when the round opened: who votes, and for which delegation.
  const delegation = round.electorDelegation;
  if (!delegation) {
    throw new DomainError(
      "FORBIDDEN",
      "You are not in this round's electorate: it was fixed when the round opened, before you could vote.",
    );
  }
  if (!round.rule.countedDelegations.includes(delegation)) {
    throw new DomainError("FORBIDDEN", "Your delegation does not vote in this round.");
  }
  const cast = await review.castVote(ctx.db.prisma, {
    roundId: round.id,
    voterId: ctx.user.id,
    choice: input.choice,
    reason: input.reason,
    at: ctx.now(),
    requestId: ctx.requestId,
  });
  // The round closed (or its rule changed) between the checks above and the vote.
  if (!cast) throw roundChangedWhileVoting();
  return { choice: input.choice, changed: cast.changed };
}

async function currentTally(tx: Tx, rule: DecisionRule, roundId: string): Promise<Tally> {
  const [electorate, votes] = await Promise.all([
    review.electorateCounts(tx, roundId),
    review.voteCounts(tx, roundId),
  ]);
  return tally(rule, electorate, votes);
}

/**
 * A round as the caller may see it: results are hidden from a delegate until they have voted and
 * from partners until the round closes.
 */
export async function getRound({ ctx, input }: UseCase<{ roundId: string }>) {
  const tx = ctx.db.prisma;
  const { round } = await roundFor(tx, ctx, input.roundId);
  const myVote = may(ctx.user.role, "round.vote") ? await review.getVote(tx, round.id, ctx.user.id) : null;
  const open = isRoundOpen(round, ctx.now());
  const resultsVisible = canSeeResults(ctx.user, open, myVote !== null);
  const revision = await review.getRevisionRef(tx, round.revisionId);
  const electors = await review.listElectors(tx, round.id);
  const byDelegation: Record<string, number> = {};
  for (const e of electors) byDelegation[e.delegation] = (byDelegation[e.delegation] ?? 0) + 1;
  return {
    id: round.id,
    projectId: round.projectId,
    revision: { id: revision.id, number: revision.number, contentHash: revision.contentHash },
    status: open ? ("OPEN" as const) : ("CLOSED" as const),
    rule: round.rule,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    voters: round.voteCount,
    myVote: myVote
      ? { choice: myVote.choice, reason: myVote.reason, at: myVote.updatedAt.toISOString() }
      : null,
    myVoteHistory: myVote ? await review.voteHistory(tx, round.id, ctx.user.id) : [],
    results: resultsVisible ? await currentTally(tx, round.rule, round.id) : null,
    /** The electorate frozen when the round opened: its size per delegation, and how many have left or moved since. */
    electorate: {
      byDelegation,
      changedSince: electors.filter((e) => e.changedSince).length,
      includesMe: round.electorDelegation !== null,
    },
    reasonsVisible: canReadVotes(ctx.user, open),
    hasDecision: round.hasDecision,
    decisionId: round.decisionId,
  };
}

/** Counted votes with their reasons and history, as `VoteView`s. */
async function voteViews(tx: Tx, roundId: string, page: { after?: string | null; limit?: number } = {}) {
  const votes = await review.countedVotes(tx, roundId, page);
  const history = votes.length
    ? await review.roundHistory(
        tx,
        roundId,
        votes.map((v) => v.voterId),
      )
    : [];
  return votes.map((v): VoteView => ({
    voterId: v.voterId,
    name: v.name,
    delegation: v.delegation,
    choice: v.choice,
    reason: v.reason,
    at: v.at.toISOString(),
    history: history
      .filter((h) => h.voterId === v.voterId)
      .map((h) => ({ choice: h.choice, reason: h.reason, at: h.at.toISOString() })),
  }));
}

/**
 * Every counted vote of a round with its reason and history: for coordinators at once, and for
 * everyone who may see the project once the round has closed.
 */
export async function listVotes({ ctx, input }: UseCase<z.output<typeof ListVotesInput>>) {
  const tx = ctx.db.prisma;
  const { round } = await roundFor(tx, ctx, input.roundId);
  if (!canReadVotes(ctx.user, isRoundOpen(round, ctx.now()))) {
    throw new DomainError(
      "FORBIDDEN",
      "Votes and their reasons are shown to everyone once the round closes.",
    );
  }
  const items = await voteViews(tx, round.id, { after: input.cursor, limit: input.limit + 1 });
  const more = items.length > input.limit;
  const page = more ? items.slice(0, input.limit) : items;
  return { items: page, nextCursor: more ? page.at(-1)!.voterId : null };
}

export async function listRounds({ ctx, input }: UseCase<{ projectId: string }>) {
  await visibleProject(ctx.db.prisma, ctx, input.projectId);
  const rounds = await review.listRounds(ctx.db.prisma, input.projectId);
  return rounds.map((r) => ({
    id: r.id,
    status: r.status,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    voters: r.voteCount,
    hasDecision: r.hasDecision,
    decisionId: r.decisionId,
  }));
}

/** What a round's record holds of its electorate, votes and history, read from their rows. */
async function roundFacts(tx: Tx, roundId: string) {
  const [electors, votes, history] = await Promise.all([
    review.listElectors(tx, roundId),
    review.countedVotes(tx, roundId),
    review.roundHistory(tx, roundId),
  ]);
  const entries = historyOrder(history.map((h) => ({ ...h, at: h.at.toISOString() })));
  return {
    electorate: electors.map((e) => ({ voterId: e.voterId, delegation: e.delegation })),
    votes: votes.map((v) => ({
      voterId: v.voterId,
      delegation: v.delegation,
      choice: v.choice,
      reason: v.reason,
      at: v.at.toISOString(),
    })),
    voteHistory: { entries: entries.length, sha256: sha256Hex(canonicalJson(entries)) },
  };
}

const roundTimes = (r: { id: string; opensAt: Date; closesAt: Date; closedAt: Date | null }) => ({
  id: r.id,
  opensAt: r.opensAt.toISOString(),
  closesAt: r.closesAt.toISOString(),
  closedAt: (r.closedAt ?? r.closesAt).toISOString(),
});

/**
 * Closes the round (now, if it is still open) and records the decision: the tally from the pure
 * rule over the frozen electorate and the counted votes, the coordinator's rationale, the outcome,
 * sealed (canonical JSON, SHA-256, Ed25519 signature); the project moves accordingly.
 */
export function closeRound({ ctx, input }: UseCase<z.output<typeof CloseRoundInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { round, project } = await roundFor(tx, ctx, input.roundId);
    if (round.hasDecision) throw new DomainError("CONFLICT", "This round's decision is already recorded.");
    await review.closeRoundIfOpen(tx, round.id, ctx.now(), ctx.user.id);
    const closed = (await review.getRound(tx, round.id))!.round;
    const facts = await roundFacts(tx, round.id);
    const result = tallyRound(round.rule, facts.electorate, facts.votes);
    const outcome = decisionOutcome(result.approved, input.ifNotApproved);
    const event = OUTCOME_EVENT[outcome];
    const status = transition(project.status, event);
    const revision = await review.getRevisionRef(tx, round.revisionId);
    const decisionId = randomUUID();
    const recordedAt = ctx.now();
    const record = recordFrom({
      ...facts,
      decision: {
        id: decisionId,
        rule: round.rule,
        tallies: result,
        outcome,
        rationale: input.rationale,
        recordedBy: ctx.user.id,
        recordedAt: recordedAt.toISOString(),
        revisionHash: revision.contentHash,
      },
      project: { id: project.id, reference: revision.project.reference },
      revision: {
        id: revision.id,
        number: revision.number,
        storedHash: revision.contentHash,
        computedHash: revision.contentHash,
      },
      round: { ...roundTimes(closed), rule: round.rule },
    });
    const seal = sealRecord(record, ctx.signer);
    await review.createDecision(tx, {
      id: decisionId,
      roundId: round.id,
      projectId: project.id,
      revisionId: revision.id,
      revisionHash: revision.contentHash,
      rule: round.rule,
      tallies: result,
      outcome,
      rationale: input.rationale,
      recordedById: ctx.user.id,
      recordedAt,
      record: seal.text,
      recordHash: seal.sha256,
      signature: seal.signature,
      signingKeyFingerprint: seal.fingerprint,
    });
    if (!(await setStatusIfVersion(tx, project.id, project.version, { status }))) {
      throw new DomainError(
        "CONFLICT",
        "The project changed while the decision was being recorded. Try again.",
      );
    }
    // An approved project enters its stage's gate sequence (DESIGN.md §12).
    if (status === "APPROVED") await enterSequence(tx, project.id, recordedAt);
    await recordEvent(tx, {
      type: "decision.recorded",
      ...roundChange(ctx, project.id, round.id),
      subject: { type: "Decision", id: decisionId },
      data: { roundId: round.id, decisionId, outcome, from: project.status, to: status },
      audit: {
        before: { status: project.status },
        after: { status, outcome, tallies: result, recordHash: seal.sha256 },
      },
    });
    return { decisionId, outcome, results: result };
  });
}

async function decisionFor(tx: Tx, ctx: SignedInContext, decisionId: string) {
  const d = await review.getDecision(tx, decisionId);
  if (!d || !canSeeProject(ctx.user, d.project))
    throw new DomainError("NOT_FOUND", "There is no such decision.");
  return d;
}

/** The record of a decision, which is also its export: what people read beside the sealed record. */
export async function getDecision({ ctx, input }: UseCase<{ decisionId: string }>): Promise<DecisionRecord> {
  const tx = ctx.db.prisma;
  const d = await decisionFor(tx, ctx, input.decisionId);
  const t = d.tallies as unknown as Tally;
  return {
    id: d.id,
    project: {
      id: d.project.id,
      reference: d.project.reference,
      title: { en: d.project.titleEn, ja: d.project.titleJa },
    },
    revision: { id: d.revision.id, number: d.revision.number, contentHash: d.revisionHash },
    rule: d.rule as unknown as DecisionRule,
    delegations: t.delegations,
    approved: t.approved,
    outcome: d.outcome,
    rationale: d.rationale,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
    votes: await voteViews(tx, d.roundId),
    seal: exportedSeal(storedSeal(ctx, d)),
  };
}

function exportedSeal(stored: ReturnType<typeof storedSeal>): DecisionRecord["seal"] {
  if (!stored) return null;
  const { text, ...seal } = stored;
  return { ...seal, record: JSON.parse(text) as SealedRecord };
}

/** A decision's stored seal with this deployment's public key; null for a decision recorded before sealing. */
function storedSeal(ctx: SignedInContext, d: review.DecisionRow) {
  if (!d.record || !d.recordHash || !d.signature || !d.signingKeyFingerprint) return null;
  return {
    text: d.record,
    sha256: d.recordHash,
    signature: d.signature,
    signingKey: {
      algorithm: "Ed25519" as const,
      fingerprint: d.signingKeyFingerprint,
      publicKey: ctx.signer.publicKey,
    },
  };
}

/** Problems once each (the record's own arithmetic and the rows can name the same figure). */
function distinct(problems: VerifyProblem[]): VerifyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = canonicalJson(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Verifies a recorded decision: the sealed record's hash and signature (with this deployment's
 * key), its own arithmetic, and every primary row it was made from — the decision's columns, the
 * round's rule and electorate, the votes and their history, the revision's content hashed now.
 * Names each disagreement.
 */
export async function verifyDecision({ ctx, input }: UseCase<{ decisionId: string }>): Promise<VerifyResult> {
  const tx = ctx.db.prisma;
  const d = await decisionFor(tx, ctx, input.decisionId);
  const seal = storedSeal(ctx, d);
  if (!seal) return { verified: false, problems: [{ kind: "unsealed" }] };
  const problems: VerifyProblem[] = sealProblems(seal);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(seal.text);
  } catch {
    // Named below as malformed.
  }
  const sealed = SealedRecord.safeParse(parsed);
  if (!sealed.success) {
    problems.push({ kind: "malformed", detail: sealed.error.issues[0]?.message ?? "not JSON" });
    return { verified: false, problems };
  }
  const record = sealed.data as SealedRecord;
  const facts: PrimaryFacts = {
    ...(await roundFacts(tx, d.roundId)),
    decision: {
      id: d.id,
      rule: d.rule,
      tallies: d.tallies,
      outcome: d.outcome,
      rationale: d.rationale,
      recordedBy: d.recordedBy.id,
      recordedAt: d.recordedAt.toISOString(),
      revisionHash: d.revisionHash,
    },
    project: { id: d.project.id, reference: d.project.reference },
    revision: {
      id: d.revision.id,
      number: d.revision.number,
      storedHash: d.revision.contentHash,
      computedHash: revisionContentHash(d.revision.content),
    },
    round: { ...roundTimes(d.round), rule: d.round.rule },
  };
  problems.push(...recordArithmetic(record), ...primaryDisagreements(record, facts, sameJson));
  const all = distinct(problems);
  return { verified: all.length === 0, problems: all };
}

/** The public half of the deployment's decision key, for whoever checks a record. */
export function getSigningKey(ctx: Pick<Context, "signer">) {
  return {
    algorithm: "Ed25519" as const,
    fingerprint: ctx.signer.fingerprint,
    publicKey: ctx.signer.publicKey,
  };
}

/** Closes due rounds (votes stop); run periodically by every API instance. */
export async function sweepDueRounds(ctx: Pick<Context, "db" | "now">) {
  return inTransaction(ctx.db, async (tx) => {
    const closed = await review.closeDueRounds(tx, ctx.now());
    for (const r of closed) {
      await recordEvent(tx, {
        type: "review_round.closed_at_time",
        actorId: null,
        requestId: null,
        subject: { type: "ReviewRound", id: r.id },
        projectId: r.projectId,
        data: { roundId: r.id },
      });
    }
    return closed.map((r) => r.id);
  });
}
