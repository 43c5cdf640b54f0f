import { accessOf, factsOf, versionsOfProject } from "@lodestone/db/repositories/documents";
import { canSeeDocument, isReleased } from "@lodestone/domain/documents";
import { inTransaction, type Tx } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as milestones from "@lodestone/db/repositories/milestone";
import {
  getReferenceTimeZone,
  setReferenceTimeZoneIfVersion,
  setStatusIfVersion,
} from "@lodestone/db/repositories/project";
import { organisationExists } from "@lodestone/db/repositories/user";
import {
  canComplete,
  canReportOn,
  checkReport,
  checkReportable,
  assignmentOf,
  dueState,
  progressOf,
  projectProgressOf,
  type CreateMilestoneInput,
  type MilestoneView,
  type ReplanMilestoneInput,
  type ReportProgressInput,
} from "@lodestone/domain/delivery";
import { DomainError } from "@lodestone/domain/errors";
import { transition, type ProjectEvent } from "@lodestone/domain/lifecycle";
import { checkTimeZoneCorrection } from "@lodestone/domain/proposal";
import type { SetProjectTimeZoneInput } from "@lodestone/domain/time-zone";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";
import { projectChange, visibleProject } from "../project/service.js";

async function visibleMilestone(tx: Tx, ctx: SignedInContext, id: string) {
  const m = await milestones.getMilestone(tx, id);
  if (!m) throw new DomainError("NOT_FOUND", "There is no such milestone.");
  const project = await visibleProject(tx, ctx, m.projectId);
  return { m, project };
}

const stale = () =>
  new DomainError(
    "CONFLICT",
    "Someone else updated this milestone after you opened it. Reload and try again.",
  );

/** The milestone tree of a project, with rolled-up progress and overdue flags. */
export async function getDelivery({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const [rows, replans] = await Promise.all([
    milestones.listProjectMilestones(tx, project.id),
    milestones.listProjectReplans(tx, project.id),
  ]);
  const timeZone = rows[0]?.project.referenceTimeZone ?? (await getReferenceTimeZone(tx, project.id));
  const now = ctx.now();
  const byParent = new Map<string | null, milestones.MilestoneRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const progress = progressOf(rows).byId;
  const view = (r: milestones.MilestoneRow): MilestoneView => {
    const children = byParent.get(r.id) ?? [];
    const due = dueState(r, now, timeZone);
    return {
      id: r.id,
      parentId: r.parentId,
      title: { en: r.titleEn, ja: r.titleJa },
      dueDate: r.dueDate,
      weight: r.weight,
      status: r.status,
      progress: progress.get(r.id) ?? 0,
      overdue: due === "overdue",
      dueToday: due === "dueToday",
      version: r.version,
      assignee: r.assigneeUserId
        ? { kind: "user", id: r.assigneeUserId, name: r.assigneeName ?? "" }
        : r.assigneeOrganisationId
          ? { kind: "organisation", id: r.assigneeOrganisationId, name: r.assigneeName ?? "" }
          : null,
      // Progress is reported on leaves only; a parent's is rolled up from them.
      canReport: project.status === "IN_DELIVERY" && children.length === 0 && canReportOn(ctx.user, r),
      children: children.map(view),
    };
  };
  const top = byParent.get(null) ?? [];
  return {
    projectId: project.id,
    status: project.status,
    referenceTimeZone: timeZone,
    progress: projectProgressOf(rows),
    milestones: top.map(view),
    replans,
    canComplete: project.status === "IN_DELIVERY" && canComplete(rows),
  };
}

function milestoneChange(ctx: SignedInContext, projectId: string, milestoneId: string) {
  return { ...projectChange(ctx, projectId), subject: { type: "Milestone" as const, id: milestoneId } };
}

async function moveProject(
  ctx: SignedInContext,
  input: { projectId: string; version: number },
  event: ProjectEvent,
) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProject(tx, ctx, input.projectId);
    if (project.version !== input.version) {
      throw new DomainError("CONFLICT", "The project changed after you opened it. Reload and try again.");
    }
    const status = transition(project.status, event);
    if (event === "complete" && !canComplete(await milestones.listProjectMilestones(tx, project.id))) {
      throw new DomainError(
        "INVALID_STATE",
        "Every milestone must be done or cancelled before the project is complete.",
      );
    }
    if (!(await setStatusIfVersion(tx, project.id, input.version, { status }))) {
      throw new DomainError("CONFLICT", "The project changed after you opened it. Reload and try again.");
    }
    await recordEvent(tx, {
      type: event === "complete" ? "project.completed" : "project.delivery_started",
      ...projectChange(ctx, project.id),
      data: { from: project.status, to: status },
      audit: { before: { status: project.status }, after: { status } },
    });
    return { id: project.id, status };
  });
}

