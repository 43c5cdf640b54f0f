import type { ProjectStatus } from "@lodestone/domain/enums";
import type {
  DateChangeReason,
  DateChangeState,
  Jurisdiction,
  PauseReason,
  PermitInstrument,
  PermitOutcome,
} from "@lodestone/domain/vocabulary";
import type { Tx } from "../client.js";

// The permitting timetable (DESIGN.md §12): authorizations, their milestones, every change to a
// current target, and pauses with their summaries. Dates are calendar dates (YYYY-MM-DD).

const day = (d: Date): string => d.toISOString().slice(0, 10);
const dayOrNull = (d: Date | null): string | null => (d ? day(d) : null);
const asDate = (d: string): Date => new Date(`${d}T00:00:00Z`);

export interface PermitProject {
  id: string;
  reference: string;
  titleEn: string;
  titleJa: string;
  status: ProjectStatus;
  organisationId: string;
  submittedAt: Date | null;
  timeZone: string;
}

const projectSelect = {
  id: true,
  reference: true,
  titleEn: true,
  titleJa: true,
  status: true,
  organisationId: true,
  submittedAt: true,
  referenceTimeZone: true,
} as const;

function toProject(p: {
  id: string;
  reference: string;
  titleEn: string;
  titleJa: string;
  status: ProjectStatus;
  organisationId: string;
  submittedAt: Date | null;
  referenceTimeZone: string;
}): PermitProject {
  const { referenceTimeZone, ...rest } = p;
  return { ...rest, timeZone: referenceTimeZone };
}

export async function permitProject(tx: Tx, projectId: string): Promise<PermitProject | null> {
  const p = await tx.project.findUnique({ where: { id: projectId }, select: projectSelect });
  return p ? toProject(p) : null;
}

export interface PermitMilestoneRow {
  id: string;
  position: number;
  kind: string;
  nameEn: string;
  nameJa: string;
  baselineDate: string;
  currentDate: string;
  actualDate: string | null;
  version: number;
}

export interface AuthorizationRow {
  id: string;
  projectId: string;
  jurisdiction: Jurisdiction;
  authority: string;
  instrument: PermitInstrument;
  titleEn: string;
  titleJa: string;
  region: string | null;
  startDate: string;
  outcome: PermitOutcome | null;
  outcomeReason: string | null;
  owner: { id: string; name: string } | null;
  version: number;
  milestones: PermitMilestoneRow[];
}

const milestoneSelect = {
  id: true,
  position: true,
  kind: true,
  nameEn: true,
  nameJa: true,
  baselineDate: true,
  currentDate: true,
  actualDate: true,
  version: true,
} as const;

const authorizationSelect = {
  id: true,
  projectId: true,
  jurisdiction: true,
  authority: true,
  instrument: true,
  titleEn: true,
  titleJa: true,
  region: true,
  startDate: true,
  outcome: true,
  outcomeReason: true,
  version: true,
  owner: { select: { id: true, name: true } },
  milestones: { orderBy: { position: "asc" }, select: milestoneSelect },
} as const;

function toMilestone(m: {
  id: string;
  position: number;
  kind: string;
  nameEn: string;
  nameJa: string;
  baselineDate: Date;
  currentDate: Date;
  actualDate: Date | null;
  version: number;
}): PermitMilestoneRow {
  return {
    ...m,
    baselineDate: day(m.baselineDate),
    currentDate: day(m.currentDate),
    actualDate: dayOrNull(m.actualDate),
  };
}

function toAuthorization(a: {
  id: string;
  projectId: string;
  jurisdiction: Jurisdiction;
  authority: string;
  instrument: PermitInstrument;
  titleEn: string;
  titleJa: string;
  region: string | null;
  startDate: Date;
  outcome: PermitOutcome | null;
  outcomeReason: string | null;
  version: number;
  owner: { id: string; name: string } | null;
  milestones: Parameters<typeof toMilestone>[0][];
}): AuthorizationRow {
  return { ...a, startDate: day(a.startDate), milestones: a.milestones.map(toMilestone) };
}

