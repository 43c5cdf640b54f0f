import { z } from "zod";
import { may, type Actor } from "./access.js";
import { CalendarDate } from "./delivery.js";
import { DomainError, type RuleProblem } from "./errors.js";
import type { SupplyChainStage } from "./vocabulary.js";
import { EVIDENCE_KINDS, GATE_KINDS, GATE_STATES } from "./vocabulary.js";

// Stage gates (DESIGN.md §12): an approved project passes a sequence of gates from a template per
// supply-chain stage. A gate passes with its evidence, its checklist and the sign-offs of the
// coordinator and one designated delegate of each sponsoring delegation; the final investment
// decision also needs committed funding of at least the project's capex.

export const GateKind = z.enum(GATE_KINDS);
export const GateState = z.enum(GATE_STATES);
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type GateKind = z.infer<typeof GateKind>;
export type GateState = z.infer<typeof GateState>;
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export interface ChecklistItem {
  en: string;
  ja: string;
}

export interface GateTemplate {
  kind: GateKind;
  /** The kinds of document the gate requires, one cited data-room document each. */
  evidence: readonly EvidenceKind[];
  checklist: readonly ChecklistItem[];
  /** Its default target: this many months after the sequence starts. */
  months: number;
}

const item = (en: string, ja: string): ChecklistItem => ({ en, ja });

const SCOPING: GateTemplate = {
  kind: "SCOPING",
  evidence: ["SCOPING_STUDY"],
  checklist: [item("Sponsors and partners confirmed", "スポンサーとパートナーの確認")],
  months: 2,
};
const PERMITS: GateTemplate = {
  kind: "PERMITS",
  evidence: ["ESIA", "PERMIT"],
  checklist: [
    item("Environmental assessment accepted", "環境影響評価の受理"),
    item("Community consultation recorded", "地域住民協議の記録"),
  ],
  months: 14,
};
const FID: GateTemplate = {
  kind: "FINAL_INVESTMENT_DECISION",
  evidence: ["FINANCING_AGREEMENT", "BOARD_RESOLUTION"],
  checklist: [
    item("Conditions precedent satisfied", "前提条件の充足"),
    item("Funding committed to the capex", "設備投資額までの資金確約"),
  ],
  months: 20,
};
const CONSTRUCTION: GateTemplate = {
  kind: "CONSTRUCTION",
  evidence: ["CONSTRUCTION_REPORT"],
  checklist: [item("Mechanical completion certified", "機械的完成の証明")],
  months: 36,
};
const COMMISSIONING: GateTemplate = {
  kind: "COMMISSIONING",
  evidence: ["COMMISSIONING_REPORT"],
  checklist: [item("Performance test passed", "性能試験の合格")],
  months: 40,
};
const RAMP_UP: GateTemplate = {
  kind: "RAMP_UP",
  evidence: ["PRODUCTION_REPORT"],
  checklist: [item("Nameplate capacity sustained for 90 days", "定格能力を90日間維持")],
  months: 48,
};

/**
 * The gate sequence each supply-chain stage starts from. A mine proves a resource and its ore
 * before anyone builds; a separation plant proves its flowsheet in a pilot; a magnet line has its
 * product qualified by customers; a recycling plant secures its feedstock first.
 */
