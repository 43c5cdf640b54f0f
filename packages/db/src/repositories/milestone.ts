import type { MilestoneStatus, Role } from "@lodestone/domain/enums";
import { FINISHED_MILESTONE_STATUSES, type Assignment } from "@lodestone/domain/delivery";
import type { Page } from "@lodestone/domain/page";
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";
import { afterCursor, keysetPage } from "./page.js";

const select = {
  id: true,
  projectId: true,
  parentId: true,
  position: true,
  weight: true,
  titleEn: true,
  titleJa: true,
  dueDate: true,
  status: true,
  progress: true,
  version: true,
  assigneeUserId: true,
  assigneeOrganisationId: true,
  assigneeUser: { select: { name: true } },
  assigneeOrganisation: { select: { name: true } },
  project: { select: { reference: true, titleEn: true, titleJa: true, referenceTimeZone: true } },
} satisfies Prisma.MilestoneSelect;

type Selected = Prisma.MilestoneGetPayload<{ select: typeof select }>;

export interface MilestoneRow {
  id: string;
  projectId: string;
  parentId: string | null;
  position: number;
  weight: number | null;
  titleEn: string;
  titleJa: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: MilestoneStatus;
  progress: number;
  version: number;
  assigneeUserId: string | null;
  assigneeOrganisationId: string | null;
  assigneeName: string | null;
  project: { reference: string; titleEn: string; titleJa: string; referenceTimeZone: string };
}

const toRow = ({ assigneeUser, assigneeOrganisation, dueDate, ...m }: Selected): MilestoneRow => ({
  ...m,
  dueDate: dueDate.toISOString().slice(0, 10),
  assigneeName: assigneeUser?.name ?? assigneeOrganisation?.name ?? null,
});

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export async function getMilestone(tx: Tx, id: string): Promise<MilestoneRow | null> {
  const row = await tx.milestone.findUnique({ where: { id }, select });
  return row ? toRow(row) : null;
}

/** Every milestone of a project (a project has tens, not thousands), in plan order. */
export async function listProjectMilestones(tx: Tx, projectId: string): Promise<MilestoneRow[]> {
  const rows = await tx.milestone.findMany({
    where: { projectId },
    select,
    orderBy: [{ position: "asc" }, { dueDate: "asc" }, { id: "asc" }],
  });
  return rows.map(toRow);
}

export async function createMilestone(
  tx: Tx,
  m: {
    projectId: string;
    parentId: string | null;
    titleEn: string;
    titleJa: string;
    dueDate: string;
    weight: number | null;
    assigneeUserId: string | null;
    assigneeOrganisationId: string | null;
  },
): Promise<MilestoneRow> {
  const last = await tx.milestone.aggregate({
    where: { projectId: m.projectId, parentId: m.parentId },
    _max: { position: true },
  });
  const row = await tx.milestone.create({
    data: { ...m, dueDate: day(m.dueDate), position: (last._max.position ?? -1) + 1 },
    select,
  });
  return toRow(row);
}

/** Writes a report if the milestone is still at `version`; false when someone reported first. */
export async function reportIfVersion(
  tx: Tx,
  r: {
    milestoneId: string;
    version: number;
    status: MilestoneStatus;
    progress: number;
    note: string | null;
    evidence: string | null;
    evidenceVersionIds?: readonly string[];
    authorId: string;
    at: Date;
  },
): Promise<boolean> {
  const { count } = await tx.milestone.updateMany({
    where: { id: r.milestoneId, version: r.version },
    data: {
      status: r.status,
      progress: r.progress,
      completedAt: r.status === "DONE" ? r.at : null,
      version: { increment: 1 },
    },
  });
  if (count === 0) return false;
  await tx.milestoneReport.create({
    data: {
      milestoneId: r.milestoneId,
      authorId: r.authorId,
      status: r.status,
      progress: r.progress,
      note: r.note,
      evidence: r.evidence,
      createdAt: r.at,
      evidenceDocuments: { create: (r.evidenceVersionIds ?? []).map((versionId) => ({ versionId })) },
    },
    select: { id: true },
  });
  return true;
}

