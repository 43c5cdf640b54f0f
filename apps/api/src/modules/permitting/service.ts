import { inTransaction, type Tx } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as projects from "@lodestone/db/repositories/project";
import * as permits from "@lodestone/db/repositories/permitting";
import { canSeeProject, may } from "@lodestone/domain/access";
import { dateIn } from "@lodestone/domain/delivery";
import { DomainError } from "@lodestone/domain/errors";
import {
  DETERMINATION_THRESHOLD_DAYS,
  authorityStats,
  authorizationStatus,
  elapsedAgainstTarget,
  estimatedCompletion,
  hasTimetable,
  mayEditPermitting,
  milestoneStandings,
  moveOutcome,
  needsDetermination,
  resumeMoves,
  scheduleFor,
  summaryDueOn,
  summaryOverdue,
  type AddAuthorizationInput,
  type CompletedStage,
  type DecideChangeInput,
  type MoveDateInput,
  type PauseInput,
  type PauseSummaryInput,
  type PermittingOverviewInput,
  type RecordActualInput,
  type ResumeInput,
  type SetOutcomeInput,
} from "@lodestone/domain/permitting";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";
import { holidays } from "../../holidays.js";
import { daysFrom } from "@lodestone/domain/working-days";
import { csvFile, type CsvColumn } from "../../csv.js";
import { assertVisible, projectChange } from "../project/service.js";

// The permitting timetable (DESIGN.md §12): rules in @lodestone/domain/permitting, rows in the
// permitting repository. Every use-case is one transaction; a milestone's row is locked while its
// date changes, and the project's row while it is paused, resumed or given an authorization.

const CHANGE_LOG_LIMIT = 200;

async function visibleProject(tx: Tx, ctx: SignedInContext, projectId: string) {
  return assertVisible(ctx, await permits.permitProject(tx, projectId));
}

/** The project, visible to the caller, whose timetable they may edit. */
async function editableProject(tx: Tx, ctx: SignedInContext, projectId: string) {
  const project = await visibleProject(tx, ctx, projectId);
  if (!mayEditPermitting(ctx.user, project)) {
    throw new DomainError(
      "FORBIDDEN",
      "Only a coordinator or the project's organisation can change its permitting timetable.",
    );
  }
  if (!hasTimetable(project.status)) {
    throw new DomainError("INVALID_STATE", "A permitting timetable is kept for approved projects.");
  }
  return project;
}

const todayOf = (ctx: SignedInContext, project: { timeZone: string }) => dateIn(ctx.now(), project.timeZone);

function permitChange(ctx: SignedInContext, projectId: string, authorizationId: string) {
  return {
    ...projectChange(ctx, projectId),
    subject: { type: "PermitAuthorization" as const, id: authorizationId },
  };
}

function pauseChange(ctx: SignedInContext, projectId: string, pauseId: string) {
  return { ...projectChange(ctx, projectId), subject: { type: "PermitPause" as const, id: pauseId } };
}

/** An authorization as every reader sees it: its milestones' standing at `today`. */
function viewOf(a: permits.AuthorizationRow, paused: boolean, today: string) {
  const standings = milestoneStandings(a, { paused, today, calendar: holidays });
  const status = authorizationStatus(standings, a.outcome);
  const last = a.milestones.at(-1);
  const finished = status === "COMPLETED" ? (last?.actualDate ?? null) : null;
  return {
    id: a.id,
    jurisdiction: a.jurisdiction,
    authority: a.authority,
    instrument: a.instrument,
    titleEn: a.titleEn,
    titleJa: a.titleJa,
    region: a.region,
    startDate: a.startDate,
    outcome: a.outcome,
    outcomeReason: a.outcomeReason,
    owner: a.owner,
    status,
    completed: a.milestones.filter((m) => m.actualDate !== null).length,
    finalDate: last ? (last.actualDate ?? last.currentDate) : null,
    elapsed: elapsedAgainstTarget({ ...a, finishedOn: finished }, today),
    milestones: a.milestones.map((m, i) => ({
      id: m.id,
      kind: m.kind,
      nameEn: m.nameEn,
      nameJa: m.nameJa,
      baselineDate: m.baselineDate,
      currentDate: m.currentDate,
      actualDate: m.actualDate,
      status: standings[i]!.status,
      missedBy: standings[i]!.missedBy,
      final: i === a.milestones.length - 1,
    })),
  };
}