export const GATE_TEMPLATES: Record<SupplyChainStage, readonly GateTemplate[]> = {
  MINING: [
    SCOPING,
    {
      kind: "PRE_FEASIBILITY",
      evidence: ["RESOURCE_STATEMENT", "PRE_FEASIBILITY_STUDY"],
      checklist: [item("Resource estimate reported to a recognised code", "公認基準による資源量の報告")],
      months: 6,
    },
    {
      kind: "BANKABLE_FEASIBILITY",
      evidence: ["FEASIBILITY_STUDY"],
      checklist: [item("Independent engineer's review", "独立技術者によるレビュー")],
      months: 12,
    },
    PERMITS,
    {
      kind: "OFFTAKE",
      evidence: ["OFFTAKE_AGREEMENT"],
      checklist: [item("Offtake covers the first five years", "当初5年間の引取確約")],
      months: 16,
    },
    FID,
    CONSTRUCTION,
    COMMISSIONING,
    RAMP_UP,
  ],
  SEPARATION: [
    SCOPING,
    {
      kind: "PRE_FEASIBILITY",
      evidence: ["PILOT_RESULTS", "PRE_FEASIBILITY_STUDY"],
      checklist: [item("Pilot plant reached target purity", "パイロットプラントで目標純度を達成")],
      months: 6,
    },
    {
      kind: "BANKABLE_FEASIBILITY",
      evidence: ["FEASIBILITY_STUDY"],
      checklist: [item("Independent engineer's review", "独立技術者によるレビュー")],
      months: 12,
    },
    PERMITS,
    {
      kind: "OFFTAKE",
      evidence: ["OFFTAKE_AGREEMENT", "FEEDSTOCK_AGREEMENT"],
      checklist: [item("Concentrate feed secured", "精鉱原料の確保")],
      months: 15,
    },
    FID,
    CONSTRUCTION,
    COMMISSIONING,
    RAMP_UP,
  ],
  METAL_ALLOY: [
    SCOPING,
    {
      kind: "BANKABLE_FEASIBILITY",
      evidence: ["PILOT_RESULTS", "FEASIBILITY_STUDY"],
      checklist: [item("Alloy specification agreed", "合金仕様の合意")],
      months: 9,
    },
    PERMITS,
    {
      kind: "OFFTAKE",
      evidence: ["OFFTAKE_AGREEMENT", "FEEDSTOCK_AGREEMENT"],
      checklist: [item("Oxide feed secured", "酸化物原料の確保")],
      months: 13,
    },
    FID,
    CONSTRUCTION,
    COMMISSIONING,
    RAMP_UP,
  ],
  MAGNET: [
    SCOPING,
    {
      kind: "BANKABLE_FEASIBILITY",
      evidence: ["FEASIBILITY_STUDY"],
      checklist: [item("Line design frozen", "ライン設計の確定")],
      months: 8,
    },
    {
      kind: "OFFTAKE",
      evidence: ["QUALIFICATION_REPORT", "OFFTAKE_AGREEMENT"],
      checklist: [item("Samples qualified by the customers", "顧客によるサンプル認定")],
      months: 12,
    },
    PERMITS,
    FID,
    CONSTRUCTION,
    COMMISSIONING,
    RAMP_UP,
  ],
  RECYCLING: [
    SCOPING,
    {
      kind: "OFFTAKE",
      evidence: ["FEEDSTOCK_AGREEMENT", "OFFTAKE_AGREEMENT"],
      checklist: [item("Scrap collection contracts signed", "スクラップ回収契約の締結")],
      months: 5,
    },
    {
      kind: "BANKABLE_FEASIBILITY",
      evidence: ["PILOT_RESULTS", "FEASIBILITY_STUDY"],
      checklist: [item("Recovery rate proven on the pilot", "パイロットでの回収率の実証")],
      months: 9,
    },
    PERMITS,
    FID,
    CONSTRUCTION,
    COMMISSIONING,
    RAMP_UP,
  ],
};

/** The template of one gate of a stage (a gate added to a sequence by hand takes it from the stage's template or the mine's). */
export function templateOf(stage: SupplyChainStage, kind: GateKind): GateTemplate {
  return (
    GATE_TEMPLATES[stage].find((t) => t.kind === kind) ??
    GATE_TEMPLATES.MINING.find((t) => t.kind === kind) ??
    SCOPING
  );
}

// ── State ────────────────────────────────────────────────────────────────────────────────

/** A gate is behind the project once it passed or was waived. */
export const CLOSED_GATE_STATES: readonly GateState[] = ["PASSED", "WAIVED"];

export const GATE_ACTIONS = ["start", "submit", "return", "pass", "fail", "waive", "reopen"] as const;
export const GateAction = z.enum(GATE_ACTIONS);
export type GateAction = z.infer<typeof GateAction>;

const TRANSITIONS: Record<GateAction, Partial<Record<GateState, GateState>>> = {
  start: { NOT_STARTED: "IN_PROGRESS" },
  submit: { IN_PROGRESS: "SUBMITTED" },
  return: { SUBMITTED: "IN_PROGRESS" },
  pass: { SUBMITTED: "PASSED" },
  fail: { IN_PROGRESS: "FAILED", SUBMITTED: "FAILED" },
  waive: { NOT_STARTED: "WAIVED", IN_PROGRESS: "WAIVED", SUBMITTED: "WAIVED" },
  reopen: { FAILED: "IN_PROGRESS" },
};

