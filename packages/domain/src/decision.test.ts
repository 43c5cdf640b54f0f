import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DecisionRule,
  checkRuleElectorate,
  defaultRule,
  tally,
  type DecisionRule as Rule,
  type Tally,
} from "./decision.js";
import type { VoteChoice } from "./enums.js";

// A brute-force reference: walks every individual ballot, as a person counting by hand would.
interface Ballot {
  delegation: string;
  choice: VoteChoice | null; // null: did not vote
}
function referenceTally(rule: Rule, ballots: Ballot[]): Tally {
  const delegations: Tally["delegations"] = {};
  for (const d of rule.countedDelegations) {
    let approve = 0,
      reject = 0,
      abstain = 0,
      eligible = 0;
    for (const b of ballots) {
      if (b.delegation !== d) continue;
      eligible++;
      if (b.choice === "APPROVE") approve++;
      if (b.choice === "REJECT") reject++;
      if (b.choice === "ABSTAIN") abstain++;
    }
    const voted = approve + reject + abstain;
    // Quorum as a fraction compared exactly: voted / eligible >= quorum.
    const quorumMet = eligible > 0 && voted / eligible >= rule.quorum - 1e-12;
    let approvesByRule: boolean;
    if (rule.approval === "TWO_THIRDS_OF_CAST") {
      approvesByRule = approve + reject > 0 && approve / (approve + reject) >= 2 / 3 - 1e-12;
    } else {
      approvesByRule = approve > reject;
    }
    delegations[d] = {
      approve,
      reject,
      abstain,
      eligible,
      didNotVote: eligible - voted,
      required: rule.requiredDelegations.includes(d),
      quorumMet,
      approved: quorumMet && approvesByRule,
    };
  }
  let approved = true;
  for (const d of rule.requiredDelegations) if (!delegations[d]?.approved) approved = false;
  return { delegations, approved };
}

const CODES = ["US", "JP", "AU", "IN", "KR"] as const;
const ruleArb = fc
  .record({
    counted: fc.subarray([...CODES], { minLength: 1 }),
    requiredPick: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    quorum: fc.constantFrom(0.25, 0.35, 0.5, 0.55, 0.6, 2 / 3, 0.7, 0.75, 1),
    approval: fc.constantFrom("MORE_APPROVE_THAN_REJECT" as const, "TWO_THIRDS_OF_CAST" as const),
  })
  .map(({ counted, requiredPick, quorum, approval }) => ({
    countedDelegations: counted,
    requiredDelegations: counted.filter((_, i) => requiredPick[i]),
    quorum,
    approval,
  }));
const ballotsArb = fc.array(
  fc.record({
    delegation: fc.constantFrom(...CODES),
    choice: fc.constantFrom<VoteChoice | null>("APPROVE", "REJECT", "ABSTAIN", null),
  }),
  { maxLength: 60 },
);

function countsOf(ballots: Ballot[]) {
  const electorate: Record<string, number> = {};
  const votes: Record<string, { approve: number; reject: number; abstain: number }> = {};
  for (const b of ballots) {
    electorate[b.delegation] = (electorate[b.delegation] ?? 0) + 1;
    const v = (votes[b.delegation] ??= { approve: 0, reject: 0, abstain: 0 });
    if (b.choice === "APPROVE") v.approve++;
    if (b.choice === "REJECT") v.reject++;
    if (b.choice === "ABSTAIN") v.abstain++;
  }
  return { electorate, votes };
}

describe("tally", () => {
  it("agrees with counting every ballot by hand, for any rule and any ballots", () => {
    fc.assert(
      fc.property(ruleArb, ballotsArb, (rule, ballots) => {
        const { electorate, votes } = countsOf(ballots);
        expect(tally(rule, electorate, votes)).toEqual(referenceTally(rule, ballots));
      }),
      { numRuns: 2000 },
    );
  });

  it("never approves when a required delegation misses quorum, whatever the others do", () => {
    fc.assert(
      fc.property(ruleArb, ballotsArb, (rule, ballots) => {
        const { electorate, votes } = countsOf(ballots);
        const result = tally(rule, electorate, votes);
        const missed = rule.requiredDelegations.some((d) => !result.delegations[d]?.quorumMet);
        if (missed) expect(result.approved).toBe(false);
      }),
    );
  });

  it("ignores abstentions for approval but counts them for quorum", () => {
    const rule = defaultRule(["US", "JP"])!;
    const r = tally(
      rule,
      { US: 4, JP: 2 },
      {
        US: { approve: 1, reject: 0, abstain: 1 },
        JP: { approve: 0, reject: 0, abstain: 1 },
      },
    );
    expect(r.delegations.US).toMatchObject({ quorumMet: true, approved: true, didNotVote: 2 });
    expect(r.delegations.JP).toMatchObject({ quorumMet: true, approved: false });
    expect(r.approved).toBe(false);
  });

  it("treats a tie as not approved, and exactly half as quorum", () => {
    const rule = defaultRule(["US", "JP"])!;
    const r = tally(
      rule,
      { US: 2, JP: 2 },
      {
        US: { approve: 1, reject: 0, abstain: 0 },
        JP: { approve: 1, reject: 1, abstain: 0 },
      },
    );
    expect(r.delegations.US).toMatchObject({ quorumMet: true, approved: true });
    expect(r.delegations.JP).toMatchObject({ quorumMet: true, approved: false });
  });

  it("reaches a 7% quorum with 7 of 100 delegates despite floating point (0.07 × 100 > 7)", () => {
    const rule = { ...defaultRule(["US"])!, quorum: 0.07 };
    const r = tally(rule, { US: 100 }, { US: { approve: 7, reject: 0, abstain: 0 } });
    expect(r.delegations.US?.quorumMet).toBe(true);
  });

  it("requires US and JP by default, counting every delegation with delegates", () => {
    expect(defaultRule(["IN", "US", "AU", "JP", "US"])).toEqual({
      countedDelegations: ["AU", "IN", "JP", "US"],
      requiredDelegations: ["US", "JP"],
      quorum: 0.5,
      approval: "MORE_APPROVE_THAN_REJECT",
    });
  });

  it("requires every counted delegation when neither US nor JP has delegates, and has no rule without delegates", () => {
    expect(defaultRule(["IN", "AU"])).toMatchObject({
      countedDelegations: ["AU", "IN"],
      requiredDelegations: ["AU", "IN"],
    });
    expect(defaultRule([])).toBeNull();
  });

  it("refuses a rule that requires no delegation (it would approve whatever the votes)", () => {
    const parsed = DecisionRule.safeParse({
      countedDelegations: ["US", "JP"],
      requiredDelegations: [],
      quorum: 0.5,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at least one delegation/);
  });

  it("checks that every required delegation has someone in the round's electorate", () => {
    const rule = defaultRule(["US", "JP"])!;
    expect(() => checkRuleElectorate(rule, { US: 2, JP: 1 })).not.toThrow();
    expect(() => checkRuleElectorate(rule, { US: 2 })).toThrow(/JP is required but has no delegate/);
  });

  it("refuses a rule requiring a delegation it does not count", () => {
    const parsed = DecisionRule.safeParse({
      countedDelegations: ["US"],
      requiredDelegations: ["JP"],
      quorum: 0.5,
    });
    expect(parsed.success).toBe(false);
  });
});
