import { inTransaction, type Tx } from "@lodestone/db/client";
import { revisionContentHash } from "@lodestone/db/content-hash";
import { recordAudit } from "@lodestone/db/repositories/audit";
import { addTimelineEvent, setStatusIfVersion } from "@lodestone/db/repositories/project";
import * as review from "@lodestone/db/repositories/review";
import { canSeeProject } from "@lodestone/domain/access";
import { DecisionRule, defaultRule, tally, type Tally } from "@lodestone/domain/decision";
import {
  checkRoundOpen,
  decisionDisagreements,
  decisionOutcome,
  roundChangedWhileVoting,
  type CastVoteInput,
  type CloseRoundInput,
  type DecisionRecord,
  type OpenRoundInput,
  type VerifyResult,
} from "@lodestone/domain/deliberation";
import { DomainError } from "@lodestone/domain/errors";
import { transition } from "@lodestone/domain/lifecycle";
import type { z } from "zod";
import type { Context, SignedInContext } from "../../context.js";
import { assertVisible, visibleProject, visibleProjectRecord } from "../project/service.js";

type In<T> = { ctx: SignedInContext; input: T };

async function roundFor(tx: Tx, ctx: SignedInContext, roundId: string) {
  const found = await review.getRound(tx, roundId);
  if (!found) throw new DomainError("NOT_FOUND", "There is no such review round.");
  return { round: found.round, project: assertVisible(ctx, found.project) };
}

/** A coordinator opens a round on a submitted project, binding its current revision. */
export function openRound({ ctx, input }: In<z.output<typeof OpenRoundInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProjectRecord(tx, ctx, input.projectId);
    const status = transition(project.status, "openRound");
    if (!project.currentRevision)
      throw new DomainError("INVALID_STATE", "This project has no submitted revision.");
    if (input.closesAt <= ctx.now())
      throw new DomainError("VALIDATION", "Choose a closing time in the future.");
    const electorate = await review.electorate(tx);
    const rule = input.rule ?? defaultRule(Object.keys(electorate));
    const round = await review.createRound(tx, {
      projectId: project.id,
      revisionId: project.currentRevision.id,
      rule,
      closesAt: input.closesAt,
      openedById: ctx.user.id,
    });
    if (!(await setStatusIfVersion(tx, project.id, project.version, { status }))) {
      throw new DomainError("CONFLICT", "The project changed while the round was being opened. Try again.");
    }
    await addTimelineEvent(tx, {
      projectId: project.id,
      actorId: ctx.user.id,
      type: "round_opened",
      data: {
        roundId: round.id,
        revision: project.currentRevision.number,
        closesAt: input.closesAt.toISOString(),
      },
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review_round.opened",
      entityType: "ReviewRound",
      entityId: round.id,
      after: { projectId: project.id, rule, closesAt: input.closesAt.toISOString() },
      requestId: ctx.requestId,
    });
    return round;
  });
}

