import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "./access.js";
import { canSeeDocument } from "./documents.js";
import {
  EMPTY_BALANCES,
  UNDRAWN_BUCKETS,
  addStacks,
  applyMove,
  balancesOf,
  canRecordFunding,
  committedFundingUsd,
  facilityAccess,
  facilityStateOf,
  fundingDueDate,
  gapUsd,
  iatiCodeOf,
  iatiValueOf,
  movementOf,
  programmeStanding,
  stackOf,
  type Balances,
  type LedgerMove,
} from "./funding.js";
import { FUNDING_BUCKETS, INSTRUMENTS, LEDGER_ENTRY_KINDS, type Instrument } from "./vocabulary.js";

const sum = (b: Balances) => FUNDING_BUCKETS.reduce((t, k) => t + b[k], 0);

const moveArb: fc.Arbitrary<LedgerMove> = fc.record({
  kind: fc.constantFrom(...LEDGER_ENTRY_KINDS.filter((k) => k !== "PLEDGE")),
  amount: fc.integer({ min: -5_000, max: 5_000 }).filter((n) => n !== 0),
  bucket: fc.constantFrom(...UNDRAWN_BUCKETS),
});

/** Applies what the rules accept of `moves` after a pledge: the ledger as it would be recorded. */
function record(pledge: number, moves: LedgerMove[], instrument: Instrument) {
  const accepted: LedgerMove[] = [{ kind: "PLEDGE", amount: pledge }];
  let b = applyMove({ ...EMPTY_BALANCES }, accepted[0]!, instrument, true);
  for (const m of moves) {
    try {
      b = applyMove(b, m, instrument, false);
      accepted.push(m);
    } catch {
      // refused: the ledger is unchanged
    }
  }
  return { b, accepted };
}