export const startDelivery = ({ ctx, input }: UseCase<{ projectId: string; version: number }>) =>
  moveProject(ctx, input, "startDelivery");
export const completeDelivery = ({ ctx, input }: UseCase<{ projectId: string; version: number }>) =>
  moveProject(ctx, input, "complete");

export function createMilestone({ ctx, input }: UseCase<z.output<typeof CreateMilestoneInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProject(tx, ctx, input.projectId);
    if (project.status !== "IN_DELIVERY") {
      throw new DomainError("INVALID_STATE", "Start delivery before planning milestones.");
    }
    if (input.parentId) {
      const parent = await milestones.getMilestone(tx, input.parentId);
      if (!parent || parent.projectId !== project.id) {
        throw new DomainError("VALIDATION", "The parent milestone belongs to another project.");
      }
    }
    if (input.assigneeUserId && !(await milestones.userExists(tx, input.assigneeUserId))) {
      throw new DomainError("VALIDATION", "That person does not exist or is deactivated.");
    }
    if (input.assigneeOrganisationId && !(await organisationExists(tx, input.assigneeOrganisationId))) {
      throw new DomainError("VALIDATION", "That organisation does not exist.");
    }
    const created = await milestones.createMilestone(tx, input);
    await recordEvent(tx, {
      type: "milestone.created",
      ...milestoneChange(ctx, project.id, created.id),
      data: { milestoneId: created.id, dueDate: created.dueDate },
      audit: { after: input },
    });
    return created;
  });
}

export function replanMilestone({ ctx, input }: UseCase<z.output<typeof ReplanMilestoneInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { m } = await visibleMilestone(tx, ctx, input.milestoneId);
    if (m.version !== input.version) throw stale();
    if (m.dueDate === input.dueDate) throw new DomainError("VALIDATION", "That is already the due date.");
    const ok = await milestones.replanIfVersion(tx, {
      milestoneId: m.id,
      version: input.version,
      oldDueDate: m.dueDate,
      dueDate: input.dueDate,
      reason: input.reason,
      byId: ctx.user.id,
    });
    if (!ok) throw stale();
    await recordEvent(tx, {
      type: "milestone.replanned",
      ...milestoneChange(ctx, m.projectId, m.id),
      data: { milestoneId: m.id, from: m.dueDate, to: input.dueDate, reason: input.reason },
      audit: { before: { dueDate: m.dueDate }, after: { dueDate: input.dueDate, reason: input.reason } },
    });
    return { id: m.id, dueDate: input.dueDate };
  });
}

export function reportProgress({ ctx, input }: UseCase<z.output<typeof ReportProgressInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { m, project } = await visibleMilestone(tx, ctx, input.milestoneId);
    if (!canReportOn(ctx.user, m)) {
      throw new DomainError("FORBIDDEN", "Only the assignee or a coordinator can report on this milestone.");
    }
    if (project.status !== "IN_DELIVERY")
      throw new DomainError("INVALID_STATE", "This project is not in delivery.");
    checkReportable({ hasChildren: await milestones.hasChildren(tx, m.id) });
    checkReport(input);
    await checkEvidence(tx, ctx, m.projectId, input.evidenceVersionIds);
    if (m.version !== input.version) throw stale();
    const ok = await milestones.reportIfVersion(tx, { ...input, authorId: ctx.user.id, at: ctx.now() });
    if (!ok) throw stale();
    await recordEvent(tx, {
      type: "milestone.reported",
      ...milestoneChange(ctx, m.projectId, m.id),
      data: { milestoneId: m.id, status: input.status, progress: input.progress },
      audit: {
        before: { status: m.status, progress: m.progress },
        after: {
          status: input.status,
          progress: input.progress,
          evidence: input.evidence,
          evidenceVersionIds: input.evidenceVersionIds,
          note: input.note,
        },
      },
    });
    return { id: m.id, status: input.status, progress: input.progress, version: input.version + 1 };
  });
}

