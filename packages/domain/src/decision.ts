import { z } from "zod";

// The decision rule of DESIGN.md §6, as one pure function over counts (the database counts).

export const APPROVAL_RULES = ["MORE_APPROVE_THAN_REJECT", "TWO_THIRDS_OF_CAST"] as const;

const code = z.string().regex(/^[A-Z]{2,8}$/);

export const DecisionRule = z
  .object({
    /** Delegations whose votes are counted. */
    countedDelegations: z.array(code).min(1, "Count at least one delegation."),
    /** Delegations that must each reach quorum and approve. */
    requiredDelegations: z.array(code),
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

/** DESIGN.md §6 defaults: every delegation with delegates counts, US and JP required, half must vote. */
export function defaultRule(delegationsWithDelegates: readonly string[]): DecisionRule {
  const counted = [...new Set(delegationsWithDelegates)].sort();
  return {
    countedDelegations: counted,
    requiredDelegations: ["US", "JP"].filter((d) => counted.includes(d)),
    quorum: 0.5,
    approval: "MORE_APPROVE_THAN_REJECT",
  };
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
