import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DecisionRule, tally } from "./decision.js";

// An independent reference for the decision rule of DESIGN.md §6, written from the text of the rule
// and not from the implementation: it takes raw, unvalidated rules and works in integers only
// (quorum as a fraction of whole numbers, two thirds as 3a ≥ 2(a+r)), person by person.
//
//   "which delegations count … quorum per delegation (at least the given share of its delegates
//    voted; abstaining counts as voting) … approval per delegation (more APPROVE than REJECT, or
//    two thirds of the cast APPROVE/REJECT votes) … the project is approved only when every required
//    delegation reached quorum and approved; a rule names at least one required delegation."

type Choice = "APPROVE" | "REJECT" | "ABSTAIN" | "NONE";
interface Person {
  delegation: string;
  choice: Choice;
}
interface RawRule {
  counted: string[];
  required: string[];
  /** Quorum as num/den. */
  num: number;
  den: number;
  twoThirds: boolean;
}

type Verdict =
  { refused: true } | { refused: false; approved: boolean; perDelegation: Record<string, boolean> };

function referenceVerdict(rule: RawRule, people: Person[]): Verdict {
  if (rule.required.length === 0) return { refused: true };
  for (const r of rule.required) if (!rule.counted.includes(r)) return { refused: true };
  const perDelegation: Record<string, boolean> = {};
  for (const d of rule.counted) {
    const members = people.filter((p) => p.delegation === d);
    const a = members.filter((p) => p.choice === "APPROVE").length;
    const r = members.filter((p) => p.choice === "REJECT").length;
    const voted = members.filter((p) => p.choice !== "NONE").length;
    // voted / members ≥ num / den, in integers, and nobody to vote means no quorum.
    const quorum = members.length > 0 && voted * rule.den >= rule.num * members.length;
    const approves = rule.twoThirds ? a + r > 0 && 3 * a >= 2 * (a + r) : a > r;
    perDelegation[d] = quorum && approves;
  }
  let approved = true;
  for (const d of rule.required) approved = approved && perDelegation[d] === true;
  return { refused: false, approved, perDelegation };
}

const CODES = ["US", "JP", "AU", "IN", "KR"];
const QUORUMS: [number, number][] = [
  [1, 4],
  [1, 3],
  [1, 2],
  [3, 5],
  [2, 3],
  [3, 4],
  [1, 1],
];
const rawRule = fc.record({
  counted: fc.subarray(CODES, { minLength: 1 }),
  // Any subset of all codes: empty and uncounted required delegations are generated on purpose.
  required: fc.subarray(CODES),
  quorum: fc.constantFrom(...QUORUMS),
  twoThirds: fc.boolean(),
});
const people = fc.array(
  fc.record({
    delegation: fc.constantFrom(...CODES),
    choice: fc.constantFrom<Choice>("APPROVE", "REJECT", "ABSTAIN", "NONE"),
  }),
  { maxLength: 40 },
);

describe("the decision rule against an independent reference", () => {
  it("refuses the same rules and reaches the same verdicts, delegation by delegation", () => {
    fc.assert(
      fc.property(rawRule, people, ({ counted, required, quorum: [num, den], twoThirds }, crowd) => {
        const expected = referenceVerdict({ counted, required, num, den, twoThirds }, crowd);
        const parsed = DecisionRule.safeParse({
          countedDelegations: counted,
          requiredDelegations: required,
          quorum: num / den,
          approval: twoThirds ? "TWO_THIRDS_OF_CAST" : "MORE_APPROVE_THAN_REJECT",
        });
        expect(!parsed.success).toBe(expected.refused);
        if (!parsed.success || expected.refused) return;
        const electorate: Record<string, number> = {};
        const votes: Record<string, { approve: number; reject: number; abstain: number }> = {};
        for (const p of crowd) {
          electorate[p.delegation] = (electorate[p.delegation] ?? 0) + 1;
          const v = (votes[p.delegation] ??= { approve: 0, reject: 0, abstain: 0 });
          if (p.choice === "APPROVE") v.approve++;
          if (p.choice === "REJECT") v.reject++;
          if (p.choice === "ABSTAIN") v.abstain++;
        }
        const result = tally(parsed.data, electorate, votes);
        expect(result.approved).toBe(expected.approved);
        for (const d of counted) expect(result.delegations[d]?.approved).toBe(expected.perDelegation[d]);
      }),
      { numRuns: 3000 },
    );
  });

  it("never approves under a rule with no required delegation: such a rule is refused", () => {
    const everyoneRejects = [
      { delegation: "US", choice: "REJECT" as const },
      { delegation: "JP", choice: "REJECT" as const },
    ];
    expect(
      referenceVerdict(
        { counted: ["US", "JP"], required: [], num: 1, den: 2, twoThirds: false },
        everyoneRejects,
      ),
    ).toEqual({ refused: true });
    expect(
      DecisionRule.safeParse({ countedDelegations: ["US", "JP"], requiredDelegations: [], quorum: 0.5 })
        .success,
    ).toBe(false);
  });
});
