import { inTransaction, type Tx } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as projects from "@lodestone/db/repositories/project";
import * as gates from "@lodestone/db/repositories/gates";
import { canSeeProject, may } from "@lodestone/domain/access";
import { canSeeDocument, isReleased } from "@lodestone/domain/documents";
import { DomainError } from "@lodestone/domain/errors";
import {
  GATE_ACTIONS,
  GATE_TEMPLATES,
  canEditSequence,
  canStart,
  currentGateOf,
  daysBetween,
  gateTransition,
  isOpenForWork,
  mayTakeGateAction,
  mayWorkOnGate,
  passProblems,
  signatoriesOf,
  signingPartyOf,
  submitProblems,
  templateOf,
  type CiteEvidenceInput,
  type DesignateInput,
  type GateAction,
  type GateActionInput,
  type SetSequenceInput,
  type UpdateGateInput,
} from "@lodestone/domain/gates";
import { APPROVED_OR_LATER } from "@lodestone/domain/lifecycle";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";
import { committedUsdOf } from "../funding/service.js";
import { assertVisible, projectChange } from "../project/service.js";

// Stage gates (DESIGN.md §12): rules in @lodestone/domain/gates, rows in the gates repository.

const stale = () =>
  new DomainError("CONFLICT", "Someone else changed this gate after you opened it. Reload and try again.");

/** Adds months to a calendar date (the template's default targets). */
function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A project's gates from its stage's template (or `kinds`, in that order), targets counted from `at`. */
function sequenceFor(stage: gates.GateProject["stage"], at: Date, kinds?: readonly string[]) {
  const templates = kinds
    ? kinds.map((k) => templateOf(stage, k as Parameters<typeof templateOf>[1]))
    : GATE_TEMPLATES[stage];
  const start = at.toISOString().slice(0, 10);
  return templates.map((t) => ({
    kind: t.kind,
    evidence: t.evidence,
    checklist: t.checklist,
    targetDate: addMonths(start, t.months),
  }));
}

/** An approved project enters its stage's gate sequence (called in the transaction that approves it). */
export async function enterSequence(tx: Tx, projectId: string, at: Date): Promise<void> {
  const project = await gates.gateProject(tx, projectId);
  if (!project || (await gates.hasSequence(tx, projectId))) return;
  await gates.replaceSequence(tx, projectId, sequenceFor(project.stage, at), at);
}

async function gateProjectFor(tx: Tx, ctx: SignedInContext, projectId: string) {
  return assertVisible(ctx, await gates.gateProject(tx, projectId));
}

/** Delegation code → the designated delegate's id, as the sign-off rules read it. */
const idsOf = (designated: Map<string, { userId: string }>) =>
  new Map([...designated].map(([code, d]) => [code, d.userId]));

/** The facts the pass and submit rules read of a gate. */
function factsOf(g: gates.GateRow) {
  return {
    kind: g.kind,
    state: g.state,
    evidence: g.evidence,
    checklist: g.checklist,
    signOffs: g.signOffs.map((s) => ({
      delegation: s.party === "COORDINATOR" ? null : s.party,
      userId: s.userId,
    })),
  };
}