/** A project's timetable as the caller sees it, with its change log and what the caller may do. */
export async function getTimetable({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const [rows, pauses, changes] = await Promise.all([
    permits.listAuthorizations(tx, project.id),
    permits.listPauses(tx, project.id),
    permits.changeLog(tx, project.id, CHANGE_LOG_LIMIT),
  ]);
  const today = todayOf(ctx, project);
  const open = pauses.find((p) => p.endedOn === null) ?? null;
  const authorizations = rows.map((a) => viewOf(a, open !== null, today));
  const live = authorizations.filter((a) => a.outcome === null);
  const edits = mayEditPermitting(ctx.user, project) && hasTimetable(project.status);
  const lastSummaryOn = open?.summaries[0]?.writtenOn ?? null;
  return {
    projectId: project.id,
    status: project.status,
    timeZone: project.timeZone,
    today,
    hasTimetable: hasTimetable(project.status),
    canEdit: edits,
    canDetermine: may(ctx.user.role, "permitting.determine"),
    determinationThresholdDays: DETERMINATION_THRESHOLD_DAYS,
    complete: { done: live.filter((a) => a.status === "COMPLETED").length, total: live.length },
    estimatedCompletion: estimatedCompletion(rows),
    authorizations,
    pause: open
      ? {
          id: open.id,
          reason: open.reason,
          startedOn: open.startedOn,
          startedBy: open.startedBy,
          summaries: open.summaries.map((s) => ({ ...s, at: s.at.toISOString() })),
          summaryDue: summaryDueOn({ startedOn: open.startedOn, lastSummaryOn }),
          summaryOverdue: summaryOverdue({ startedOn: open.startedOn, lastSummaryOn }, today),
        }
      : null,
    pastPauses: pauses
      .filter((p) => p.endedOn !== null)
      .map((p) => ({ id: p.id, reason: p.reason, startedOn: p.startedOn, endedOn: p.endedOn! })),
    changes: changes.map((c) => ({
      ...c,
      changedAt: c.changedAt.toISOString(),
      decidedAt: c.decidedAt?.toISOString() ?? null,
      days: daysFrom(c.from, c.to),
    })),
  };
}

/** Adds an authorization with its instrument's milestone template, targets counted from its start. */
export function addAuthorization({ ctx, input }: UseCase<z.output<typeof AddAuthorizationInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await editableProject(tx, ctx, input.projectId);
    await projects.lockProject(tx, project.id);
    const created = await permits.createAuthorization(tx, {
      projectId: project.id,
      jurisdiction: input.jurisdiction,
      authority: input.authority,
      instrument: input.instrument,
      titleEn: input.titleEn,
      titleJa: input.titleJa,
      region: input.region || null,
      startDate: input.startDate,
      ownerId: ctx.user.id,
      addedById: ctx.user.id,
      milestones: scheduleFor(input.instrument, input.startDate),
    });
    await recordEvent(tx, {
      type: "permit.authorization_added",
      ...permitChange(ctx, project.id, created.id),
      data: {
        authorizationId: created.id,
        jurisdiction: created.jurisdiction,
        instrument: created.instrument,
      },
      audit: { after: created },
    });
    return { id: created.id, milestones: created.milestones.length };
  });
}

/** The milestone, locked, on a project whose timetable the caller may edit and that is not paused. */
async function editableMilestone(tx: Tx, ctx: SignedInContext, milestoneId: string) {
  const milestone = await permits.getMilestone(tx, milestoneId, true);
  if (!milestone) throw new DomainError("NOT_FOUND", "There is no such permitting milestone.");
  const project = await editableProject(tx, ctx, milestone.authorization.projectId);
  if (milestone.authorization.outcome !== null) {
    throw new DomainError(
      "INVALID_STATE",
      "This authorization was denied or withdrawn: its dates are closed.",
    );
  }
  if (milestone.actualDate !== null) {
    throw new DomainError("INVALID_STATE", "This milestone is complete: its dates are fixed.");
  }
  if (await permits.openPause(tx, project.id)) {
    throw new DomainError(
      "INVALID_STATE",
      "The project's permitting is paused: resume it before changing dates.",
    );
  }
  return { milestone, project };
}

const factsOf = (m: permits.MilestoneContext) => ({
  authorizationId: m.authorization.id,
  jurisdiction: m.authorization.jurisdiction,
  instrument: m.authorization.instrument,
});