/** The rule may change until the first vote. */
export function updateRule({ ctx, input }: In<{ roundId: string; rule: DecisionRule }>) {
  return inTransaction(ctx.db, async (tx) => {
    const { round } = await roundFor(tx, ctx, input.roundId);
    checkRoundOpen(round, ctx.now());
    if (!(await review.updateRuleIfNoVotes(tx, round.id, input.rule))) {
      throw new DomainError("CONFLICT", "Votes have been cast: the rule of this round can no longer change.");
    }
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review_round.rule_changed",
      entityType: "ReviewRound",
      entityId: round.id,
      before: round.rule,
      after: input.rule,
      requestId: ctx.requestId,
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
export async function castVote({ ctx, input }: In<z.output<typeof CastVoteInput>>) {
  const { round } = await roundFor(ctx.db.prisma, ctx, input.roundId);
  checkRoundOpen(round, ctx.now());
  const delegation = ctx.user.delegation;
  if (!delegation || !round.rule.countedDelegations.includes(delegation)) {
    throw new DomainError("FORBIDDEN", "Your delegation does not vote in this round.");
  }
  const cast = await review.castVote(ctx.db.prisma, {
    roundId: round.id,
    voterId: ctx.user.id,
    delegation,
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
  const [electorate, votes] = await Promise.all([review.electorate(tx), review.voteCounts(tx, roundId)]);
  return tally(rule, electorate, votes);
}

/**
 * A round as the caller may see it: results are hidden from a delegate until they have voted and
 * from partners until the round closes.
 */
export async function getRound({ ctx, input }: In<{ roundId: string }>) {
  const tx = ctx.db.prisma;
  const { round } = await roundFor(tx, ctx, input.roundId);
  const myVote = ctx.user.role === "DELEGATE" ? await review.getVote(tx, round.id, ctx.user.id) : null;
  const open = round.status === "OPEN" && round.closesAt > ctx.now();
  const resultsVisible =
    !open ||
    ctx.user.role === "COORDINATOR" ||
    ctx.user.role === "ADMIN" ||
    (ctx.user.role === "DELEGATE" && myVote !== null);
  const revision = await review.getRevisionRef(tx, round.revisionId);
  return {
    id: round.id,
    projectId: round.projectId,
    revision,
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
    hasDecision: round.hasDecision,
    decisionId: round.decisionId,
  };
}

export async function listRounds({ ctx, input }: In<{ id: string }>) {
  await visibleProject(ctx.db.prisma, ctx, input.id);
  const rounds = await review.listRounds(ctx.db.prisma, input.id);
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

/**
 * Closes the round (now, if it is still open) and records the decision: the tally from the pure
 * rule, the coordinator's rationale, the outcome; the project moves accordingly.
 */
export function closeRound({ ctx, input }: In<z.output<typeof CloseRoundInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { round, project } = await roundFor(tx, ctx, input.roundId);
    if (round.hasDecision) throw new DomainError("CONFLICT", "This round's decision is already recorded.");
    await review.closeRoundIfOpen(tx, round.id, ctx.now(), ctx.user.id);
    const result = await currentTally(tx, round.rule, round.id);
    const outcome = decisionOutcome(result.approved, input.ifNotApproved);
    const event = outcome === "APPROVED" ? "approve" : outcome === "REJECTED" ? "reject" : "requestChanges";
    const status = transition(project.status, event);
    const revision = await review.getRevisionRef(tx, round.revisionId);
    const decisionId = await review.createDecision(tx, {
      roundId: round.id,
      projectId: project.id,
      revisionId: revision.id,
      revisionHash: revision.contentHash,
      rule: round.rule,
      tallies: result,
      outcome,
      rationale: input.rationale,
      recordedById: ctx.user.id,
      recordedAt: ctx.now(),
    });
    if (!(await setStatusIfVersion(tx, project.id, project.version, { status }))) {
      throw new DomainError(
        "CONFLICT",
        "The project changed while the decision was being recorded. Try again.",
      );
    }
    await addTimelineEvent(tx, {
      projectId: project.id,
      actorId: ctx.user.id,
      type: "decision_recorded",
      data: { roundId: round.id, decisionId, outcome, from: project.status, to: status },
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "decision.recorded",
      entityType: "Decision",
      entityId: decisionId,
      before: { status: project.status },
      after: { status, outcome, tallies: result },
      requestId: ctx.requestId,
    });
    return { decisionId, outcome, results: result };
  });
}

function toRecord(d: review.DecisionRow): DecisionRecord {
  const t = d.tallies as unknown as Tally;
  return {
    id: d.id,
    project: {
      id: d.project.id,
      reference: d.project.reference,
      title: { en: d.project.titleEn, ja: d.project.titleJa },
    },
    revision: { id: d.revision.id, number: d.revision.number, contentHash: d.revisionHash },
    rule: d.rule as unknown as DecisionRecord["rule"],
    delegations: t.delegations,
    approved: t.approved,
    outcome: d.outcome,
    rationale: d.rationale,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
  };
}

async function decisionFor(tx: Tx, ctx: SignedInContext, decisionId: string) {
  const d = await review.getDecision(tx, decisionId);
  if (!d || !canSeeProject(ctx.user, d.project))
    throw new DomainError("NOT_FOUND", "There is no such decision.");
  return d;
}

export async function getDecision({ ctx, input }: In<{ decisionId: string }>): Promise<DecisionRecord> {
  return toRecord(await decisionFor(ctx.db.prisma, ctx, input.decisionId));
}

/**
 * Recomputes the outcome from the stored votes and rule (with the electorate the record froze)
 * and checks the revision's hash; says exactly what disagrees.
 */
export async function verifyDecision({ ctx, input }: In<{ decisionId: string }>): Promise<VerifyResult> {
  const tx = ctx.db.prisma;
  const d = await decisionFor(tx, ctx, input.decisionId);
  const record = toRecord(d);
  const rule = DecisionRule.safeParse(record.rule);
  // The electorate the record froze: who could vote then, not now.
  const electorate = Object.fromEntries(Object.entries(record.delegations).map(([c, r]) => [c, r.eligible]));
  const problems = decisionDisagreements({
    record,
    recordedHash: d.revisionHash,
    computedHash: revisionContentHash(d.revision.content),
    storedHash: d.revision.contentHash,
    recomputed: rule.success ? tally(rule.data, electorate, await review.voteCounts(tx, d.roundId)) : null,
  });
  return { verified: problems.length === 0, problems };
}

/** Closes due rounds (votes stop); run periodically by every API instance. */
export async function sweepDueRounds(ctx: Pick<Context, "db" | "now">) {
  return inTransaction(ctx.db, async (tx) => {
    const closed = await review.closeDueRounds(tx, ctx.now());
    for (const r of closed) {
      await addTimelineEvent(tx, {
        projectId: r.projectId,
        actorId: null,
        type: "round_closed",
        data: { roundId: r.id },
      });
      await recordAudit(tx, {
        actorId: null,
        action: "review_round.closed_at_time",
        entityType: "ReviewRound",
        entityId: r.id,
      });
    }
    return closed.map((r) => r.id);
  });
}
