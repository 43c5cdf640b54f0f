import { z } from "zod";
import { DomainError } from "./errors.js";

// The decision rule of DESIGN.md §6, as one pure function over counts (the database counts).

export const APPROVAL_RULES = ["MORE_APPROVE_THAN_REJECT", "TWO_THIRDS_OF_CAST"] as const;

const code = z.string().regex(/^[A-Z]{2,8}$/);

export const DecisionRule = z
  .object({
    /** Delegations whose votes are counted. */
    countedDelegations: z.array(code).min(1, "Count at least one delegation."),
    /**
     * Delegations that must each reach quorum and approve: at least one (with none, every() of
     * nothing would approve a project that every delegate rejected).
     */
    requiredDelegations: z
      .array(code)
      .min(1, "Require at least one delegation: with none, the rule would approve whatever the votes."),
    /** Share of a delegation's delegates who must vote (abstaining counts as voting). */
    quorum: z.number().gt(0, "Quorum is more than 0.").max(1, "Quorum is at most 1."),
    approval: z.enum(APPROVAL_RULES).default("MORE_APPROVE_THAN_REJECT"),
  })
  .strict()
  .refine((r) => r.requiredDelegations.every((d) => r.countedDelegations.includes(d)), {
    message: "Every required delegation must also be counted.",
    path: ["requiredDelegations"],
  });
export type DecisionRule = z.output<typeof DecisionRule>;

/**
 * DESIGN.md §6 defaults: every delegation with delegates counts, US and JP required (every counted
 * delegation when neither has delegates), half must vote. Null when no delegation has delegates:
 * there is nobody to decide, and a round cannot open.
 */
export function defaultRule(delegationsWithDelegates: readonly string[]): DecisionRule | null {
  const counted = [...new Set(delegationsWithDelegates)].sort();
  if (counted.length === 0) return null;
  const founding = ["US", "JP"].filter((d) => counted.includes(d));
  return {
    countedDelegations: counted,
    requiredDelegations: founding.length > 0 ? founding : counted,
    quorum: 0.5,
    approval: "MORE_APPROVE_THAN_REJECT",
  };
}

/**
 * A rule fits a round's frozen electorate when every required delegation has someone who may vote
 * for it: otherwise the round could never approve, whatever happened.
 */
export function checkRuleElectorate(rule: DecisionRule, electorate: Readonly<Record<string, number>>): void {
  const empty = rule.requiredDelegations.filter((d) => !(electorate[d] ?? 0));
  if (empty.length > 0) {
    throw new DomainError(
      "VALIDATION",
      `${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} required but ${empty.length === 1 ? "has" : "have"} no delegate in this round's electorate: the round could never approve.`,
    );
  }
}

export interface VoteCounts {
  approve: number;
  reject: number;
  abstain: number;
}

export interface DelegationResult extends VoteCounts {
  /** Delegates who could vote. */
  eligible: number;
  didNotVote: number;
  required: boolean;
  quorumMet: boolean;
  approved: boolean;
}

export interface Tally {
  delegations: Record<string, DelegationResult>;
  /** Every required delegation reached quorum and approved. */
  approved: boolean;
}

/** Whether cast votes approve under `rule` (abstentions never count). */
function approves(rule: DecisionRule["approval"], v: VoteCounts): boolean {
  if (rule === "TWO_THIRDS_OF_CAST") {
    const cast = v.approve + v.reject;
    return cast > 0 && 3 * v.approve >= 2 * cast;
  }
  return v.approve > v.reject;
}

/**
 * Tallies a round from counts: `electorate[code]` delegates could vote, `votes[code]` is what
 * they cast (the last vote of each delegate). Votes of delegations that are not counted are ignored.
 */
export function tally(
  rule: DecisionRule,
  electorate: Readonly<Record<string, number>>,
  votes: Readonly<Record<string, VoteCounts>>,
): Tally {
  const delegations: Record<string, DelegationResult> = {};
  for (const d of rule.countedDelegations) {
    const v = votes[d] ?? { approve: 0, reject: 0, abstain: 0 };
    const eligible = electorate[d] ?? 0;
    const voted = v.approve + v.reject + v.abstain;
    // Compared with a tolerance far below one vote, so 0.07 × 100 (7.000000000000001) needs 7 votes.
    const quorumMet = eligible > 0 && voted >= rule.quorum * eligible - 1e-9;
    delegations[d] = {
      ...v,
      eligible,
      didNotVote: Math.max(0, eligible - voted),
      required: rule.requiredDelegations.includes(d),
      quorumMet,
      approved: quorumMet && approves(rule.approval, v),
    };
  }
  const approved = rule.requiredDelegations.every((d) => delegations[d]?.approved === true);
  return { delegations, approved };
}