/**
 * Moves a milestone's current target with a reason and a justification. A move of more than 30
 * days to the final milestone is applied with a coordinator's determination, or waits for one.
 */
export function moveDate({ ctx, input }: UseCase<z.output<typeof MoveDateInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { milestone, project } = await editableMilestone(tx, ctx, input.milestoneId);
    if (milestone.currentDate !== input.from) {
      throw new DomainError(
        "CONFLICT",
        `This date was moved to ${milestone.currentDate} after you opened it. Reload and try again.`,
      );
    }
    if (await permits.hasPendingChange(tx, milestone.id)) {
      throw new DomainError(
        "CONFLICT",
        "A change to this date is waiting for a coordinator's determination: it must be decided first.",
      );
    }
    const determination = input.determination ?? null;
    const state = moveOutcome(
      { final: milestone.final, from: input.from, to: input.to, determination },
      ctx.user,
    );
    if (state === "APPLIED") await permits.setCurrentDate(tx, milestone.id, input.to);
    const keep = state === "APPLIED" && needsDetermination({ final: milestone.final, ...input });
    const changeId = await permits.recordChange(tx, {
      projectId: project.id,
      authorizationId: milestone.authorization.id,
      milestoneId: milestone.id,
      from: input.from,
      to: input.to,
      reason: input.reason,
      justification: input.justification,
      state,
      changedById: ctx.user.id,
      at: ctx.now(),
      determination: keep ? determination : null,
    });
    await recordEvent(tx, {
      type: state === "APPLIED" ? "permit.date_changed" : "permit.date_change_requested",
      ...permitChange(ctx, project.id, milestone.authorization.id),
      data: {
        ...factsOf(milestone),
        permitMilestoneId: milestone.id,
        changeId,
        from: input.from,
        to: input.to,
        reasonCode: input.reason,
        state,
      },
      audit: {
        before: { currentDate: input.from },
        after: { currentDate: state === "APPLIED" ? input.to : input.from, requested: input.to, state },
      },
    });
    return { changeId, state };
  });
}

/** A coordinator approves (the date moves) or rejects a pending change, recording the determination. */
export function decideChange({ ctx, input }: UseCase<z.output<typeof DecideChangeInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const change = await permits.lockChange(tx, input.changeId);
    if (!change) throw new DomainError("NOT_FOUND", "There is no such date change.");
    await visibleProject(tx, ctx, change.projectId);
    if (change.state !== "PENDING")
      throw new DomainError("CONFLICT", "This change has already been decided.");
    const milestone = (await permits.getMilestone(tx, change.milestoneId, true))!;
    if (input.approve) {
      if (
        milestone.currentDate !== change.from ||
        milestone.actualDate !== null ||
        milestone.authorization.outcome
      ) {
        throw new DomainError(
          "CONFLICT",
          "The milestone changed after this was asked for (it moved or closed): reject it and ask again.",
        );
      }
      if (await permits.openPause(tx, change.projectId)) {
        throw new DomainError(
          "INVALID_STATE",
          "The project's permitting is paused: resume it before approving a date change.",
        );
      }
      await permits.setCurrentDate(tx, milestone.id, change.to);
    }
    const state = input.approve ? "APPLIED" : "REJECTED";
    await permits.decideChange(tx, change.id, {
      state,
      determination: input.determination,
      deciderId: ctx.user.id,
      at: ctx.now(),
    });
    await recordEvent(tx, {
      type: "permit.date_change_decided",
      ...permitChange(ctx, change.projectId, change.authorizationId),
      data: {
        ...factsOf(milestone),
        permitMilestoneId: milestone.id,
        changeId: change.id,
        from: change.from,
        to: change.to,
        reasonCode: change.reason,
        state,
      },
      audit: { before: { state: "PENDING" }, after: { state, determination: input.determination } },
    });
    return { changeId: change.id, state };
  });
}

