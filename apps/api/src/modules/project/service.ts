import { releasedDocuments } from "@lodestone/db/repositories/documents";
import { revisionDocuments } from "@lodestone/domain/documents";
import { currentGates } from "@lodestone/db/repositories/gates";
import { daysBetween } from "@lodestone/domain/gates";
import { inTransaction, type Tx } from "@lodestone/db/client";
import { revisionContentHash } from "@lodestone/db/content-hash";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as projects from "@lodestone/db/repositories/project";
import {
  canManageProposal,
  canSeeProject,
  projectVisibility,
  type VisibilityFacts,
} from "@lodestone/domain/access";
import { DomainError } from "@lodestone/domain/errors";
import { transition } from "@lodestone/domain/lifecycle";
import type { Page } from "@lodestone/domain/page";
import type { CurrentGate, ListProjectsQuery, ProjectListItem } from "@lodestone/domain/project-list";
import {
  canEditProposal,
  checkSubmittable,
  editTarget,
  EDITABLE_STATUSES,
  fieldsShown,
  revisionContent,
  type ProjectDetail,
  type ProposalFields,
} from "@lodestone/domain/proposal";
import type { SignedInContext, UseCase } from "../../context.js";

export async function listProjects({
  ctx,
  input,
}: UseCase<ListProjectsQuery>): Promise<Page<ProjectListItem>> {
  const page = await projects.listProjects(ctx.db.prisma, projectVisibility(ctx.user), input);
  const gates = await currentGates(
    ctx.db.prisma,
    page.items.map((p) => p.id),
  );
  return { ...page, items: page.items.map((p) => ({ ...p, gate: gateLine(gates.get(p.id), ctx.now()) })) };
}

/** A project's current gate as lists and pages show it, or null without a gate sequence. */
function gateLine(
  g: { kind: CurrentGate["kind"]; state: CurrentGate["state"]; enteredAt: Date | null } | undefined,
  now: Date,
): CurrentGate | null {
  return g ? { kind: g.kind, state: g.state, days: g.enteredAt ? daysBetween(g.enteredAt, now) : 0 } : null;
}

/** The project as the caller is shown it: reviewers read what was last submitted. */
const detail = (ctx: SignedInContext, record: projects.ProjectRecord): ProjectDetail => {
  const { organisationId: _org, workingCopy: _edits, ...rest } = record;
  return { ...rest, fields: fieldsShown(ctx.user, record), canManage: canEditProposal(ctx.user, record) };
};

/**
 * A project the caller may see; one they may not see does not exist for them. Every use-case on
 * something of a project (comments, rounds, milestones) starts here. Only the fields the rules
 * need are loaded; `visibleProjectRecord` loads the whole proposal.
 */
export async function visibleProject(
  tx: Tx,
  ctx: SignedInContext,
  id: string,
): Promise<projects.ProjectAccess> {
  return assertVisible(ctx, await projects.getProjectAccess(tx, id));
}

/** The project, when the caller may see it; NOT_FOUND otherwise (also when it was not found). */
export function assertVisible<P extends VisibilityFacts>(ctx: SignedInContext, project: P | null): P {
  if (!project || !canSeeProject(ctx.user, project)) throw noSuchProject();
  return project;
}

/** The whole proposal, under the same rule as `visibleProject`. */
export async function visibleProjectRecord(
  tx: Tx,
  ctx: SignedInContext,
  id: string,
): Promise<projects.ProjectRecord> {
  return assertVisible(ctx, await projects.getProjectRecord(tx, id));
}

const noSuchProject = () => new DomainError("NOT_FOUND", "There is no such project.");

/** A proposal the caller's organisation owns, at the version they last saw. */
async function ownProposal(tx: Tx, ctx: SignedInContext, id: string, version: number) {
  const record = await visibleProjectRecord(tx, ctx, id);
  if (!canManageProposal(ctx.user, record)) {
    throw new DomainError("FORBIDDEN", "Only the proposing organisation can change this proposal.");
  }
  if (record.version !== version) throw staleVersion();
  return record;
}

const staleVersion = () =>
  new DomainError(
    "CONFLICT",
    "Someone else saved this proposal after you opened it. Reload to see their changes; your edits were not saved.",
  );

async function sponsorIds(tx: Tx, codes: readonly string[]) {
  const { ids, unknown } = await projects.delegationIdsByCode(tx, codes);
  if (unknown.length) throw new DomainError("VALIDATION", `There is no delegation ${unknown.join(", ")}.`);
  return ids;
}

export async function getProject({ ctx, input }: UseCase<{ projectId: string }>): Promise<ProjectDetail> {
  const record = await visibleProjectRecord(ctx.db.prisma, ctx, input.projectId);
  const gate = (await currentGates(ctx.db.prisma, [record.id])).get(record.id);
  return { ...detail(ctx, record), gate: gateLine(gate, ctx.now()) };
}

