import type { EvidenceKind, GateKind, GateState } from "@lodestone/domain/gates";
import type { ProjectStatus, Role, SupplyChainStage } from "@lodestone/domain/enums";
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";

// Stage gates (DESIGN.md §12): a project's sequence, each gate's evidence and sign-offs, and the
// delegates designated to sign for the sponsoring delegations.

export interface GateProject {
  id: string;
  status: ProjectStatus;
  organisationId: string;
  submittedAt: Date | null;
  stage: SupplyChainStage;
  capexUsd: number;
  decidedAt: Date | null;
  /** Sponsoring delegations' codes. */
  sponsors: string[];
}

export async function gateProject(tx: Tx, projectId: string): Promise<GateProject | null> {
  const p = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      status: true,
      organisationId: true,
      submittedAt: true,
      stage: true,
      capexUsd: true,
      decidedAt: true,
      sponsors: { select: { delegation: { select: { code: true } } } },
    },
  });
  if (!p) return null;
  return { ...p, capexUsd: Number(p.capexUsd), sponsors: p.sponsors.map((s) => s.delegation.code) };
}

const gateSelect = {
  id: true,
  projectId: true,
  position: true,
  kind: true,
  state: true,
  ownerId: true,
  owner: { select: { name: true } },
  targetDate: true,
  checklist: true,
  reason: true,
  enteredAt: true,
  closedAt: true,
  version: true,
  updatedAt: true,
  evidence: {
    orderBy: { position: "asc" },
    select: {
      kind: true,
      versionId: true,
      version: {
        select: {
          number: true,
          document: {
            select: {
              id: true,
              titleEn: true,
              titleJa: true,
              classification: true,
              delegations: true,
              organisationId: true,
              createdById: true,
            },
          },
        },
      },
    },
  },
  signOffs: {
    orderBy: { createdAt: "asc" },
    select: { party: true, userId: true, createdAt: true, user: { select: { name: true } } },
  },
} satisfies Prisma.StageGateSelect;

type GateSelected = Prisma.StageGateGetPayload<{ select: typeof gateSelect }>;

export interface ChecklistEntry {
  en: string;
  ja: string;
  done: boolean;
}

export interface GateRow {
  id: string;
  projectId: string;
  position: number;
  kind: GateKind;
  state: GateState;
  owner: { id: string; name: string } | null;
  /** YYYY-MM-DD */
  targetDate: string | null;
  checklist: ChecklistEntry[];
  reason: string | null;
  enteredAt: Date | null;
  closedAt: Date | null;
  version: number;
  evidence: {
    kind: EvidenceKind;
    versionId: string | null;
    document: {
      id: string;
      titleEn: string;
      titleJa: string;
      version: number;
      access: {
        classification: "PROJECT" | "GOVERNMENTS" | "NAMED_DELEGATIONS" | "ORGANISATION";
        delegations: string[];
        organisationId: string | null;
        uploadedById: string;
      };
    } | null;
  }[];
  signOffs: { party: string; userId: string; name: string; at: Date }[];
}

const dateOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function toGate(g: GateSelected): GateRow {
  return {
    id: g.id,
    projectId: g.projectId,
    position: g.position,
    kind: g.kind,
    state: g.state,
    owner: g.ownerId ? { id: g.ownerId, name: g.owner?.name ?? "" } : null,
    targetDate: dateOf(g.targetDate),
    checklist: (g.checklist as unknown as ChecklistEntry[]) ?? [],
    reason: g.reason,
    enteredAt: g.enteredAt,
    closedAt: g.closedAt,
    version: g.version,
    evidence: g.evidence.map((e) => ({
      kind: e.kind,
      versionId: e.versionId,
      document: e.version
        ? {
            id: e.version.document.id,
            titleEn: e.version.document.titleEn,
            titleJa: e.version.document.titleJa,
            version: e.version.number,
            access: {
              classification: e.version.document.classification,
              delegations: e.version.document.delegations,
              organisationId: e.version.document.organisationId,
              uploadedById: e.version.document.createdById,
            },
          }
        : null,
    })),
    signOffs: g.signOffs.map((s) => ({
      party: s.party,
      userId: s.userId,
      name: s.user.name,
      at: s.createdAt,
    })),
  };
}