/** Moves the due date, keeping the old one and the reason; false when the version was stale. */
export async function replanIfVersion(
  tx: Tx,
  r: {
    milestoneId: string;
    version: number;
    oldDueDate: string;
    dueDate: string;
    reason: string;
    byId: string;
  },
): Promise<boolean> {
  const { count } = await tx.milestone.updateMany({
    where: { id: r.milestoneId, version: r.version },
    data: { dueDate: day(r.dueDate), version: { increment: 1 } },
  });
  if (count === 0) return false;
  await tx.milestoneReplan.create({
    data: {
      milestoneId: r.milestoneId,
      oldDueDate: day(r.oldDueDate),
      newDueDate: day(r.dueDate),
      reason: r.reason,
      byId: r.byId,
    },
    select: { id: true },
  });
  return true;
}

export async function listReplans(tx: Tx, milestoneId: string) {
  const rows = await tx.milestoneReplan.findMany({
    where: { milestoneId },
    select: {
      oldDueDate: true,
      newDueDate: true,
      reason: true,
      createdAt: true,
      by: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    ...r,
    oldDueDate: r.oldDueDate.toISOString().slice(0, 10),
    newDueDate: r.newDueDate.toISOString().slice(0, 10),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** What is assigned to a person or their organisation, due soonest first (keyset on dueDate, id). */
export async function listAssigned(
  tx: Tx,
  who: Assignment,
  query: { cursor?: string | null | undefined; limit: number },
): Promise<Page<MilestoneRow>> {
  const rows = await tx.milestone.findMany({
    where: {
      OR: [
        { assigneeUserId: who.userId },
        ...(who.organisationId ? [{ assigneeOrganisationId: who.organisationId }] : []),
      ],
      status: { notIn: [...FINISHED_MILESTONE_STATUSES] },
    },
    select,
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...afterCursor(query.cursor),
  });
  return keysetPage(rows, query.limit, toRow);
}

/** Whether any milestone sits under this one (a parent takes no progress reports). */
export async function hasChildren(tx: Tx, milestoneId: string): Promise<boolean> {
  return (await tx.milestone.count({ where: { parentId: milestoneId } })) > 0;
}

/** What the progress roll-up needs of every milestone of these projects (tens per project). */
export async function listProgressRows(tx: Tx, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  return tx.milestone.findMany({
    where: { projectId: { in: [...new Set(projectIds)] } },
    select: { id: true, parentId: true, status: true, progress: true, weight: true },
  });
}

export async function userExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.user.count({ where: { id, deactivatedAt: null } })) > 0;
}

/** Every re-plan of a project's milestones, oldest first (the delivery timeline shows each). */
export async function listProjectReplans(tx: Tx, projectId: string) {
  const rows = await tx.milestoneReplan.findMany({
    where: { milestone: { projectId } },
    select: {
      milestoneId: true,
      oldDueDate: true,
      newDueDate: true,
      reason: true,
      createdAt: true,
      by: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    ...r,
    oldDueDate: r.oldDueDate.toISOString().slice(0, 10),
    newDueDate: r.newDueDate.toISOString().slice(0, 10),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A person a coordinator may assign a milestone to. */
export interface AssignableUser {
  id: string;
  name: string;
  role: Role;
  /** The delegation's code, for a delegate. */
  delegation: string | null;
  /** The organisation's name, for a partner. */
  organisation: string | null;
}

/**
 * The people a coordinator may assign a milestone to: active delegates and partners (the roles
 * that report when assigned), by name. A few hundred at most in this framework; capped anyway.
 */
export async function listAssignableUsers(tx: Tx): Promise<AssignableUser[]> {
  const rows = await tx.user.findMany({
    where: { deactivatedAt: null, role: { in: ["DELEGATE", "PARTNER"] } },
    select: {
      id: true,
      name: true,
      role: true,
      delegation: { select: { code: true } },
      organisation: { select: { name: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    delegation: u.delegation?.code ?? null,
    organisation: u.organisation?.name ?? null,
  }));
}