/** A project's gates as the caller sees them, with what each still lacks and what the caller may do. */
export async function getGates({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await gateProjectFor(tx, ctx, input.projectId);
  const [rows, designated] = await Promise.all([
    gates.listGates(tx, project.id),
    gates.signatoriesOf(tx, project.id),
  ]);
  const signatories = signatoriesOf(project.sponsors, idsOf(designated));
  // Coordinators see every facility, so the rule's figure is theirs; others see what they may see.
  const committed = await committedUsdOf(
    tx,
    project.id,
    may(ctx.user.role, "gates.advance") ? undefined : ctx.user,
  );
  const current = currentGateOf(rows);
  const now = ctx.now();
  const party = signingPartyOf(ctx.user, signatories);
  const works = mayWorkOnGate(ctx.user, project.organisationId);
  return {
    projectId: project.id,
    status: project.status,
    stage: project.stage,
    capexUsd: project.capexUsd,
    committedUsd: committed,
    canSetUp:
      may(ctx.user.role, "gates.advance") &&
      rows.length === 0 &&
      (APPROVED_OR_LATER as readonly string[]).includes(project.status),
    canEditSequence: may(ctx.user.role, "gates.advance") && rows.length > 0 && canEditSequence(rows),
    canDesignate: may(ctx.user.role, "gates.advance"),
    signatories: signatories.map((s) =>
      s.party === "COORDINATOR"
        ? { party: "COORDINATOR" as const, delegation: null, userId: null, name: null }
        : {
            party: "DELEGATION" as const,
            delegation: s.delegation,
            userId: s.userId,
            name: designated.get(s.delegation)?.name ?? null,
          },
    ),
    current: current
      ? {
          gateId: current.id,
          kind: current.kind,
          state: current.state,
          days: current.enteredAt ? daysBetween(current.enteredAt, now) : 0,
        }
      : null,
    gates: rows.map((g) => {
      const facts = factsOf(g);
      const problems =
        g.state === "SUBMITTED"
          ? passProblems(facts, signatories, { committedUsd: committed, capexUsd: project.capexUsd })
          : isOpenForWork(g.state)
            ? submitProblems(facts)
            : [];
      const actions = GATE_ACTIONS.filter((a) => {
        if (!mayTakeGateAction(ctx.user, a, project.organisationId)) return false;
        try {
          gateTransition(g.state, a);
        } catch {
          return false;
        }
        if (a === "start") return canStart(rows, g.id);
        return true;
      });
      const signed = party !== undefined && g.signOffs.some((s) => s.party === (party ?? "COORDINATOR"));
      return {
        id: g.id,
        position: g.position,
        kind: g.kind,
        state: g.state,
        owner: g.owner,
        targetDate: g.targetDate,
        checklist: g.checklist,
        reason: g.reason,
        enteredAt: g.enteredAt,
        closedAt: g.closedAt,
        version: g.version,
        current: current?.id === g.id,
        evidence: g.evidence.map((e) => ({
          kind: e.kind,
          cited: e.versionId !== null,
          // A cited document the caller may not see is named as cited, not by its title.
          document:
            e.document && canSeeDocument(ctx.user, project, e.document.access)
              ? {
                  id: e.document.id,
                  titleEn: e.document.titleEn,
                  titleJa: e.document.titleJa,
                  version: e.document.version,
                  versionId: e.versionId,
                }
              : null,
        })),
        signOffs: g.signOffs.map((s) => ({ party: s.party, name: s.name, at: s.at })),
        problems: problems.map((p) => ({ reason: p.reason, field: p.field, message: p.message })),
        actions,
        canWork: works && isOpenForWork(g.state),
        canSignOff: g.state === "SUBMITTED" && party !== undefined && !signed,
      };
    }),
  };
}

function gateChange(ctx: SignedInContext, projectId: string, gateId: string) {
  return { ...projectChange(ctx, projectId), subject: { type: "StageGate" as const, id: gateId } };
}

/** A coordinator sets up the sequence of a project approved before gates existed. */
export function setUpGates({ ctx, input }: UseCase<{ projectId: string }>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await gateProjectFor(tx, ctx, input.projectId);
    if (!(APPROVED_OR_LATER as readonly string[]).includes(project.status)) {
      throw new DomainError("INVALID_STATE", "Only an approved project enters the stage gates.");
    }
    await projects.lockProject(tx, project.id);
    if (await gates.hasSequence(tx, project.id)) {
      throw new DomainError("CONFLICT", "This project already has its gate sequence.");
    }
    const sequence = sequenceFor(project.stage, ctx.now());
    await gates.replaceSequence(tx, project.id, sequence, ctx.now());
    await recordEvent(tx, {
      type: "gate.sequence_set",
      ...projectChange(ctx, project.id),
      data: { kinds: sequence.map((g) => g.kind) },
      audit: { after: { kinds: sequence.map((g) => g.kind) } },
    });
    return { gates: sequence.length };
  });
}