/** Records a milestone's actual date: it is complete. Earlier milestones come first; no date in the future. */
export function recordActual({ ctx, input }: UseCase<z.output<typeof RecordActualInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const { milestone, project } = await editableMilestone(tx, ctx, input.milestoneId);
    if (input.actualDate > todayOf(ctx, project)) {
      throw new DomainError("VALIDATION", "An actual date cannot be in the future.");
    }
    const authorization = (await permits.getAuthorization(tx, milestone.authorization.id, false))!;
    if (input.actualDate < authorization.startDate) {
      throw new DomainError(
        "VALIDATION",
        `An actual date cannot be before the authorization started (${authorization.startDate}).`,
      );
    }
    const earlier = authorization.milestones.filter((m) => m.position < milestone.position);
    if (earlier.some((m) => m.actualDate === null)) {
      throw new DomainError("INVALID_STATE", "Record the earlier milestones of this authorization first.");
    }
    const previous = earlier.at(-1)?.actualDate;
    if (previous && input.actualDate < previous) {
      throw new DomainError(
        "VALIDATION",
        `An actual date cannot be before the previous milestone's (${previous}).`,
      );
    }
    await permits.setActualDate(tx, milestone.id, input.actualDate);
    await recordEvent(tx, {
      type: "permit.milestone_completed",
      ...permitChange(ctx, project.id, milestone.authorization.id),
      data: { ...factsOf(milestone), permitMilestoneId: milestone.id, actualDate: input.actualDate },
      audit: { before: { actualDate: null }, after: { actualDate: input.actualDate } },
    });
    return { id: milestone.id, actualDate: input.actualDate };
  });
}

/** Records that an authorization was denied or withdrawn (with why): its open milestones close with it. */
export function setOutcome({ ctx, input }: UseCase<z.output<typeof SetOutcomeInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const authorization = await permits.getAuthorization(tx, input.authorizationId, true);
    if (!authorization) throw new DomainError("NOT_FOUND", "There is no such authorization.");
    const project = await editableProject(tx, ctx, authorization.projectId);
    if (authorization.outcome !== null) {
      throw new DomainError("CONFLICT", "This authorization's outcome is already recorded.");
    }
    if (authorization.milestones.every((m) => m.actualDate !== null)) {
      throw new DomainError("INVALID_STATE", "This authorization is complete.");
    }
    await permits.setOutcome(tx, authorization.id, input.outcome, input.reason);
    await recordEvent(tx, {
      type: "permit.outcome_set",
      ...permitChange(ctx, project.id, authorization.id),
      data: {
        authorizationId: authorization.id,
        jurisdiction: authorization.jurisdiction,
        instrument: authorization.instrument,
        outcome: input.outcome,
      },
      audit: { before: { outcome: null }, after: { outcome: input.outcome, reason: input.reason } },
    });
    return { id: authorization.id, outcome: input.outcome };
  });
}

/** Pauses a project's permitting with a reason and a first summary: every open milestone is paused. */
export function pause({ ctx, input }: UseCase<z.output<typeof PauseInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await editableProject(tx, ctx, input.projectId);
    await projects.lockProject(tx, project.id);
    if (await permits.openPause(tx, project.id)) {
      throw new DomainError("CONFLICT", "The project's permitting is already paused.");
    }
    const today = todayOf(ctx, project);
    if (input.startedOn > today) throw new DomainError("VALIDATION", "A pause cannot start in the future.");
    const rows = await permits.listAuthorizations(tx, project.id);
    const open = rows.filter((a) => a.outcome === null && a.milestones.some((m) => m.actualDate === null));
    if (open.length === 0) {
      throw new DomainError(
        "INVALID_STATE",
        "Nothing to pause: no authorization of this project has an open milestone.",
      );
    }
    const pauseId = await permits.startPause(tx, {
      projectId: project.id,
      reason: input.reason,
      startedOn: input.startedOn,
      by: ctx.user.id,
      summary: input.summary,
    });
    await recordEvent(tx, {
      type: "permit.paused",
      ...pauseChange(ctx, project.id, pauseId),
      data: { pauseId, pauseReason: input.reason },
      audit: { after: { reason: input.reason, startedOn: input.startedOn, summary: input.summary } },
    });
    return { pauseId };
  });
}