/** Cited documents must be released versions of this project's data room that the reporter may see. */
async function checkEvidence(tx: Tx, ctx: SignedInContext, projectId: string, versionIds: readonly string[]) {
  if (versionIds.length === 0) return;
  const found = await versionsOfProject(tx, projectId, [...versionIds]);
  const usable = found.filter(
    (v) =>
      isReleased(v.scanStatus) && canSeeDocument(ctx.user, v.document.project, accessOf(factsOf(v.document))),
  );
  if (usable.length !== versionIds.length) {
    throw new DomainError(
      "NOT_FOUND",
      "A cited document is not in this project's data room, or not available yet.",
    );
  }
}

/** Whom a coordinator may assign a milestone to: people (delegates, partners); organisations come from delegation.organisations. */
export async function listAssignees({ ctx }: { ctx: SignedInContext }) {
  return milestones.listAssignableUsers(ctx.db.prisma);
}

export async function getMilestoneHistory({ ctx, input }: UseCase<{ milestoneId: string }>) {
  const { m } = await visibleMilestone(ctx.db.prisma, ctx, input.milestoneId);
  return { replans: await milestones.listReplans(ctx.db.prisma, m.id) };
}

/** What is assigned to the caller or their organisation, due soonest first. */
export async function listMyMilestones({
  ctx,
  input,
}: UseCase<{ cursor?: string | null | undefined; limit: number }>) {
  const page = await milestones.listAssigned(ctx.db.prisma, assignmentOf(ctx.user), input);
  const now = ctx.now();
  // A parent's progress is rolled up from its children, as on the delivery tree.
  const progress = progressOf(
    await milestones.listProgressRows(
      ctx.db.prisma,
      page.items.map((m) => m.projectId),
    ),
  ).byId;
  return {
    items: page.items.map((m) => ({
      id: m.id,
      projectId: m.projectId,
      project: { reference: m.project.reference, title: { en: m.project.titleEn, ja: m.project.titleJa } },
      title: { en: m.titleEn, ja: m.titleJa },
      dueDate: m.dueDate,
      referenceTimeZone: m.project.referenceTimeZone,
      status: m.status,
      progress: progress.get(m.id) ?? m.progress,
      version: m.version,
      overdue: dueState(m, now, m.project.referenceTimeZone) === "overdue",
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * A coordinator corrects the time zone the project's due dates are read in (its site's zone):
 * "due today" and "overdue" follow it at once, on the delivery tree and the dashboard.
 */
export function setTimeZone({ ctx, input }: UseCase<z.output<typeof SetProjectTimeZoneInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProject(tx, ctx, input.projectId);
    checkTimeZoneCorrection(project.status);
    if (project.version !== input.version) {
      throw new DomainError("CONFLICT", "The project changed after you opened it. Reload and try again.");
    }
    const before = await getReferenceTimeZone(tx, project.id);
    if (before === input.timeZone) {
      throw new DomainError("VALIDATION", "The project is already tracked in that time zone.");
    }
    if (!(await setReferenceTimeZoneIfVersion(tx, project.id, input.version, input.timeZone))) {
      throw new DomainError("CONFLICT", "The project changed after you opened it. Reload and try again.");
    }
    await recordEvent(tx, {
      type: "project.time_zone_changed",
      ...projectChange(ctx, project.id),
      data: { timeZone: input.timeZone },
      audit: { before: { referenceTimeZone: before }, after: { referenceTimeZone: input.timeZone } },
    });
    return { id: project.id, referenceTimeZone: input.timeZone, version: input.version + 1 };
  });
}