const ACTION_WORDS: Record<GateAction, string> = {
  start: "started",
  submit: "submitted for sign-off",
  return: "returned",
  pass: "passed",
  fail: "failed",
  waive: "waived",
  reopen: "reopened",
};

const STATE_WORDS: Record<GateState, string> = {
  NOT_STARTED: "not started",
  IN_PROGRESS: "in progress",
  SUBMITTED: "submitted for sign-off",
  PASSED: "passed",
  WAIVED: "waived",
  FAILED: "failed",
};

/** The state `action` leads to from `state`; INVALID_STATE with a plain reason otherwise. */
export function gateTransition(state: GateState, action: GateAction): GateState {
  const to = TRANSITIONS[action][state];
  if (!to) {
    throw new DomainError(
      "INVALID_STATE",
      `A gate that is ${STATE_WORDS[state]} cannot be ${ACTION_WORDS[action]}.`,
    );
  }
  return to;
}

/** Actions only a coordinator takes; `submit` is also the project's organisation's. */
export function mayTakeGateAction(actor: Actor, action: GateAction, projectOrganisationId: string): boolean {
  if (may(actor.role, "gates.advance")) return true;
  return (
    action === "submit" &&
    may(actor.role, "gates.evidence") &&
    actor.organisationId !== null &&
    actor.organisationId === projectOrganisationId
  );
}

/** Whether `actor` may cite evidence and tick the checklist of a gate of this project. */
export function mayWorkOnGate(actor: Actor, projectOrganisationId: string): boolean {
  if (may(actor.role, "gates.advance")) return true;
  return (
    may(actor.role, "gates.evidence") &&
    actor.organisationId !== null &&
    actor.organisationId === projectOrganisationId
  );
}

/** Evidence and the checklist change while the gate is being worked on, not once submitted or closed. */
export function isOpenForWork(state: GateState): boolean {
  return state === "NOT_STARTED" || state === "IN_PROGRESS";
}

/** The sequence may be changed before work on it starts: while every gate is untouched. */
export function canEditSequence(gates: readonly { state: GateState }[]): boolean {
  return gates.every((g) => g.state === "NOT_STARTED");
}

/** Gates are taken in order: a gate starts once every gate before it passed or was waived. */
export function canStart(gates: readonly { id: string; state: GateState; position: number }[], id: string) {
  const gate = gates.find((g) => g.id === id);
  if (!gate) return false;
  return gates.filter((g) => g.position < gate.position).every((g) => CLOSED_GATE_STATES.includes(g.state));
}

// ── Sign-off ─────────────────────────────────────────────────────────────────────────────

/** Who must sign a gate off: the coordinator, and one designated delegate per sponsoring delegation. */
export type Signatory =
  { party: "COORDINATOR" } | { party: "DELEGATION"; delegation: string; userId: string | null };

export function signatoriesOf(
  sponsors: readonly string[],
  designated: ReadonlyMap<string, string>,
): Signatory[] {
  return [
    { party: "COORDINATOR" },
    ...[...sponsors]
      .sort()
      .map((d): Signatory => ({ party: "DELEGATION", delegation: d, userId: designated.get(d) ?? null })),
  ];
}

/** A recorded sign-off: by a coordinator (delegation null) or for a sponsoring delegation. */
export interface SignOff {
  delegation: string | null;
  userId: string;
}

/** Which party `actor` signs for on this gate, or null when they are not a signatory. */
export function signingPartyOf(actor: Actor, signatories: readonly Signatory[]): string | null | undefined {
  if (actor.role === "COORDINATOR") return null;
  if (actor.role !== "DELEGATE") return undefined;
  const mine = signatories.find((s) => s.party === "DELEGATION" && s.userId === actor.id);
  return mine && mine.party === "DELEGATION" ? mine.delegation : undefined;
}

// ── What a gate still lacks ──────────────────────────────────────────────────────────────

export interface GateFacts {
  kind: GateKind;
  state: GateState;
  evidence: readonly { kind: EvidenceKind; versionId: string | null }[];
  checklist: readonly { done: boolean }[];
  signOffs: readonly SignOff[];
}

export type GateProblemReason = "evidence" | "checklist" | "signOff" | "designate" | "funding";

/**
 * What stands between a gate and `pass` (empty when nothing does): each required document cited,
 * every checklist item done, every signatory signed, and for the final investment decision
 * committed funding (in USD at the ledger's recorded rates) of at least the capex.
 */