/** What every event of a project's own changes names: who, which request, the project. */
export function projectChange(ctx: SignedInContext, projectId: string) {
  return {
    actorId: ctx.user.id,
    requestId: ctx.requestId,
    subject: { type: "Project" as const, id: projectId },
    projectId,
  };
}

export function createProposal({ ctx, input }: UseCase<ProposalFields>): Promise<ProjectDetail> {
  return inTransaction(ctx.db, async (tx) => {
    if (!ctx.user.organisationId) {
      throw new DomainError("FORBIDDEN", "Only partners of an organisation can propose projects.");
    }
    const created = await projects.createDraft(tx, {
      fields: input,
      sponsorIds: await sponsorIds(tx, input.sponsors),
      organisationId: ctx.user.organisationId,
      createdById: ctx.user.id,
    });
    await recordEvent(tx, {
      type: "project.created",
      ...projectChange(ctx, created.id),
      data: {},
      audit: { after: created },
    });
    return detail(ctx, created);
  });
}

export function updateProposal({
  ctx,
  input,
}: UseCase<ProposalFields & { projectId: string; version: number }>): Promise<ProjectDetail> {
  const { projectId, version, ...fields } = input;
  return inTransaction(ctx.db, async (tx) => {
    const before = await ownProposal(tx, ctx, projectId, version);
    if (!(EDITABLE_STATUSES as readonly string[]).includes(before.status)) {
      throw new DomainError("INVALID_STATE", `A project that is ${before.status} can no longer be edited.`);
    }
    const after = await projects.updateDraftIfVersion(tx, projectId, version, {
      target: editTarget(before),
      fields,
      sponsorIds: await sponsorIds(tx, fields.sponsors),
    });
    if (!after) throw staleVersion();
    await recordEvent(tx, {
      type: "project.edited",
      ...projectChange(ctx, projectId),
      data: {},
      audit: { before: before.workingCopy ?? before.fields, after: after.workingCopy ?? after.fields },
    });
    return detail(ctx, after);
  });
}

/** Submits a draft, or resubmits after changes were requested: a new immutable revision. */
export function submitProposal({
  ctx,
  input,
}: UseCase<{ projectId: string; version: number }>): Promise<ProjectDetail> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await ownProposal(tx, ctx, input.projectId, input.version);
    const event = before.status === "CHANGES_REQUESTED" ? "resubmit" : "submit";
    const status = transition(before.status, event);
    // What the organisation edited since its last submission, if anything, is what it submits.
    const fields = before.workingCopy ?? before.fields;
    checkSubmittable(fields);
    // The revision names the data room's documents as they stand, by hash: the decision record then names what was reviewed.
    const content = revisionContent(fields, revisionDocuments(await releasedDocuments(tx, before.id)));
    const contentHash = revisionContentHash(content);
    const revision = await projects.createRevision(tx, {
      projectId: before.id,
      content,
      contentHash,
      createdById: ctx.user.id,
    });
    const after = await projects.submitIfVersion(tx, before.id, input.version, {
      fields,
      sponsorIds: await sponsorIds(tx, fields.sponsors),
      status,
      currentRevisionId: revision.id,
      submittedAt: ctx.now(),
    });
    if (!after) throw staleVersion();
    await recordEvent(tx, {
      type: event === "submit" ? "project.submitted" : "project.resubmitted",
      ...projectChange(ctx, before.id),
      data: { from: before.status, to: status, revision: revision.number, contentHash },
      audit: { before: { status: before.status }, after: { status, revision: revision.number, contentHash } },
    });
    return detail(ctx, after);
  });
}

export function withdrawProposal({
  ctx,
  input,
}: UseCase<{ projectId: string; version: number }>): Promise<ProjectDetail> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await ownProposal(tx, ctx, input.projectId, input.version);
    const status = transition(before.status, "withdraw");
    if (!(await projects.setStatusIfVersion(tx, before.id, input.version, { status }))) throw staleVersion();
    await recordEvent(tx, {
      type: "project.withdrawn",
      ...projectChange(ctx, before.id),
      data: { from: before.status, to: status },
      audit: { before: { status: before.status }, after: { status } },
    });
    return detail(ctx, (await projects.getProjectRecord(tx, before.id))!);
  });
}

export async function listRevisions({ ctx, input }: UseCase<{ projectId: string }>) {
  await visibleProject(ctx.db.prisma, ctx, input.projectId);
  return projects.listRevisions(ctx.db.prisma, input.projectId);
}

export async function getRevision({ ctx, input }: UseCase<{ projectId: string; number: number }>) {
  await visibleProject(ctx.db.prisma, ctx, input.projectId);
  const revision = await projects.getRevisionContent(ctx.db.prisma, input.projectId, input.number);
  if (!revision) throw new DomainError("NOT_FOUND", `This project has no revision ${input.number}.`);
  return revision;
}

export async function listTimeline({
  ctx,
  input,
}: UseCase<{ projectId: string; cursor?: string | null | undefined; limit: number }>) {
  await visibleProject(ctx.db.prisma, ctx, input.projectId);
  return projects.listTimeline(ctx.db.prisma, input.projectId, input);
}