/** Adds a summary to the open pause (one is due at least every 90 days). */
export function summarisePause({ ctx, input }: UseCase<z.output<typeof PauseSummaryInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await editableProject(tx, ctx, input.projectId);
    await projects.lockProject(tx, project.id);
    const open = await permits.openPause(tx, project.id);
    if (!open) throw new DomainError("INVALID_STATE", "The project's permitting is not paused.");
    const today = todayOf(ctx, project);
    await permits.addSummary(tx, open.id, { by: ctx.user.id, text: input.summary, on: today });
    await recordEvent(tx, {
      type: "permit.pause_summarised",
      ...pauseChange(ctx, project.id, open.id),
      data: { pauseId: open.id, pauseReason: open.reason },
      audit: { after: { summary: input.summary, writtenOn: today } },
    });
    return { pauseId: open.id, nextDue: summaryDueOn({ startedOn: open.startedOn, lastSummaryOn: today }) };
  });
}

/**
 * Resumes the project: every open milestone's target moves later by the days paused, each move
 * recorded with the reason "project pause". When that moves a final date by more than 30 days,
 * only a coordinator may resume, and records the determination.
 */
export function resume({ ctx, input }: UseCase<z.output<typeof ResumeInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await editableProject(tx, ctx, input.projectId);
    await projects.lockProject(tx, project.id);
    const open = await permits.openPause(tx, project.id);
    if (!open) throw new DomainError("INVALID_STATE", "The project's permitting is not paused.");
    if (input.resumedOn < open.startedOn) {
      throw new DomainError(
        "VALIDATION",
        `The project cannot resume before its pause began (${open.startedOn}).`,
      );
    }
    if (input.resumedOn > todayOf(ctx, project)) {
      throw new DomainError("VALIDATION", "A project cannot resume in the future.");
    }
    const rows = await permits.listAuthorizations(tx, project.id);
    const moves = rows
      .filter((a) => a.outcome === null)
      .flatMap((a) => {
        const last = a.milestones.at(-1)?.id;
        return resumeMoves(a.milestones, { startedOn: open.startedOn, resumedOn: input.resumedOn }).map(
          (m) => ({
            ...m,
            authorization: a,
            final: m.milestone.id === last,
          }),
        );
      });
    const determined = moves.some((m) => needsDetermination({ final: m.final, from: m.from, to: m.to }));
    if (determined && !may(ctx.user.role, "permitting.determine")) {
      throw new DomainError(
        "FORBIDDEN",
        `Resuming moves a final date by more than ${DETERMINATION_THRESHOLD_DAYS} days: a coordinator resumes this project and records the determination.`,
      );
    }
    if (determined && !input.determination) {
      throw new DomainError(
        "VALIDATION",
        `Resuming moves a final date by more than ${DETERMINATION_THRESHOLD_DAYS} days: record your determination with it.`,
      );
    }
    const justification = `Paused from ${open.startedOn} to ${input.resumedOn}.`;
    for (const m of moves) {
      await permits.setCurrentDate(tx, m.milestone.id, m.to);
      const needs = needsDetermination({ final: m.final, from: m.from, to: m.to });
      await permits.recordChange(tx, {
        projectId: project.id,
        authorizationId: m.authorization.id,
        milestoneId: m.milestone.id,
        from: m.from,
        to: m.to,
        reason: "PROJECT_PAUSE",
        justification,
        state: "APPLIED",
        changedById: ctx.user.id,
        at: ctx.now(),
        determination: needs ? input.determination! : null,
        pauseId: open.id,
      });
    }
    await permits.endPause(tx, open.id, input.resumedOn, ctx.user.id);
    await recordEvent(tx, {
      type: "permit.resumed",
      ...pauseChange(ctx, project.id, open.id),
      data: { pauseId: open.id, pauseReason: open.reason, moved: moves.length },
      audit: {
        before: { startedOn: open.startedOn },
        after: {
          resumedOn: input.resumedOn,
          moved: moves.length,
          determination: input.determination ?? null,
        },
      },
    });
    return { moved: moves.length, days: daysFrom(open.startedOn, input.resumedOn) };
  });
}

// ── Across projects ──────────────────────────────────────────────────────────────────────

async function overviewRows(ctx: SignedInContext, input: z.output<typeof PermittingOverviewInput>) {
  const tx = ctx.db.prisma;
  const all = await permits.allAuthorizations(tx, input);
  return all
    .filter((a) => canSeeProject(ctx.user, a.project))
    .map((a) => {
      const today = todayOf(ctx, a.project);
      const view = viewOf(a, a.paused, today);
      const next = view.milestones.find((m) => m.actualDate === null) ?? null;
      return { row: a, view, next };
    })
    .filter((r) => !input.status || r.view.status === input.status);
}

