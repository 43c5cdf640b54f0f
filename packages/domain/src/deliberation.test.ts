import { describe, expect, it } from "vitest";
import type { DelegationResult, Tally } from "./decision.js";
import { decisionDisagreements } from "./deliberation.js";

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
const agreeing = {
  record: { delegations: { JP: result({}), US: result({}) }, approved: true, outcome: "APPROVED" as const },
  recordedHash: HASH,
  computedHash: HASH,
  storedHash: HASH,
  recomputed: tallyOf({ JP: result({}), US: result({}) }),
};

describe("decisionDisagreements", () => {
  it("finds nothing when the record agrees with the hashes and the recomputed tally", () => {
    expect(decisionDisagreements(agreeing)).toEqual([]);
  });

  it("names each hash that differs from the recorded one", () => {
    expect(
      decisionDisagreements({ ...agreeing, computedHash: "b".repeat(64), storedHash: "c".repeat(64) }),
    ).toEqual([
      { kind: "contentHash", computed: "b".repeat(64), recorded: HASH },
      { kind: "storedHash", stored: "c".repeat(64), recorded: HASH },
    ]);
  });

  it("names every figure of a delegation that the stored votes no longer give, and the overall result", () => {
    const changed = result({ approve: 1, reject: 1, quorumMet: true, approved: false });
    expect(
      decisionDisagreements({ ...agreeing, recomputed: tallyOf({ JP: changed, US: result({}) }) }),
    ).toEqual([
      { kind: "figure", delegation: "JP", figure: "approve", recorded: 2, recomputed: 1 },
      { kind: "figure", delegation: "JP", figure: "reject", recorded: 0, recomputed: 1 },
      { kind: "figure", delegation: "JP", figure: "approved", recorded: true, recomputed: false },
      { kind: "approved", recorded: true, recomputed: false },
      { kind: "approvedWithoutVotes" },
    ]);
  });

  it("says when a recorded delegation has no result in the recomputed tally", () => {
    const problems = decisionDisagreements({ ...agreeing, recomputed: tallyOf({ US: result({}) }) });
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
    expect(
      decisionDisagreements({ ...agreeing, record: { ...agreeing.record, outcome: "REJECTED" } }),
    ).toEqual([{ kind: "outcomeNotApproved", recorded: "REJECTED" }]);
  });

  it("stops at an invalid recorded rule, after the hash checks", () => {
    expect(decisionDisagreements({ ...agreeing, storedHash: "d".repeat(64), recomputed: null })).toEqual([
      { kind: "storedHash", stored: "d".repeat(64), recorded: HASH },
      { kind: "invalidRule" },
    ]);
  });
});