/** A coordinator changes a project's sequence before work on it starts. */
export function setSequence({ ctx, input }: UseCase<z.output<typeof SetSequenceInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await gateProjectFor(tx, ctx, input.projectId);
    await projects.lockProject(tx, project.id);
    const rows = await gates.listGates(tx, project.id);
    if (rows.length === 0) throw new DomainError("INVALID_STATE", "Set up the gate sequence first.");
    if (!canEditSequence(rows)) {
      throw new DomainError(
        "INVALID_STATE",
        "Work on this project's gates has started: the sequence is fixed.",
      );
    }
    const at = rows[0]!.enteredAt ?? ctx.now();
    await gates.replaceSequence(tx, project.id, sequenceFor(project.stage, at, input.kinds), at);
    await recordEvent(tx, {
      type: "gate.sequence_set",
      ...projectChange(ctx, project.id),
      data: { kinds: input.kinds },
      audit: { before: { kinds: rows.map((g) => g.kind) }, after: { kinds: input.kinds } },
    });
    return { gates: input.kinds.length };
  });
}

/** A coordinator designates the delegate who signs a project's gates off for a sponsoring delegation. */
export function designate({ ctx, input }: UseCase<z.output<typeof DesignateInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await gateProjectFor(tx, ctx, input.projectId);
    if (!project.sponsors.includes(input.delegation)) {
      throw new DomainError("VALIDATION", `${input.delegation} does not sponsor this project.`);
    }
    if (input.userId && !(await gates.activeDelegate(tx, input.userId, input.delegation))) {
      throw new DomainError("VALIDATION", `That person is not an active delegate of ${input.delegation}.`);
    }
    const delegationId = (await gates.delegationIdOf(tx, input.delegation))!;
    await gates.designate(tx, project.id, delegationId, input.userId);
    await recordEvent(tx, {
      type: "gate.signatory_designated",
      ...projectChange(ctx, project.id),
      data: { delegation: input.delegation, userId: input.userId },
      audit: { after: { delegation: input.delegation, userId: input.userId } },
    });
    return { delegation: input.delegation, userId: input.userId };
  });
}

/** The gate, locked, on a project the caller may see, at the version they saw. */
async function lockedGate(tx: Tx, ctx: SignedInContext, gateId: string, version?: number) {
  const gate = await gates.getGate(tx, gateId, true);
  if (!gate) throw new DomainError("NOT_FOUND", "There is no such gate.");
  const project = await gateProjectFor(tx, ctx, gate.projectId);
  if (version !== undefined && gate.version !== version) throw stale();
  return { gate, project };
}

/** Owner and target (coordinators), and the checklist (whoever works on the gate). */
export function updateGate({ ctx, input }: UseCase<z.output<typeof UpdateGateInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { gate, project } = await lockedGate(tx, ctx, input.gateId, input.version);
    if (!mayWorkOnGate(ctx.user, project.organisationId)) {
      throw new DomainError(
        "FORBIDDEN",
        "Only a coordinator or the project's organisation can work on its gates.",
      );
    }
    const coordinatorOnly = input.ownerId !== undefined || input.targetDate !== undefined;
    if (coordinatorOnly && !may(ctx.user.role, "gates.advance")) {
      throw new DomainError("FORBIDDEN", "Only a coordinator sets a gate's owner and target date.");
    }
    if (!isOpenForWork(gate.state) && input.checklist !== undefined) {
      throw new DomainError("INVALID_STATE", "The checklist is fixed once a gate is submitted or closed.");
    }
    if (input.checklist !== undefined && input.checklist.length !== gate.checklist.length) {
      throw new DomainError("VALIDATION", `This gate's checklist has ${gate.checklist.length} items.`);
    }
    if (input.ownerId && !(await gates.activeUser(tx, input.ownerId))) {
      throw new DomainError("VALIDATION", "That person does not exist or is deactivated.");
    }
    const checklist = input.checklist?.map((done, i) => ({ ...gate.checklist[i]!, done }));
    if (
      !(await gates.setGateIfVersion(tx, gate.id, gate.version, {
        ownerId: input.ownerId,
        targetDate: input.targetDate,
        checklist,
      }))
    ) {
      throw stale();
    }
    await recordEvent(tx, {
      type: "gate.updated",
      ...gateChange(ctx, project.id, gate.id),
      data: { gateId: gate.id, gateKind: gate.kind, gateState: gate.state },
      audit: {
        before: {
          ownerId: gate.owner?.id ?? null,
          targetDate: gate.targetDate,
          checklist: gate.checklist.map((c) => c.done),
        },
        after: { ownerId: input.ownerId, targetDate: input.targetDate, checklist: input.checklist },
      },
    });
    return { id: gate.id, version: gate.version + 1 };
  });
}

