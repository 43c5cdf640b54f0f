import { describe, expect, it } from "vitest";
import type { DelegationResult, Tally } from "./decision.js";
import {
  primaryDisagreements,
  recordArithmetic,
  recordFrom,
  tallyDisagreements,
  tallyRound,
  type PrimaryFacts,
} from "./decision-record.js";
import type { DecisionRule } from "./decision.js";

const result = (r: Partial<DelegationResult>): DelegationResult => ({
  approve: 2,
  reject: 0,
  abstain: 0,
  eligible: 3,
  didNotVote: 1,
  required: true,
  quorumMet: true,
  approved: true,
  ...r,
});
const tallyOf = (delegations: Record<string, DelegationResult>): Tally => ({
  delegations,
  approved: Object.values(delegations).every((d) => !d.required || d.approved),
});
const HASH = "a".repeat(64);

describe("tallyDisagreements", () => {
  const stated = { delegations: { JP: result({}), US: result({}) }, approved: true };
  it("finds nothing when the stated tally is the recomputed one", () => {
    expect(tallyDisagreements(stated, "APPROVED", tallyOf({ JP: result({}), US: result({}) }))).toEqual([]);
  });

  it("names every figure of a delegation that the votes no longer give, and the overall result", () => {
    const changed = result({ approve: 1, reject: 1, quorumMet: true, approved: false });
    expect(tallyDisagreements(stated, "APPROVED", tallyOf({ JP: changed, US: result({}) }))).toEqual([
      { kind: "figure", delegation: "JP", figure: "approve", recorded: 2, recomputed: 1 },
      { kind: "figure", delegation: "JP", figure: "reject", recorded: 0, recomputed: 1 },
      { kind: "figure", delegation: "JP", figure: "approved", recorded: true, recomputed: false },
      { kind: "approved", recorded: true, recomputed: false },
      { kind: "approvedWithoutVotes" },
    ]);
  });

  it("says when a stated delegation has no result in the recomputed tally", () => {
    const problems = tallyDisagreements(stated, "APPROVED", tallyOf({ US: result({}) }));
    expect(problems).toHaveLength(6);
    expect(problems[0]).toEqual({
      kind: "figure",
      delegation: "JP",
      figure: "approve",
      recorded: 2,
      recomputed: null,
    });
  });

  it("says when the votes approve but the record states another outcome", () => {
    expect(tallyDisagreements(stated, "REJECTED", tallyOf({ JP: result({}), US: result({}) }))).toEqual([
      { kind: "outcomeNotApproved", recorded: "REJECTED" },
    ]);
  });
});

const RULE: DecisionRule = {
  countedDelegations: ["JP", "US"],
  requiredDelegations: ["JP", "US"],
  quorum: 0.5,
  approval: "MORE_APPROVE_THAN_REJECT",
};
const electorate = [
  { voterId: "u1", delegation: "US" },
  { voterId: "u2", delegation: "US" },
  { voterId: "j1", delegation: "JP" },
];
const at = "2026-12-01T09:00:00.000Z";
const votes = [
  { voterId: "u1", delegation: "US", choice: "APPROVE" as const, reason: null, at },
  { voterId: "u2", delegation: "US", choice: "REJECT" as const, reason: "Water plan is thin.", at },
  { voterId: "j1", delegation: "JP", choice: "APPROVE" as const, reason: null, at },
];
function facts(): PrimaryFacts {
  const tallies = tallyRound(RULE, electorate, [...votes.slice(0, 1), ...votes.slice(2)]);
  return {
    decision: {
      id: "d1",
      rule: RULE,
      tallies,
      outcome: "APPROVED",
      rationale: "Both founding delegations approve.",
      recordedBy: "c1",
      recordedAt: at,
      revisionHash: HASH,
    },
    project: { id: "p1", reference: "LD-0001" },
    revision: { id: "r1", number: 1, storedHash: HASH, computedHash: HASH },
    round: { id: "round1", opensAt: at, closesAt: at, closedAt: at, rule: RULE },
    electorate,
    votes: [votes[0]!, votes[2]!],
    voteHistory: { entries: 2, sha256: "b".repeat(64) },
  };
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe("a sealed record's own arithmetic", () => {
  it("holds for a record made from its facts", () => {
    expect(recordArithmetic(recordFrom(facts()))).toEqual([]);
  });

  it("names a vote outside the electorate, a vote under another delegation, a second vote, and a bad rule", () => {
    const record = recordFrom(facts());
    expect(
      recordArithmetic({
        ...record,
        votes: [...record.votes, { ...votes[1]!, voterId: "stranger" }, { ...votes[0]!, delegation: "JP" }],
      }),
    ).toEqual(
      expect.arrayContaining([
        { kind: "voteOutsideElectorate", voterId: "stranger" },
        { kind: "duplicateVote", voterId: "u1" },
        { kind: "voteOutsideElectorate", voterId: "u1" },
      ]),
    );
    expect(recordArithmetic({ ...record, rule: { ...RULE, requiredDelegations: [] } })).toEqual([
      { kind: "invalidRule" },
    ]);
  });

  it("names tallies that do not follow from the listed votes", () => {
    const record = recordFrom(facts());
    const tallies = JSON.parse(JSON.stringify(record.tallies)) as typeof record.tallies;
    tallies.delegations.US!.approve = 0;
    expect(recordArithmetic({ ...record, tallies })).toContainEqual({
      kind: "figure",
      delegation: "US",
      figure: "approve",
      recorded: 0,
      recomputed: 1,
    });
  });
});

describe("primaryDisagreements", () => {
  it("finds nothing when the rows are what was sealed", () => {
    expect(primaryDisagreements(recordFrom(facts()), facts(), same)).toEqual([]);
  });

  it("names each changed row precisely", () => {
    const sealed = recordFrom(facts());
    const f = facts();
    f.decision.rationale = "Something else.";
    f.decision.recordedBy = "c2";
    f.round.rule = { ...RULE, quorum: 1 };
    f.voteHistory = { entries: 1, sha256: "c".repeat(64) };
    f.revision.computedHash = "d".repeat(64);
    f.votes = [{ ...votes[0]!, voterId: "u2" }, votes[2]!];
    f.electorate = electorate.slice(1);
    const problems = primaryDisagreements(sealed, f, same);
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: "field", field: "rationale" },
        { kind: "field", field: "recordedBy" },
        { kind: "field", field: "roundRule" },
        { kind: "field", field: "voteHistory" },
        { kind: "contentHash", computed: "d".repeat(64), recorded: HASH },
        { kind: "vote", voterId: "u2", what: "extra" },
        { kind: "vote", voterId: "u1", what: "missing" },
        { kind: "elector", voterId: "u1", what: "missing" },
      ]),
    );
  });
});