export async function listGates(tx: Tx, projectId: string): Promise<GateRow[]> {
  const rows = await tx.stageGate.findMany({
    where: { projectId },
    orderBy: { position: "asc" },
    select: gateSelect,
  });
  return rows.map(toGate);
}

/** One gate; under a row lock when `lock` (every change to a gate takes it first). */
export async function getGate(tx: Tx, id: string, lock = false): Promise<GateRow | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "StageGate" WHERE id = ${id}::uuid FOR UPDATE`;
  const g = await tx.stageGate.findUnique({ where: { id }, select: gateSelect });
  return g ? toGate(g) : null;
}

export interface NewGate {
  kind: GateKind;
  evidence: readonly EvidenceKind[];
  checklist: readonly { en: string; ja: string }[];
  targetDate: string | null;
}

/** Replaces a project's sequence (only while no gate was started: the service checks) with `gates`, in order. */
export async function replaceSequence(
  tx: Tx,
  projectId: string,
  gates: readonly NewGate[],
  enteredAt: Date,
): Promise<void> {
  await tx.stageGate.deleteMany({ where: { projectId } });
  for (const [position, g] of gates.entries()) {
    await tx.stageGate.create({
      data: {
        projectId,
        position,
        kind: g.kind,
        targetDate: g.targetDate ? new Date(`${g.targetDate}T00:00:00Z`) : null,
        checklist: g.checklist.map((c) => ({ en: c.en, ja: c.ja, done: false })),
        enteredAt: position === 0 ? enteredAt : null,
        evidence: { create: g.evidence.map((kind, i) => ({ kind, position: i })) },
      },
    });
  }
}

export async function hasSequence(tx: Tx, projectId: string): Promise<boolean> {
  return (await tx.stageGate.count({ where: { projectId } })) > 0;
}

/** Moves a gate at the version read; false when someone else changed it first. */
export async function setGateIfVersion(
  tx: Tx,
  id: string,
  version: number,
  data: {
    state?: GateState;
    reason?: string | null;
    closedAt?: Date | null;
    enteredAt?: Date | null;
    ownerId?: string | null;
    targetDate?: string | null;
    checklist?: ChecklistEntry[];
  },
): Promise<boolean> {
  const { targetDate, checklist, ...rest } = data;
  const res = await tx.stageGate.updateMany({
    where: { id, version },
    data: {
      ...rest,
      ...(targetDate !== undefined
        ? { targetDate: targetDate ? new Date(`${targetDate}T00:00:00Z`) : null }
        : {}),
      ...(checklist !== undefined ? { checklist: checklist as unknown as Prisma.InputJsonValue } : {}),
      version: { increment: 1 },
    },
  });
  return res.count === 1;
}

/** The gate after `position` becomes current when that one closes (its days in the gate count from here). */
export async function enterNext(tx: Tx, projectId: string, position: number, at: Date): Promise<void> {
  const next = await tx.stageGate.findFirst({
    where: { projectId, position: { gt: position } },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  if (next) await tx.stageGate.update({ where: { id: next.id }, data: { enteredAt: at } });
}

export async function citeEvidence(
  tx: Tx,
  gateId: string,
  kind: EvidenceKind,
  versionId: string | null,
): Promise<boolean> {
  const res = await tx.gateEvidence.updateMany({ where: { gateId, kind }, data: { versionId } });
  return res.count === 1;
}

/** Records a sign-off for `party`; false when that party already signed. */
export async function addSignOff(tx: Tx, gateId: string, party: string, userId: string): Promise<boolean> {
  const res = await tx.gateSignOff.createMany({ data: [{ gateId, party, userId }], skipDuplicates: true });
  return res.count === 1;
}

export async function clearSignOffs(tx: Tx, gateId: string): Promise<void> {
  await tx.gateSignOff.deleteMany({ where: { gateId } });
}

/** The designated signatories of a project: delegation code → who. */
export async function signatoriesOf(
  tx: Tx,
  projectId: string,
): Promise<Map<string, { userId: string; name: string }>> {
  const rows = await tx.gateSignatory.findMany({
    where: { projectId },
    select: { userId: true, user: { select: { name: true } }, delegation: { select: { code: true } } },
  });
  return new Map(rows.map((r) => [r.delegation.code, { userId: r.userId, name: r.user.name }]));
}

/** An active delegate of `delegation` (their id), or null. */
export async function activeDelegate(tx: Tx, userId: string, delegation: string): Promise<string | null> {
  const u = await tx.user.findFirst({
    where: { id: userId, role: "DELEGATE", deactivatedAt: null, delegation: { code: delegation } },
    select: { id: true },
  });
  return u?.id ?? null;
}

export async function delegationIdOf(tx: Tx, code: string): Promise<string | null> {
  const d = await tx.delegation.findUnique({ where: { code }, select: { id: true } });
  return d?.id ?? null;
}

export async function designate(tx: Tx, projectId: string, delegationId: string, userId: string | null) {
  if (userId === null) {
    await tx.gateSignatory.deleteMany({ where: { projectId, delegationId } });
    return;
  }
  await tx.gateSignatory.upsert({
    where: { projectId_delegationId: { projectId, delegationId } },
    create: { projectId, delegationId, userId },
    update: { userId },
  });
}

/** Delegates of the sponsoring delegations, to designate from. */
export async function delegatesOf(tx: Tx, delegations: readonly string[]) {
  const rows = await tx.user.findMany({
    where: { role: "DELEGATE", deactivatedAt: null, delegation: { code: { in: [...delegations] } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, delegation: { select: { code: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, delegation: r.delegation!.code }));
}

/** Whether a document version belongs to the project (what a gate may cite). */
export async function versionOfProject(tx: Tx, versionId: string, projectId: string) {
  const v = await tx.documentVersion.findFirst({
    where: { id: versionId, document: { projectId } },
    select: {
      scanStatus: true,
      document: {
        select: { classification: true, delegations: true, organisationId: true, createdById: true },
      },
    },
  });
  return v
    ? {
        scanStatus: v.scanStatus,
        access: {
          classification: v.document.classification,
          delegations: v.document.delegations,
          organisationId: v.document.organisationId,
          uploadedById: v.document.createdById,
        },
      }
    : null;
}

/** Each project's current gate (the first not passed nor waived) and when it became current. */
export async function currentGates(
  tx: Tx,
  projectIds: readonly string[],
): Promise<
  Map<string, { kind: GateKind; state: GateState; enteredAt: Date | null; position: number; count: number }>
> {
  if (projectIds.length === 0) return new Map();
  const rows = await tx.stageGate.findMany({
    where: { projectId: { in: [...projectIds] } },
    orderBy: [{ projectId: "asc" }, { position: "asc" }],
    select: { projectId: true, kind: true, state: true, enteredAt: true, position: true },
  });
  const out = new Map<
    string,
    { kind: GateKind; state: GateState; enteredAt: Date | null; position: number; count: number }
  >();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.projectId, (counts.get(r.projectId) ?? 0) + 1);
  for (const r of rows) {
    if (out.has(r.projectId) || r.state === "PASSED" || r.state === "WAIVED") continue;
    out.set(r.projectId, {
      kind: r.kind,
      state: r.state,
      enteredAt: r.enteredAt,
      position: r.position,
      count: counts.get(r.projectId)!,
    });
  }
  return out;
}

export async function activeUser(tx: Tx, id: string): Promise<boolean> {
  return (await tx.user.count({ where: { id, deactivatedAt: null } })) > 0;
}

/** Who may own a gate: coordinators, the project's organisation and the sponsoring delegations' delegates. */
export async function ownerChoices(
  tx: Tx,
  organisationId: string,
  sponsors: readonly string[],
): Promise<{ id: string; name: string; role: Role }[]> {
  return tx.user.findMany({
    where: {
      deactivatedAt: null,
      OR: [
        { role: "COORDINATOR" },
        { role: "PARTNER", organisationId },
        { role: "DELEGATE", delegation: { code: { in: [...sponsors] } } },
      ],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
    take: 200,
  });
}

/** Every project with a gate sequence, with what visibility needs (the dashboard's gate panel). */
export async function projectsWithGates(tx: Tx) {
  const rows = await tx.project.findMany({
    where: { gates: { some: {} } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      reference: true,
      titleEn: true,
      titleJa: true,
      status: true,
      organisationId: true,
      submittedAt: true,
      capexUsd: true,
    },
  });
  return rows.map((r) => ({ ...r, capexUsd: Number(r.capexUsd) }));
}