export async function listAuthorizations(tx: Tx, projectId: string): Promise<AuthorizationRow[]> {
  const rows = await tx.permitAuthorization.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: authorizationSelect,
  });
  return rows.map(toAuthorization);
}

export async function createAuthorization(
  tx: Tx,
  a: {
    projectId: string;
    jurisdiction: Jurisdiction;
    authority: string;
    instrument: PermitInstrument;
    titleEn: string;
    titleJa: string;
    region: string | null;
    startDate: string;
    ownerId: string;
    addedById: string;
    milestones: { kind: string; en: string; ja: string; target: string; actual?: string | null }[];
  },
): Promise<AuthorizationRow> {
  const created = await tx.permitAuthorization.create({
    data: {
      projectId: a.projectId,
      jurisdiction: a.jurisdiction,
      authority: a.authority,
      instrument: a.instrument,
      titleEn: a.titleEn,
      titleJa: a.titleJa,
      region: a.region,
      startDate: asDate(a.startDate),
      ownerId: a.ownerId,
      addedById: a.addedById,
      milestones: {
        create: a.milestones.map((m, position) => ({
          position,
          kind: m.kind,
          nameEn: m.en,
          nameJa: m.ja,
          baselineDate: asDate(m.target),
          currentDate: asDate(m.target),
          actualDate: m.actual ? asDate(m.actual) : null,
        })),
      },
    },
    select: authorizationSelect,
  });
  return toAuthorization(created);
}

export interface MilestoneContext extends PermitMilestoneRow {
  /** Its authorization's last milestone: the final date the 30-day rule guards. */
  final: boolean;
  authorization: {
    id: string;
    projectId: string;
    jurisdiction: Jurisdiction;
    instrument: PermitInstrument;
    outcome: PermitOutcome | null;
  };
}

/** A milestone with its authorization, locked for the change about to be made when `lock`. */
export async function getMilestone(tx: Tx, id: string, lock: boolean): Promise<MilestoneContext | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "PermitMilestone" WHERE id = ${id}::uuid FOR UPDATE`;
  const m = await tx.permitMilestone.findUnique({
    where: { id },
    select: {
      ...milestoneSelect,
      authorization: {
        select: {
          id: true,
          projectId: true,
          jurisdiction: true,
          instrument: true,
          outcome: true,
          _count: { select: { milestones: true } },
        },
      },
    },
  });
  if (!m) return null;
  const { authorization, ...rest } = m;
  const { _count, ...facts } = authorization;
  return { ...toMilestone(rest), final: rest.position === _count.milestones - 1, authorization: facts };
}

export async function getAuthorization(tx: Tx, id: string, lock: boolean): Promise<AuthorizationRow | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "PermitAuthorization" WHERE id = ${id}::uuid FOR UPDATE`;
  const a = await tx.permitAuthorization.findUnique({ where: { id }, select: authorizationSelect });
  return a ? toAuthorization(a) : null;
}

/** Moves a milestone's current target (only through a recorded change). */
export async function setCurrentDate(tx: Tx, id: string, to: string): Promise<void> {
  await tx.permitMilestone.update({
    where: { id },
    data: { currentDate: asDate(to), version: { increment: 1 } },
  });
}

export async function setActualDate(tx: Tx, id: string, actual: string): Promise<void> {
  await tx.permitMilestone.update({
    where: { id },
    data: { actualDate: asDate(actual), version: { increment: 1 } },
  });
}

export async function setOutcome(tx: Tx, id: string, outcome: PermitOutcome, reason: string): Promise<void> {
  await tx.permitAuthorization.update({
    where: { id },
    data: { outcome, outcomeReason: reason, version: { increment: 1 } },
  });
}

