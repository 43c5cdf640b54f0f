import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "./access.js";
import {
  GATE_ACTIONS,
  GATE_TEMPLATES,
  GateActionInput,
  SetSequenceInput,
  canEditSequence,
  canStart,
  currentGateOf,
  gateTransition,
  mayTakeGateAction,
  passProblems,
  signatoriesOf,
  signingPartyOf,
  submitProblems,
  type GateFacts,
} from "./gates.js";
import { GATE_STATES, SUPPLY_CHAIN_STAGES, type GateState } from "./vocabulary.js";

const actor = (a: Partial<Actor>): Actor => ({
  id: "u",
  role: "DELEGATE",
  delegation: null,
  organisationId: null,
  ...a,
});

const ready: GateFacts = {
  kind: "BANKABLE_FEASIBILITY",
  state: "SUBMITTED",
  evidence: [{ kind: "FEASIBILITY_STUDY", versionId: "v1" }],
  checklist: [{ done: true }],
  signOffs: [
    { delegation: null, userId: "coord" },
    { delegation: "JP", userId: "jp-1" },
    { delegation: "US", userId: "us-1" },
  ],
};
const designated = new Map([
  ["JP", "jp-1"],
  ["US", "us-1"],
]);
const signatories = signatoriesOf(["US", "JP"], designated);
const noFunding = { committedUsd: 0, capexUsd: 0 };

