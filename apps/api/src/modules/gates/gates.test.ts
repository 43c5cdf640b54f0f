import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import { GATE_TEMPLATES } from "@lodestone/domain/gates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approvedOf,
  callerFor,
  createFixture,
  financierOf,
  storedDocumentOf,
  submittedGateOf,
  type Fixture,
} from "../../test/fixtures.js";

describe(`stage gates (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
  });
  afterAll(() => db?.close());

  const as = (who: keyof Fixture["users"]) => callerFor(db, fx.users[who]);
  const gatesOf = async (projectId: string) => as("coordinator").gates.get({ projectId });

  it("puts an approved project into its stage's gate sequence, the first gate current from the decision", async () => {
    const project = await approvedOf(db, fx);
    const view = await as("partnerB").gates.get({ projectId: project.id });
    expect(view.gates.map((g) => g.kind)).toEqual(GATE_TEMPLATES.SEPARATION.map((t) => t.kind));
    expect(view.gates.every((g) => g.state === "NOT_STARTED")).toBe(true);
    expect(view.current).toMatchObject({ kind: "SCOPING", state: "NOT_STARTED", days: 0 });
    expect(view.gates[0]!.evidence).toEqual([{ kind: "SCOPING_STUDY", cited: false, document: null }]);
    // Another organisation's partner reads the sequence but may do nothing with it.
    expect(view.gates[0]!.actions).toEqual([]);
    expect(view.gates[0]!.canWork).toBe(false);
    const list = await as("usDelegate").project.list({ limit: 50 });
    expect(list.items.find((p) => p.id === project.id)?.gate).toEqual({
      kind: "SCOPING",
      state: "NOT_STARTED",
      days: 0,
    });
  });

  it("passes a gate with its evidence, checklist and the sign-offs of the coordinator and both sponsoring delegations", async () => {
    const { projectId, gateId } = await submittedGateOf(db, fx);
    let gate = (await gatesOf(projectId)).gates[0]!;
    expect(gate.state).toBe("SUBMITTED");
    expect(gate.problems.map((p) => [p.reason, p.field])).toEqual([
      ["signOff", "COORDINATOR"],
      ["signOff", "JP"],
      ["signOff", "US"],
    ]);
    await expect(
      as("coordinator").gates.act({ gateId, version: gate.version, action: "pass" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A coordinator has not signed off.",
    });
    // Only named parties sign: not the project's organisation, not an administrator.
    await expect(as("partnerA").gates.signOff({ gateId, version: gate.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    for (const who of ["coordinator", "usDelegate", "jpDelegate"] as const) {
      gate = (await gatesOf(projectId)).gates[0]!;
      await as(who).gates.signOff({ gateId, version: gate.version });
    }
    gate = (await gatesOf(projectId)).gates[0]!;
    // A party signs once.
    await expect(as("usDelegate").gates.signOff({ gateId, version: gate.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "US has already signed this gate off.",
    });
    expect(gate.problems).toEqual([]);
    expect(gate.signOffs.map((s) => s.party).sort()).toEqual(["COORDINATOR", "JP", "US"]);
    await as("coordinator").gates.act({ gateId, version: gate.version, action: "pass" });
    const after = await gatesOf(projectId);
    expect(after.gates[0]).toMatchObject({ state: "PASSED", actions: [] });
    expect(after.current).toMatchObject({ kind: "PRE_FEASIBILITY", state: "NOT_STARTED" });
    expect(after.gates[1]!.actions).toEqual(["start", "waive"]);
    // Every step is an event, on the timeline and in the audit log.
    const events = await db.prisma.domainEvent.findMany({
      where: { subjectId: gateId },
      orderBy: { position: "asc" },
      select: { type: true },
    });
    expect(events.map((e) => e.type)).toEqual([
      "gate.started",
      "gate.evidence_cited",
      "gate.updated",
      "gate.submitted",
      "gate.signed_off",
      "gate.signed_off",
      "gate.signed_off",
      "gate.passed",
    ]);
    const timeline = await as("usDelegate").project.timeline({ projectId });
    expect(timeline.items.map((t) => t.type)).toContain("gate_changed");
    expect(
      await db.prisma.auditEvent.count({
        where: { entityType: "StageGate", entityId: gateId, action: "gate.passed" },
      }),
    ).toBe(1);
  });

  it("refuses to submit without evidence and checklist, and to start a gate before the one before it closes", async () => {
    const project = await approvedOf(db, fx);
    const view = await gatesOf(project.id);
    const [first, second] = view.gates;
    await expect(
      as("coordinator").gates.act({ gateId: second!.id, version: second!.version, action: "start" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Pass or waive the gates before this one first." });
    await as("coordinator").gates.act({ gateId: first!.id, version: first!.version, action: "start" });
    // The project's own organisation submits, once the evidence is there.
    await expect(
      as("partnerA").gates.act({ gateId: first!.id, version: first!.version + 1, action: "submit" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Cite a data-room document as the scoping study.",
    });
    await expect(
      as("partnerA").gates.act({ gateId: first!.id, version: first!.version, action: "submit" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // A version of another project's data room, or one still being scanned, is no evidence.
    const other = await approvedOf(db, fx);
    const foreign = await storedDocumentOf(db, other.id, fx.users.partnerA, "PROJECT");
    await expect(
      as("partnerA").gates.cite({
        gateId: first!.id,
        version: first!.version + 1,
        kind: "SCOPING_STUDY",
        versionId: foreign.versionId,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Cite a document of this project's data room." });
    // Nor may anyone cite what they may not see: partner B's own organisation-only document is not theirs to cite here.
    await expect(
      as("partnerB").gates.cite({
        gateId: first!.id,
        version: first!.version + 1,
        kind: "SCOPING_STUDY",
        versionId: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("waives with a reason, fails and reopens (sign-offs asked again), and keeps the sequence fixed once work starts", async () => {
    const { projectId, gateId } = await submittedGateOf(db, fx);
    let gate = (await gatesOf(projectId)).gates[0]!;
    await as("usDelegate").gates.signOff({ gateId, version: gate.version });
    gate = (await gatesOf(projectId)).gates[0]!;
    await expect(
      as("coordinator").gates.act({ gateId, version: gate.version, action: "fail" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as("coordinator").gates.act({
      gateId,
      version: gate.version,
      action: "fail",
      reason: "The study omits the tailings plan.",
    });
    gate = (await gatesOf(projectId)).gates[0]!;
    expect(gate).toMatchObject({
      state: "FAILED",
      reason: "The study omits the tailings plan.",
      actions: ["reopen"],
    });
    await as("coordinator").gates.act({ gateId, version: gate.version, action: "reopen" });
    gate = (await gatesOf(projectId)).gates[0]!;
    expect(gate).toMatchObject({ state: "IN_PROGRESS", signOffs: [], reason: null });
    await expect(
      as("coordinator").gates.setSequence({ projectId, kinds: ["SCOPING", "PERMITS"] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Work on this project's gates has started: the sequence is fixed.",
    });
    await as("coordinator").gates.act({
      gateId,
      version: gate.version,
      action: "waive",
      reason: "Covered by the earlier programme.",
    });
    const view = await gatesOf(projectId);
    expect(view.gates[0]).toMatchObject({ state: "WAIVED", reason: "Covered by the earlier programme." });
    expect(view.current?.kind).toBe("PRE_FEASIBILITY");
  });

  it("lets a coordinator change the sequence before work starts, and set up one for a project approved before gates existed", async () => {
    const project = await approvedOf(db, fx);
    await as("coordinator").gates.setSequence({
      projectId: project.id,
      kinds: ["SCOPING", "PERMITS", "FINAL_INVESTMENT_DECISION"],
    });
    const view = await gatesOf(project.id);
    expect(view.gates.map((g) => [g.kind, g.evidence.map((e) => e.kind)])).toEqual([
      ["SCOPING", ["SCOPING_STUDY"]],
      ["PERMITS", ["ESIA", "PERMIT"]],
      ["FINAL_INVESTMENT_DECISION", ["FINANCING_AGREEMENT", "BOARD_RESOLUTION"]],
    ]);
    await expect(as("coordinator").gates.setUp({ projectId: project.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await db.prisma.stageGate.deleteMany({ where: { projectId: project.id } });
    expect((await gatesOf(project.id)).canSetUp).toBe(true);
    await as("coordinator").gates.setUp({ projectId: project.id });
    expect((await gatesOf(project.id)).gates).toHaveLength(GATE_TEMPLATES.SEPARATION.length);
    await expect(
      as("coordinator").gates.designate({
        projectId: project.id,
        delegation: "US",
        userId: fx.users.jpDelegate.id,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "That person is not an active delegate of US." });
  });

  it("holds the final investment decision until committed funding, converted at the recorded rate, reaches the capex", async () => {
    const project = await approvedOf(db, fx);
    await as("coordinator").gates.setSequence({
      projectId: project.id,
      kinds: ["FINAL_INVESTMENT_DECISION"],
    });
    await as("coordinator").gates.designate({
      projectId: project.id,
      delegation: "US",
      userId: fx.users.usDelegate.id,
    });
    await as("coordinator").gates.designate({
      projectId: project.id,
      delegation: "JP",
      userId: fx.users.jpDelegate.id,
    });
    let gate = (await gatesOf(project.id)).gates[0]!;
    await as("coordinator").gates.act({ gateId: gate.id, version: gate.version, action: "start" });
    for (const e of gate.evidence) {
      const { versionId } = await storedDocumentOf(db, project.id, fx.users.partnerA, "PROJECT");
      gate = (await gatesOf(project.id)).gates[0]!;
      await as("partnerA").gates.cite({ gateId: gate.id, version: gate.version, kind: e.kind, versionId });
    }
    gate = (await gatesOf(project.id)).gates[0]!;
    await as("partnerA").gates.update({
      gateId: gate.id,
      version: gate.version,
      checklist: gate.checklist.map(() => true),
    });
    gate = (await gatesOf(project.id)).gates[0]!;
    await as("partnerA").gates.act({ gateId: gate.id, version: gate.version, action: "submit" });
    for (const who of ["coordinator", "usDelegate", "jpDelegate"] as const) {
      gate = (await gatesOf(project.id)).gates[0]!;
      await as(who).gates.signOff({ gateId: gate.id, version: gate.version });
    }
    gate = (await gatesOf(project.id)).gates[0]!;
    const capex = (await gatesOf(project.id)).capexUsd;
    await expect(
      as("coordinator").gates.act({ gateId: gate.id, version: gate.version, action: "pass" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Committed funding (US$0) is below the capex (US$${capex.toLocaleString("en-US")}).`,
    });
    // A yen loan committed at 0.0067 USD per yen: the capex in yen, rounded up, covers it exactly or more.
    const yen = Math.ceil(capex / 0.0067);
    const financierId = await financierOf(db, "JP", fx);
    const opened = await as("coordinator").funding.open({
      projectId: project.id,
      financierId,
      instrument: "LOAN",
      currency: "JPY",
      amount: yen,
      usdRate: 0.0067,
      rateDate: "2026-12-01",
      date: "2026-12-01",
    });
    for (const kind of ["APPROVAL", "COMMITMENT"] as const) {
      await as("coordinator").funding.record({
        facilityId: opened.id,
        kind,
        amount: yen,
        usdRate: 0.0067,
        rateDate: "2026-12-02",
        date: "2026-12-02",
      });
    }
    const view = await gatesOf(project.id);
    expect(view.committedUsd).toBeGreaterThanOrEqual(capex);
    expect(view.gates[0]!.problems).toEqual([]);
    await as("coordinator").gates.act({ gateId: gate.id, version: gate.version, action: "pass" });
    expect((await gatesOf(project.id)).current).toBeNull();
  });

  it("answers CONFLICT to a change made on a stale gate, and NOT_FOUND for a gate nobody has", async () => {
    const project = await approvedOf(db, fx);
    const gate = (await gatesOf(project.id)).gates[0]!;
    await as("coordinator").gates.update({
      gateId: gate.id,
      version: gate.version,
      targetDate: "2027-06-30",
    });
    await expect(
      as("coordinator").gates.update({ gateId: gate.id, version: gate.version, targetDate: "2027-07-31" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      as("partnerA").gates.update({ gateId: gate.id, version: gate.version + 1, targetDate: "2027-07-31" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only a coordinator sets a gate's owner and target date.",
    });
    await expect(
      as("coordinator").gates.act({ gateId: crypto.randomUUID(), version: 1, action: "start" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await gatesOf(project.id)).gates[0]!.targetDate).toBe("2027-06-30");
  });
});