/** Cites a released data-room version of the project (one the caller may see) as a kind of evidence. */
export function citeEvidence({ ctx, input }: UseCase<z.output<typeof CiteEvidenceInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { gate, project } = await lockedGate(tx, ctx, input.gateId, input.version);
    if (!mayWorkOnGate(ctx.user, project.organisationId)) {
      throw new DomainError(
        "FORBIDDEN",
        "Only a coordinator or the project's organisation can cite evidence.",
      );
    }
    if (!isOpenForWork(gate.state)) {
      throw new DomainError("INVALID_STATE", "Evidence is fixed once a gate is submitted or closed.");
    }
    if (!gate.evidence.some((e) => e.kind === input.kind)) {
      throw new DomainError("VALIDATION", "This gate does not ask for that kind of evidence.");
    }
    if (input.versionId) {
      const v = await gates.versionOfProject(tx, input.versionId, project.id);
      if (!v || !canSeeDocument(ctx.user, project, v.access)) {
        throw new DomainError("VALIDATION", "Cite a document of this project's data room.");
      }
      if (!isReleased(v.scanStatus)) {
        throw new DomainError(
          "VALIDATION",
          "That version is not released yet: it is still being scanned or was quarantined.",
        );
      }
    }
    await gates.citeEvidence(tx, gate.id, input.kind, input.versionId);
    if (!(await gates.setGateIfVersion(tx, gate.id, gate.version, {}))) throw stale();
    await recordEvent(tx, {
      type: "gate.evidence_cited",
      ...gateChange(ctx, project.id, gate.id),
      data: { gateId: gate.id, gateKind: gate.kind, gateState: gate.state, evidenceKind: input.kind },
      audit: { after: { kind: input.kind, versionId: input.versionId } },
    });
    return { id: gate.id, version: gate.version + 1 };
  });
}

const ACTION_EVENT = {
  start: "gate.started",
  submit: "gate.submitted",
  return: "gate.returned",
  pass: "gate.passed",
  fail: "gate.failed",
  waive: "gate.waived",
  reopen: "gate.reopened",
} as const satisfies Record<GateAction, string>;

/** Moves a gate: the transition table, who may, and what passing and submitting need. */
export function actOnGate({ ctx, input }: UseCase<z.output<typeof GateActionInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { gate, project } = await lockedGate(tx, ctx, input.gateId, input.version);
    if (!mayTakeGateAction(ctx.user, input.action, project.organisationId)) {
      throw new DomainError(
        "FORBIDDEN",
        input.action === "submit"
          ? "Only a coordinator or the project's organisation can submit a gate for sign-off."
          : "Only a coordinator can do that to a gate.",
      );
    }
    const to = gateTransition(gate.state, input.action);
    const rows = await gates.listGates(tx, project.id);
    if (input.action === "start" && !canStart(rows, gate.id)) {
      throw new DomainError("INVALID_STATE", "Pass or waive the gates before this one first.");
    }
    const facts = factsOf(gate);
    if (input.action === "submit") {
      const [first] = submitProblems(facts);
      if (first) throw new DomainError("VALIDATION", first.message);
    }
    if (input.action === "pass") {
      const signatories = signatoriesOf(project.sponsors, idsOf(await gates.signatoriesOf(tx, project.id)));
      const [first] = passProblems(facts, signatories, {
        committedUsd: await committedUsdOf(tx, project.id),
        capexUsd: project.capexUsd,
      });
      if (first) throw new DomainError("VALIDATION", first.message);
    }
    const now = ctx.now();
    const closes = to === "PASSED" || to === "WAIVED";
    if (
      !(await gates.setGateIfVersion(tx, gate.id, gate.version, {
        state: to,
        reason: input.reason ?? (input.action === "reopen" ? null : undefined),
        closedAt: closes ? now : undefined,
        // A gate waived before it became current became current at that moment.
        enteredAt: gate.enteredAt ?? (closes || to === "IN_PROGRESS" ? now : undefined),
      }))
    ) {
      throw stale();
    }
    // Returned or reopened: sign-offs were given to what was submitted, and are asked again.
    if (input.action === "return" || input.action === "reopen") await gates.clearSignOffs(tx, gate.id);
    if (closes) await gates.enterNext(tx, project.id, gate.position, now);
    await recordEvent(tx, {
      type: ACTION_EVENT[input.action],
      ...gateChange(ctx, project.id, gate.id),
      data: { gateId: gate.id, gateKind: gate.kind, gateState: to },
      audit: { before: { state: gate.state }, after: { state: to, reason: input.reason } },
    });
    return { id: gate.id, state: to, version: gate.version + 1 };
  });
}