describe("stage gates", () => {
  it("has a template for every supply-chain stage, each ending in ramp-up with the investment decision before construction", () => {
    for (const stage of SUPPLY_CHAIN_STAGES) {
      const kinds = GATE_TEMPLATES[stage].map((t) => t.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds.at(-1)).toBe("RAMP_UP");
      expect(kinds.indexOf("FINAL_INVESTMENT_DECISION")).toBeLessThan(kinds.indexOf("CONSTRUCTION"));
      for (const t of GATE_TEMPLATES[stage]) expect(t.evidence.length).toBeGreaterThan(0);
    }
    expect(GATE_TEMPLATES.MINING.map((t) => t.kind)).not.toEqual(GATE_TEMPLATES.RECYCLING.map((t) => t.kind));
  });

  it("moves through the states by the transition table and refuses the rest with a plain reason", () => {
    expect(gateTransition("NOT_STARTED", "start")).toBe("IN_PROGRESS");
    expect(gateTransition("IN_PROGRESS", "submit")).toBe("SUBMITTED");
    expect(gateTransition("SUBMITTED", "return")).toBe("IN_PROGRESS");
    expect(gateTransition("SUBMITTED", "pass")).toBe("PASSED");
    expect(gateTransition("IN_PROGRESS", "waive")).toBe("WAIVED");
    expect(gateTransition("SUBMITTED", "fail")).toBe("FAILED");
    expect(gateTransition("FAILED", "reopen")).toBe("IN_PROGRESS");
    expect(() => gateTransition("IN_PROGRESS", "pass")).toThrow(
      "A gate that is in progress cannot be passed.",
    );
    expect(() => gateTransition("PASSED", "waive")).toThrow(/passed cannot be waived/);
  });

  it("property: passed and waived gates are final; every action either moves to a state or refuses", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GATE_STATES),
        fc.constantFrom(...GATE_ACTIONS),
        (state: GateState, action) => {
          let to: GateState | null = null;
          try {
            to = gateTransition(state, action);
          } catch (e) {
            expect((e as { code: string }).code).toBe("INVALID_STATE");
          }
          if (state === "PASSED" || state === "WAIVED") expect(to).toBeNull();
          if (to !== null) expect(GATE_STATES).toContain(to);
        },
      ),
    );
  });

  it("passes with evidence, checklist and the coordinator's and each sponsoring delegation's designated delegate's sign-offs", () => {
    expect(passProblems(ready, signatories, noFunding)).toEqual([]);
    const missing = passProblems(
      {
        ...ready,
        evidence: [{ kind: "FEASIBILITY_STUDY", versionId: null }],
        checklist: [{ done: false }],
        signOffs: [ready.signOffs[1]!],
      },
      signatories,
      noFunding,
    );
    expect(missing.map((p) => [p.reason, p.field])).toEqual([
      ["evidence", "FEASIBILITY_STUDY"],
      ["checklist", "checklist"],
      ["signOff", "COORDINATOR"],
      ["signOff", "US"],
    ]);
    // A sign-off by someone no longer designated does not count; nobody designated is its own problem.
    const replaced = signatoriesOf(["US", "JP"], new Map([["JP", "jp-2"]]));
    expect(passProblems(ready, replaced, noFunding).map((p) => [p.reason, p.field])).toEqual([
      ["signOff", "JP"],
      ["designate", "US"],
    ]);
  });

  it("property: a gate passes exactly when nothing is missing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { maxLength: 4 }),
        fc.subarray(ready.signOffs as GateFacts["signOffs"][number][]),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (evidence, checklist, signOffs, committed, capex) => {
          const gate: GateFacts = {
            kind: "FINAL_INVESTMENT_DECISION",
            state: "SUBMITTED",
            evidence: evidence.map((has, i) => ({
              kind: i ? "BOARD_RESOLUTION" : "FINANCING_AGREEMENT",
              versionId: has ? "v" : null,
            })),
            checklist: checklist.map((done) => ({ done })),
            signOffs,
          };
          const complete =
            evidence.every(Boolean) &&
            checklist.every(Boolean) &&
            signOffs.length === 3 &&
            committed >= capex;
          expect(
            passProblems(gate, signatories, { committedUsd: committed, capexUsd: capex }).length === 0,
          ).toBe(complete);
        },
      ),
    );
  });

  it("holds the final investment decision while committed funding is below the capex", () => {
    const fid = { ...ready, kind: "FINAL_INVESTMENT_DECISION" as const };
    expect(passProblems(fid, signatories, { committedUsd: 99, capexUsd: 100 })).toEqual([
      expect.objectContaining({
        reason: "funding",
        message: "Committed funding (US$99) is below the capex (US$100).",
      }),
    ]);
    expect(passProblems(fid, signatories, { committedUsd: 100, capexUsd: 100 })).toEqual([]);
  });

  it("submits with evidence and checklist, before any sign-off", () => {
    expect(submitProblems({ ...ready, signOffs: [] })).toEqual([]);
    expect(submitProblems({ ...ready, checklist: [{ done: false }] })).toHaveLength(1);
  });

  it("names who signs for whom: coordinators for the coordinator, designated delegates for their delegation", () => {
    expect(signingPartyOf(actor({ role: "COORDINATOR" }), signatories)).toBeNull();
    expect(signingPartyOf(actor({ id: "jp-1", delegation: "JP" }), signatories)).toBe("JP");
    expect(signingPartyOf(actor({ id: "jp-9", delegation: "JP" }), signatories)).toBeUndefined();
    expect(signingPartyOf(actor({ role: "PARTNER" }), signatories)).toBeUndefined();
  });

  it("lets the project's organisation submit but only coordinators decide", () => {
    const partner = actor({ role: "PARTNER", organisationId: "org" });
    expect(mayTakeGateAction(partner, "submit", "org")).toBe(true);
    expect(mayTakeGateAction(partner, "submit", "other")).toBe(false);
    expect(mayTakeGateAction(partner, "pass", "org")).toBe(false);
    expect(mayTakeGateAction(actor({ role: "COORDINATOR" }), "waive", "org")).toBe(true);
    expect(mayTakeGateAction(actor({}), "start", "org")).toBe(false);
  });

  it("takes gates in order, finds the current one, and edits the sequence only before work starts", () => {
    const gates = [
      { id: "a", position: 0, state: "PASSED" as GateState },
      { id: "b", position: 1, state: "IN_PROGRESS" as GateState },
      { id: "c", position: 2, state: "NOT_STARTED" as GateState },
    ];
    expect(canStart(gates, "c")).toBe(false);
    expect(canStart([{ ...gates[0]! }, { ...gates[1]!, state: "WAIVED" }, gates[2]!], "c")).toBe(true);
    expect(currentGateOf(gates)?.id).toBe("b");
    expect(currentGateOf(gates.map((g) => ({ ...g, state: "PASSED" as GateState })))).toBeNull();
    expect(canEditSequence(gates)).toBe(false);
    expect(canEditSequence(gates.map((g) => ({ ...g, state: "NOT_STARTED" as GateState })))).toBe(true);
  });

  it("validates inputs: a reason to waive or fail; a sequence without repeats", () => {
    const id = "0190f3a2-6c1d-7cc0-9d1e-3b1b2c3d4e5f";
    expect(GateActionInput.safeParse({ gateId: id, version: 1, action: "waive" }).success).toBe(false);
    expect(
      GateActionInput.safeParse({
        gateId: id,
        version: 1,
        action: "waive",
        reason: "Covered by the mine's permit",
      }).success,
    ).toBe(true);
    expect(SetSequenceInput.safeParse({ projectId: id, kinds: ["SCOPING", "SCOPING"] }).success).toBe(false);
    expect(SetSequenceInput.safeParse({ projectId: id, kinds: [] }).success).toBe(false);
  });
});