export function passProblems(
  gate: GateFacts,
  signatories: readonly Signatory[],
  funding: { committedUsd: number; capexUsd: number },
): RuleProblem<string, GateProblemReason>[] {
  const problems: RuleProblem<string, GateProblemReason>[] = [];
  for (const e of gate.evidence) {
    if (!e.versionId) {
      problems.push({
        field: e.kind,
        reason: "evidence",
        message: `Cite a data-room document as the ${e.kind.toLowerCase().replaceAll("_", " ")}.`,
      });
    }
  }
  const open = gate.checklist.filter((c) => !c.done).length;
  if (open > 0) {
    problems.push({
      field: "checklist",
      reason: "checklist",
      message: `${open} checklist item${open === 1 ? " is" : "s are"} not done.`,
    });
  }
  for (const s of signatories) {
    const party = s.party === "COORDINATOR" ? null : s.delegation;
    if (s.party === "DELEGATION" && s.userId === null) {
      problems.push({
        field: s.delegation,
        reason: "designate",
        message: `No delegate of ${s.delegation} is designated to sign off.`,
      });
    } else if (
      !gate.signOffs.some(
        (o) => o.delegation === party && (s.party === "COORDINATOR" || o.userId === s.userId),
      )
    ) {
      problems.push({
        field: party ?? "COORDINATOR",
        reason: "signOff",
        message:
          party === null
            ? "A coordinator has not signed off."
            : `The delegate of ${party} has not signed off.`,
      });
    }
  }
  if (gate.kind === "FINAL_INVESTMENT_DECISION" && funding.committedUsd < funding.capexUsd) {
    problems.push({
      field: "funding",
      reason: "funding",
      message: `Committed funding (US$${funding.committedUsd.toLocaleString("en-US")}) is below the capex (US$${funding.capexUsd.toLocaleString("en-US")}).`,
    });
  }
  return problems;
}

/** What must be in place before a gate is submitted for sign-off: its evidence and checklist. */
export function submitProblems(gate: GateFacts): RuleProblem<string, GateProblemReason>[] {
  return passProblems({ ...gate, kind: "SCOPING", signOffs: [] }, [], {
    committedUsd: 0,
    capexUsd: 0,
  });
}

// ── Where a project stands ───────────────────────────────────────────────────────────────

/** The gate a project is at: the first not passed nor waived, in order; null once all are. */
export function currentGateOf<G extends { position: number; state: GateState }>(
  gates: readonly G[],
): G | null {
  return (
    [...gates].sort((a, b) => a.position - b.position).find((g) => !CLOSED_GATE_STATES.includes(g.state)) ??
    null
  );
}

/** Whole days from `since` to `now` (never negative). */
export function daysBetween(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}

// ── Inputs ───────────────────────────────────────────────────────────────────────────────

const uuid = z.uuid("That is not a valid id.");
const version = z.number().int().positive();
const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(2000);

/** A coordinator's change of a project's sequence before work starts: the gates in their new order. */
export const SetSequenceInput = z
  .object({
    projectId: uuid,
    kinds: z
      .array(GateKind)
      .min(1, "Keep at least one gate.")
      .max(GATE_KINDS.length)
      .refine((k) => new Set(k).size === k.length, "Each gate may appear once."),
  })
  .strict();

export const UpdateGateInput = z
  .object({
    gateId: uuid,
    version,
    ownerId: uuid.nullable().optional(),
    targetDate: CalendarDate.nullable().optional(),
    /** Which checklist items are done, in the gate's order. */
    checklist: z.array(z.boolean()).max(20).optional(),
  })
  .strict();

export const CiteEvidenceInput = z
  .object({ gateId: uuid, version, kind: EvidenceKind, versionId: uuid.nullable() })
  .strict();

export const GateActionInput = z
  .object({ gateId: uuid, version, action: GateAction, reason: reason.optional() })
  .strict()
  .refine((i) => !["waive", "fail"].includes(i.action) || i.reason !== undefined, {
    message: "Give a reason for waiving or failing a gate.",
    path: ["reason"],
  });

export const SignOffInput = z.object({ gateId: uuid, version }).strict();

export const DesignateInput = z
  .object({ projectId: uuid, delegation: z.string().trim().min(2).max(8), userId: uuid.nullable() })
  .strict();