/** The coordinator, or the delegate designated for a sponsoring delegation, signs a submitted gate off. */
export function signOff({ ctx, input }: UseCase<{ gateId: string; version: number }>) {
  return inTransaction(ctx.db, async (tx) => {
    const { gate, project } = await lockedGate(tx, ctx, input.gateId, input.version);
    const signatories = signatoriesOf(project.sponsors, idsOf(await gates.signatoriesOf(tx, project.id)));
    const party = signingPartyOf(ctx.user, signatories);
    if (party === undefined) {
      throw new DomainError(
        "FORBIDDEN",
        "Only a coordinator or a delegate designated for a sponsoring delegation can sign this gate off.",
      );
    }
    if (gate.state !== "SUBMITTED") {
      throw new DomainError("INVALID_STATE", "Only a gate submitted for sign-off can be signed off.");
    }
    if (!(await gates.addSignOff(tx, gate.id, party ?? "COORDINATOR", ctx.user.id))) {
      throw new DomainError(
        "CONFLICT",
        party === null
          ? "A coordinator has already signed this gate off."
          : `${party} has already signed this gate off.`,
      );
    }
    if (!(await gates.setGateIfVersion(tx, gate.id, gate.version, {}))) throw stale();
    await recordEvent(tx, {
      type: "gate.signed_off",
      ...gateChange(ctx, project.id, gate.id),
      data: { gateId: gate.id, gateKind: gate.kind, gateState: gate.state, delegation: party },
      audit: { after: { party: party ?? "COORDINATOR" } },
    });
    return { id: gate.id, version: gate.version + 1 };
  });
}

/** Whom a coordinator may designate (delegates of the sponsoring delegations) and name as owner. */
export async function gatePeople({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await gateProjectFor(tx, ctx, input.projectId);
  const [delegates, owners] = await Promise.all([
    gates.delegatesOf(tx, project.sponsors),
    gates.ownerChoices(tx, project.organisationId, project.sponsors),
  ]);
  return { delegates, owners };
}

/** The dashboard's gate panel: each visible project's current gate and days in it, and the count at each gate. */
export async function gateOverview({ ctx }: UseCase<undefined>) {
  const tx = ctx.db.prisma;
  const projects = (await gates.projectsWithGates(tx)).filter((p) => canSeeProject(ctx.user, p));
  const current = await gates.currentGates(
    tx,
    projects.map((p) => p.id),
  );
  const now = ctx.now();
  const rows = projects.map((p) => {
    const g = current.get(p.id);
    return {
      projectId: p.id,
      reference: p.reference,
      title: { en: p.titleEn, ja: p.titleJa },
      gate: g
        ? { kind: g.kind, state: g.state, days: g.enteredAt ? daysBetween(g.enteredAt, now) : 0 }
        : null,
    };
  });
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = r.gate?.kind ?? "OPERATING";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    projects: rows.sort((a, b) => (b.gate?.days ?? -1) - (a.gate?.days ?? -1)),
    counts: Object.fromEntries(counts),
  };
}