describe("the funding ledger", () => {
  it("moves a $465M letter through approval, an amendment to $565M, commitment and tranches", () => {
    const moves: LedgerMove[] = [
      { kind: "PLEDGE", amount: 465 },
      { kind: "AMENDMENT", amount: 100, bucket: "PLEDGED" },
      { kind: "APPROVAL", amount: 565 },
      { kind: "COMMITMENT", amount: 565 },
      { kind: "DISBURSEMENT", amount: 200 },
      { kind: "DISBURSEMENT", amount: 150 },
      { kind: "REPAYMENT", amount: 50 },
    ];
    const b = balancesOf(moves, "LOAN");
    expect(b).toEqual({ PLEDGED: 0, APPROVED: 0, COMMITTED: 215, DISBURSED: 300, REPAID: 50, CANCELLED: 0 });
    expect(facilityStateOf(b)).toBe("DISBURSED");
    const stack = stackOf(b, 1);
    expect(stack).toEqual({ pledgedUsd: 0, committedUsd: 215, disbursedUsd: 350 });
    expect(committedFundingUsd(stack)).toBe(565);
    expect(gapUsd(stack, 1000)).toBe(435);
  });

  it("reads each state from where the money stands", () => {
    expect(facilityStateOf(balancesOf([{ kind: "PLEDGE", amount: 10 }], "GRANT"))).toBe("PLEDGED");
    const approved = balancesOf(
      [
        { kind: "PLEDGE", amount: 10 },
        { kind: "APPROVAL", amount: 10 },
      ],
      "GRANT",
    );
    expect(facilityStateOf(approved)).toBe("APPROVED");
    const cancelled = applyMove(
      approved,
      { kind: "CANCELLATION", amount: 10, bucket: "APPROVED" },
      "GRANT",
      false,
    );
    expect(facilityStateOf(cancelled)).toBe("CANCELLED");
    const repaid = balancesOf(
      [
        { kind: "PLEDGE", amount: 10 },
        { kind: "APPROVAL", amount: 10 },
        { kind: "COMMITMENT", amount: 10 },
        { kind: "DISBURSEMENT", amount: 10 },
        { kind: "REPAYMENT", amount: 10 },
      ],
      "LOAN",
    );
    expect(facilityStateOf(repaid)).toBe("REPAID");
  });

  it("refuses more than a bucket holds, a second pledge, a first entry that is no pledge, and repaying equity", () => {
    const pledged = balancesOf([{ kind: "PLEDGE", amount: 10 }], "EQUITY");
    expect(() => applyMove(pledged, { kind: "APPROVAL", amount: 11 }, "EQUITY", false)).toThrow(
      /Only 10 is pledged/,
    );
    expect(() => applyMove(pledged, { kind: "PLEDGE", amount: 1 }, "EQUITY", false)).toThrow(/amend it/);
    expect(() => applyMove({ ...EMPTY_BALANCES }, { kind: "APPROVAL", amount: 1 }, "EQUITY", true)).toThrow(
      /starts with its pledge/,
    );
    expect(() =>
      applyMove({ ...pledged, DISBURSED: 5 }, { kind: "REPAYMENT", amount: 1 }, "EQUITY", false),
    ).toThrow(/Only loans/);
    expect(() =>
      applyMove(pledged, { kind: "AMENDMENT", amount: -11, bucket: "PLEDGED" }, "LOAN", false),
    ).toThrow(/Only 10/);
  });

  it("property: totals by state equal the sum of the entries, and no state is ever negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(moveArb, { maxLength: 40 }),
        fc.constantFrom(...INSTRUMENTS),
        (pledge, moves, instrument) => {
          const { b, accepted } = record(pledge, moves, instrument);
          for (const k of FUNDING_BUCKETS) expect(b[k]).toBeGreaterThanOrEqual(0);
          // Each bucket is what entered it less what left it, entry by entry.
          const expected: Balances = { ...EMPTY_BALANCES };
          for (const m of accepted) {
            const { from, to } = movementOf(m);
            if (from) expected[from] -= Math.abs(m.amount);
            if (to) expected[to] += Math.abs(m.amount);
          }
          expect(b).toEqual(expected);
          // Money is neither made nor lost: the buckets hold the pledge and the amendments.
          const amended = accepted.filter((m) => m.kind === "AMENDMENT").reduce((t, m) => t + m.amount, 0);
          expect(sum(b)).toBe(pledge + amended);
          expect(balancesOf(accepted, instrument)).toEqual(b);
        },
      ),
    );
  });

  it("property: a cancellation takes back exactly what it cancels", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(moveArb, { maxLength: 30 }),
        fc.constantFrom(...UNDRAWN_BUCKETS),
        (pledge, moves, bucket) => {
          const { b } = record(pledge, moves, "LOAN");
          if (b[bucket] === 0) return;
          const after = applyMove(b, { kind: "CANCELLATION", amount: b[bucket], bucket }, "LOAN", false);
          expect(after[bucket]).toBe(0);
          expect(after.CANCELLED - b.CANCELLED).toBe(b[bucket]);
          for (const k of FUNDING_BUCKETS) if (k !== bucket && k !== "CANCELLED") expect(after[k]).toBe(b[k]);
          expect(sum(after)).toBe(sum(b));
        },
      ),
    );
  });

  it("property: a project's stack is the sum of its facilities' and the gap never negative", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 1e6 }),
            fc.array(moveArb, { maxLength: 10 }),
            fc.double({ min: 0.001, max: 2, noNaN: true }),
          ),
          {
            maxLength: 6,
          },
        ),
        fc.integer({ min: 0, max: 1e7 }),
        (facilities, capex) => {
          const stacks = facilities.map(([p, m, r]) => stackOf(record(p, m, "LOAN").b, r));
          const total = addStacks(stacks);
          expect(total.committedUsd).toBe(stacks.reduce((t, s) => t + s.committedUsd, 0));
          expect(gapUsd(total, capex)).toBeGreaterThanOrEqual(0);
          expect(gapUsd(total, capex)).toBe(
            Math.max(0, capex - total.pledgedUsd - total.committedUsd - total.disbursedUsd),
          );
        },
      ),
    );
  });

  it("gives every entry its IATI transaction code and signed value", () => {
    expect(iatiCodeOf({ kind: "PLEDGE", amount: 1 }, "LOAN")).toBe(12);
    expect(iatiCodeOf({ kind: "COMMITMENT", amount: 1 }, "LOAN")).toBe(2);
    expect(iatiCodeOf({ kind: "COMMITMENT", amount: 1 }, "GUARANTEE")).toBe(10);
    expect(iatiCodeOf({ kind: "DISBURSEMENT", amount: 1 }, "LOAN")).toBe(3);
    expect(iatiCodeOf({ kind: "DISBURSEMENT", amount: 1 }, "EQUITY")).toBe(8);
    expect(iatiCodeOf({ kind: "REPAYMENT", amount: 1 }, "LOAN")).toBe(6);
    expect(iatiCodeOf({ kind: "CANCELLATION", amount: 5, bucket: "COMMITTED" }, "LOAN")).toBe(2);
    expect(iatiValueOf({ kind: "CANCELLATION", amount: 5, bucket: "COMMITTED" })).toBe(-5);
    expect(iatiValueOf({ kind: "AMENDMENT", amount: -5, bucket: "PLEDGED" })).toBe(-5);
  });

  it("shows a confidential facility to its financier's delegation, its financier and coordinators only", () => {
    const project = { status: "APPROVED" as const, organisationId: "org-p", submittedAt: new Date() };
    const access = facilityAccess({
      confidential: true,
      financierDelegation: "JP",
      financierId: "jbic",
      recordedById: "u-rec",
    });
    const actor = (a: Partial<Actor>): Actor => ({
      id: "x",
      role: "DELEGATE",
      delegation: null,
      organisationId: null,
      ...a,
    });
    expect(canSeeDocument(actor({ delegation: "JP" }), project, access)).toBe(true);
    expect(canSeeDocument(actor({ delegation: "US" }), project, access)).toBe(false);
    expect(canSeeDocument(actor({ role: "COORDINATOR" }), project, access)).toBe(true);
    expect(canSeeDocument(actor({ role: "PARTNER", organisationId: "org-p" }), project, access)).toBe(false);
    expect(canSeeDocument(actor({ role: "PARTNER", organisationId: "jbic" }), project, access)).toBe(true);
    const open = facilityAccess({
      confidential: false,
      financierDelegation: "JP",
      financierId: "jbic",
      recordedById: "u",
    });
    expect(canSeeDocument(actor({ role: "PARTNER", organisationId: "org-p" }), project, open)).toBe(true);
  });

  it("lets coordinators record any funding and delegates their own delegation's", () => {
    const d = (delegation: string | null, role: Actor["role"] = "DELEGATE"): Actor => ({
      id: "x",
      role,
      delegation,
      organisationId: null,
    });
    expect(canRecordFunding(d(null, "COORDINATOR"), { delegation: "US" })).toBe(true);
    expect(canRecordFunding(d("US"), { delegation: "US" })).toBe(true);
    expect(canRecordFunding(d("JP"), { delegation: "US" })).toBe(false);
    expect(canRecordFunding(d("JP"), { delegation: null })).toBe(false);
    expect(canRecordFunding(d("US", "PARTNER"), { delegation: "US" })).toBe(false);
    expect(canRecordFunding(d("US", "ADMIN"), { delegation: "US" })).toBe(false);
  });

  it("stands a programme against its pledge and deadline; funding falls due 45 days after selection", () => {
    const s = programmeStanding(
      { amountUsd: 550_000_000_000, deadline: "2029-01-19" },
      { pledgedUsd: 1e9, committedUsd: 2e9, disbursedUsd: 5e8 },
      "2026-12-06",
    );
    expect(s).toEqual({ allocatedUsd: 3.5e9, unallocatedUsd: 546.5e9, daysLeft: 775 });
    expect(fundingDueDate("2026-12-20", 45)).toBe("2027-02-03");
  });
});