/**
 * The permitting page: every authorization the caller may see (filtered by jurisdiction, authority
 * and status), with per-authority on-time rates and median days per stage.
 */
export async function permittingOverview({ ctx, input }: UseCase<z.output<typeof PermittingOverviewInput>>) {
  const [rows, named] = await Promise.all([overviewRows(ctx, input), permits.authorities(ctx.db.prisma)]);
  // Only authorities of projects the reader may see.
  const authorities = [
    ...new Set(named.filter((n) => canSeeProject(ctx.user, n.project)).map((n) => n.authority)),
  ];
  const completed: CompletedStage[] = rows.flatMap(({ row }) =>
    row.milestones.flatMap((m, i) =>
      m.actualDate
        ? [
            {
              authority: row.authority,
              kind: m.kind,
              baselineDate: m.baselineDate,
              actualDate: m.actualDate,
              startedOn: i === 0 ? row.startDate : (row.milestones[i - 1]!.actualDate ?? row.startDate),
            },
          ]
        : [],
    ),
  );
  const names = new Map<string, { en: string; ja: string }>();
  for (const { row } of rows)
    for (const m of row.milestones) names.set(m.kind, { en: m.nameEn, ja: m.nameJa });
  return {
    authorities,
    rows: rows.map(({ row, view, next }) => ({
      project: {
        id: row.project.id,
        reference: row.project.reference,
        titleEn: row.project.titleEn,
        titleJa: row.project.titleJa,
      },
      id: view.id,
      jurisdiction: view.jurisdiction,
      authority: view.authority,
      instrument: view.instrument,
      titleEn: view.titleEn,
      titleJa: view.titleJa,
      status: view.status,
      completed: view.completed,
      milestones: view.milestones.length,
      next: next
        ? { nameEn: next.nameEn, nameJa: next.nameJa, currentDate: next.currentDate, missedBy: next.missedBy }
        : null,
      finalDate: view.finalDate,
      elapsed: view.elapsed,
    })),
    stats: authorityStats(completed).map((s) => ({
      ...s,
      stages: s.stages.map((st) => ({ ...st, name: names.get(st.kind) ?? { en: st.kind, ja: st.kind } })),
    })),
  };
}

type ExportRow = Awaited<ReturnType<typeof overviewRows>>[number];

const EXPORT_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: { en: "Project", ja: "プロジェクト" }, value: (r) => r.row.project.reference },
  { header: { en: "Jurisdiction", ja: "管轄" }, value: (r) => r.view.jurisdiction },
  { header: { en: "Authority", ja: "所管当局" }, value: (r) => r.view.authority },
  { header: { en: "Instrument", ja: "根拠法令" }, value: (r) => r.view.instrument },
  { header: { en: "Authorization", ja: "許認可" }, value: (r) => r.view.titleEn },
  { header: { en: "Authorization (Japanese)", ja: "許認可（日本語）" }, value: (r) => r.view.titleJa },
  { header: { en: "Status", ja: "状況" }, value: (r) => r.view.status },
  { header: { en: "Milestones complete", ja: "完了マイルストーン数" }, value: (r) => r.view.completed },
  { header: { en: "Milestones", ja: "マイルストーン数" }, value: (r) => r.view.milestones.length },
  { header: { en: "Next milestone", ja: "次のマイルストーン" }, value: (r) => r.next?.nameEn ?? "" },
  { header: { en: "Next target", ja: "次の目標日" }, value: (r) => r.next?.currentDate ?? "" },
  { header: { en: "Working days late", ja: "遅延営業日数" }, value: (r) => r.next?.missedBy ?? "" },
  { header: { en: "Final date", ja: "最終予定日" }, value: (r) => r.view.finalDate ?? "" },
  { header: { en: "Elapsed days", ja: "経過日数" }, value: (r) => r.view.elapsed.elapsedDays },
  { header: { en: "Target days", ja: "目標日数" }, value: (r) => r.view.elapsed.targetDays },
];

/** The permitting page's rows as CSV, in the reader's language. */
export async function exportPermitting({ ctx, input }: UseCase<z.output<typeof PermittingOverviewInput>>) {
  const rows = await overviewRows(ctx, input);
  const file = csvFile("permitting", EXPORT_COLUMNS, rows, ctx.user, ctx.now());
  return { fileName: file.filename, contentType: "text/csv; charset=utf-8", body: file.content };
}