export async function recordChange(
  tx: Tx,
  c: {
    projectId: string;
    authorizationId: string;
    milestoneId: string;
    from: string;
    to: string;
    reason: DateChangeReason;
    justification: string;
    state: DateChangeState;
    changedById: string;
    at: Date;
    determination: string | null;
    pauseId?: string;
  },
): Promise<string> {
  const decided = c.state === "APPLIED" && c.determination !== null;
  const row = await tx.permitDateChange.create({
    data: {
      projectId: c.projectId,
      authorizationId: c.authorizationId,
      milestoneId: c.milestoneId,
      fromDate: asDate(c.from),
      toDate: asDate(c.to),
      reason: c.reason,
      justification: c.justification,
      state: c.state,
      changedById: c.changedById,
      changedAt: c.at,
      determination: c.determination,
      decidedById: decided ? c.changedById : null,
      decidedAt: decided ? c.at : null,
      pauseId: c.pauseId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export async function hasPendingChange(tx: Tx, milestoneId: string): Promise<boolean> {
  return (await tx.permitDateChange.count({ where: { milestoneId, state: "PENDING" } })) > 0;
}

export interface ChangeRow {
  id: string;
  projectId: string;
  authorizationId: string;
  milestoneId: string;
  from: string;
  to: string;
  reason: DateChangeReason;
  state: DateChangeState;
}

/** A pending change, locked. */
export async function lockChange(tx: Tx, id: string): Promise<ChangeRow | null> {
  await tx.$queryRaw`SELECT 1 FROM "PermitDateChange" WHERE id = ${id}::uuid FOR UPDATE`;
  const c = await tx.permitDateChange.findUnique({
    where: { id },
    select: {
      id: true,
      projectId: true,
      authorizationId: true,
      milestoneId: true,
      fromDate: true,
      toDate: true,
      reason: true,
      state: true,
    },
  });
  if (!c) return null;
  const { fromDate, toDate, ...rest } = c;
  return { ...rest, from: day(fromDate), to: day(toDate) };
}

export async function decideChange(
  tx: Tx,
  id: string,
  d: { state: "APPLIED" | "REJECTED"; determination: string; deciderId: string; at: Date },
): Promise<void> {
  await tx.permitDateChange.update({
    where: { id },
    data: { state: d.state, determination: d.determination, decidedById: d.deciderId, decidedAt: d.at },
  });
}

export interface ChangeLogEntry {
  id: string;
  authorizationId: string;
  authorization: { titleEn: string; titleJa: string };
  milestone: { id: string; nameEn: string; nameJa: string };
  from: string;
  to: string;
  reason: DateChangeReason;
  justification: string;
  state: DateChangeState;
  changedBy: string;
  changedAt: Date;
  determination: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** The pause a "project pause" move made up for. */
  pause: { startedOn: string; endedOn: string | null } | null;
}

/** A project's date changes, newest first. */
export async function changeLog(tx: Tx, projectId: string, limit: number): Promise<ChangeLogEntry[]> {
  const rows = await tx.permitDateChange.findMany({
    where: { projectId },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      authorizationId: true,
      authorization: { select: { titleEn: true, titleJa: true } },
      milestone: { select: { id: true, nameEn: true, nameJa: true } },
      fromDate: true,
      toDate: true,
      reason: true,
      justification: true,
      state: true,
      changedBy: { select: { name: true } },
      changedAt: true,
      determination: true,
      decidedBy: { select: { name: true } },
      decidedAt: true,
      pause: { select: { startedOn: true, endedOn: true } },
    },
  });
  return rows.map(({ fromDate, toDate, changedBy, decidedBy, pause, ...r }) => ({
    ...r,
    from: day(fromDate),
    to: day(toDate),
    changedBy: changedBy.name,
    decidedBy: decidedBy?.name ?? null,
    pause: pause ? { startedOn: day(pause.startedOn), endedOn: dayOrNull(pause.endedOn) } : null,
  }));
}

export interface PauseRow {
  id: string;
  reason: PauseReason;
  startedOn: string;
  endedOn: string | null;
  startedBy: string;
  summaries: { text: string; writtenOn: string; author: string; at: Date }[];
}

/** A project's pauses, newest first (at most one open). */
export async function listPauses(tx: Tx, projectId: string): Promise<PauseRow[]> {
  const rows = await tx.permitPause.findMany({
    where: { projectId },
    orderBy: [{ startedOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      reason: true,
      startedOn: true,
      endedOn: true,
      startedBy: { select: { name: true } },
      summaries: {
        orderBy: { createdAt: "desc" },
        select: { text: true, writtenOn: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    reason: p.reason,
    startedOn: day(p.startedOn),
    endedOn: dayOrNull(p.endedOn),
    startedBy: p.startedBy.name,
    summaries: p.summaries.map((s) => ({
      text: s.text,
      writtenOn: day(s.writtenOn),
      author: s.author.name,
      at: s.createdAt,
    })),
  }));
}

export async function openPause(
  tx: Tx,
  projectId: string,
): Promise<{ id: string; reason: PauseReason; startedOn: string } | null> {
  const p = await tx.permitPause.findFirst({
    where: { projectId, endedOn: null },
    select: { id: true, reason: true, startedOn: true },
  });
  return p ? { ...p, startedOn: day(p.startedOn) } : null;
}

export async function startPause(
  tx: Tx,
  p: { projectId: string; reason: PauseReason; startedOn: string; by: string; summary: string },
): Promise<string> {
  const row = await tx.permitPause.create({
    data: {
      projectId: p.projectId,
      reason: p.reason,
      startedOn: asDate(p.startedOn),
      startedById: p.by,
      summaries: { create: { authorId: p.by, text: p.summary, writtenOn: asDate(p.startedOn) } },
    },
    select: { id: true },
  });
  return row.id;
}

export async function addSummary(
  tx: Tx,
  pauseId: string,
  s: { by: string; text: string; on: string },
): Promise<void> {
  await tx.permitPauseSummary.create({
    data: { pauseId, authorId: s.by, text: s.text, writtenOn: asDate(s.on) },
  });
}

export async function endPause(tx: Tx, pauseId: string, endedOn: string, by: string): Promise<void> {
  await tx.permitPause.update({ where: { id: pauseId }, data: { endedOn: asDate(endedOn), endedById: by } });
}

export interface OverviewRow extends AuthorizationRow {
  project: PermitProject;
  paused: boolean;
}

/** Every authorization (optionally of one jurisdiction or authority) with its project. */
export async function allAuthorizations(
  tx: Tx,
  filter: { jurisdiction?: Jurisdiction; authority?: string },
): Promise<OverviewRow[]> {
  const rows = await tx.permitAuthorization.findMany({
    where: {
      ...(filter.jurisdiction ? { jurisdiction: filter.jurisdiction } : {}),
      ...(filter.authority ? { authority: filter.authority } : {}),
    },
    orderBy: [{ project: { reference: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      ...authorizationSelect,
      project: {
        select: { ...projectSelect, permitPauses: { where: { endedOn: null }, select: { id: true } } },
      },
    },
  });
  return rows.map(({ project, ...a }) => {
    const { permitPauses, ...p } = project;
    return { ...toAuthorization(a), project: toProject(p), paused: permitPauses.length > 0 };
  });
}

/** The authorities named so far, each with the projects naming it (the overview's filter, as each reader may see it). */
export async function authorities(tx: Tx): Promise<{ authority: string; project: PermitProject }[]> {
  const rows = await tx.permitAuthorization.findMany({
    distinct: ["authority", "projectId"],
    orderBy: { authority: "asc" },
    select: { authority: true, project: { select: projectSelect } },
  });
  return rows.map((r) => ({ authority: r.authority, project: toProject(r.project) }));
}
