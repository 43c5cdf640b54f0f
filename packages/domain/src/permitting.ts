import { z } from "zod";
import { may, type Actor } from "./access.js";
import { CalendarDate } from "./delivery.js";
import { DomainError } from "./errors.js";
import {
  DATE_CHANGE_REASONS,
  DATE_CHANGE_STATES,
  JURISDICTIONS,
  PAUSE_REASONS,
  PERMIT_INSTRUMENTS,
  PERMIT_OUTCOMES,
  PERMIT_STATUSES,
  USUAL_JURISDICTION,
} from "./vocabulary.js";
import {
  addCalendarDays,
  daysFrom,
  nextWorkingDay,
  workingDaysAfter,
  type HolidayCalendar,
} from "./working-days.js";

// The permitting timetable (DESIGN.md §12): a project's authorizations, US and Japanese side by
// side, each a milestone schedule from a template per instrument. Every milestone keeps a baseline
// target (set once), a current target and an actual date; status is derived; no target moves
// without a recorded, reason-coded change, and a move of more than 30 days to an authorization's
// final milestone needs a coordinator's determination. Pauses stop the clock project-wide.

export const Jurisdiction = z.enum(JURISDICTIONS);
export const PermitInstrument = z.enum(PERMIT_INSTRUMENTS);
export const PermitStatus = z.enum(PERMIT_STATUSES);
export const PermitOutcome = z.enum(PERMIT_OUTCOMES);
export const DateChangeReason = z.enum(DATE_CHANGE_REASONS);
export const DateChangeState = z.enum(DATE_CHANGE_STATES);
export const PauseReason = z.enum(PAUSE_REASONS);
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type PermitInstrument = z.infer<typeof PermitInstrument>;
export type PermitStatus = z.infer<typeof PermitStatus>;
export type PermitOutcome = z.infer<typeof PermitOutcome>;
export type DateChangeReason = z.infer<typeof DateChangeReason>;
export type DateChangeState = z.infer<typeof DateChangeState>;
export type PauseReason = z.infer<typeof PauseReason>;

/** A change of more than this many days to an authorization's final milestone needs a coordinator's determination. */
export const DETERMINATION_THRESHOLD_DAYS = 30;
/** A pause needs a summary at least this often. */
export const PAUSE_SUMMARY_DAYS = 90;

export interface PermitStage {
  kind: string;
  en: string;
  ja: string;
  /** Its default target: this many days after the authorization starts. */
  days: number;
}

export interface PermitTemplate {
  instrument: PermitInstrument;
  /** The jurisdiction it is usually under (the form's default). */
  jurisdiction: Jurisdiction;
  stages: readonly PermitStage[];
  /**
   * The framework's target for the whole authorization, in calendar days from its start: the
   * Fiscal Responsibility Act of 2023's two years for an environmental impact statement and one
   * for an assessment; for the others, the timetable the parties aim at (shown against elapsed days).
   */
  targetDays: number;
}

const stage = (kind: string, en: string, ja: string, days: number): PermitStage => ({ kind, en, ja, days });

export const PERMIT_TEMPLATES: Record<PermitInstrument, PermitTemplate> = {
  NEPA_EIS: {
    instrument: "NEPA_EIS",
    jurisdiction: USUAL_JURISDICTION.NEPA_EIS,
    stages: [
      stage("NOTICE_OF_INTENT", "Notice of intent", "調査実施意図の通知（NOI）", 30),
      stage("DRAFT_EIS", "Draft environmental impact statement", "環境影響評価書案（DEIS）", 365),
      stage("FINAL_EIS", "Final environmental impact statement", "最終環境影響評価書（FEIS）", 600),
      stage("RECORD_OF_DECISION", "Record of decision", "決定記録（ROD）", 700),
    ],
    targetDays: 730,
  },
  NEPA_EA: {
    instrument: "NEPA_EA",
    jurisdiction: USUAL_JURISDICTION.NEPA_EA,
    stages: [
      stage("EA_SCOPING", "Scoping", "スコーピング", 45),
      stage("DRAFT_EA", "Draft environmental assessment", "環境アセスメント案", 200),
      stage("FONSI", "Finding of no significant impact", "重大な影響なしとの認定（FONSI）", 330),
    ],
    targetDays: 365,
  },
  CWA_404: {
    instrument: "CWA_404",
    jurisdiction: USUAL_JURISDICTION.CWA_404,
    stages: [
      stage("APPLICATION_COMPLETE", "Application complete", "申請書類の完備", 30),
      stage("PUBLIC_NOTICE", "Public notice", "公告", 45),
      stage("COMMENT_PERIOD_CLOSES", "Public comment period closes", "意見募集期間の終了", 75),
      stage("PERMIT_DECISION", "Permit decision", "許可の決定", 180),
    ],
    targetDays: 365,
  },
  JP_EIA: {
    instrument: "JP_EIA",
    jurisdiction: USUAL_JURISDICTION.JP_EIA,
    stages: [
      stage("CONSIDERATION_DOCUMENT", "Primary consideration document (hairyo-sho)", "配慮書", 60),
      stage("SCOPING_DOCUMENT", "Scoping document (hoho-sho)", "方法書", 180),
      stage("SCOPING_COMMENTS_CLOSE", "Scoping document comment period closes", "方法書の意見提出期限", 225),
      stage("DRAFT_EIS_DOCUMENT", "Draft EIS (junbi-sho)", "準備書", 600),
      stage("DRAFT_COMMENTS_CLOSE", "Draft EIS comment period closes", "準備書の意見提出期限", 645),
      stage("FINAL_EIS_DOCUMENT", "Final EIS (hyoka-sho)", "評価書", 900),
    ],
    targetDays: 1095,
  },
  JP_MINING_RIGHT: {
    instrument: "JP_MINING_RIGHT",
    jurisdiction: USUAL_JURISDICTION.JP_MINING_RIGHT,
    stages: [
      stage("APPLICATION_FILED", "Application filed", "出願", 0),
      stage("GOVERNOR_CONSULTATION", "Prefectural governor consulted", "都道府県知事との協議", 120),
      stage("PERMISSION_GRANTED", "Digging right permitted", "採掘権設定の許可", 240),
      stage("REGISTERED", "Digging right registered", "採掘権の登録", 270),
    ],
    targetDays: 365,
  },
  GENERIC: {
    instrument: "GENERIC",
    jurisdiction: USUAL_JURISDICTION.GENERIC,
    stages: [
      stage("APPLICATION_FILED", "Application filed", "申請", 0),
      stage("REVIEW_COMPLETE", "Review complete", "審査完了", 180),
      stage("DECISION", "Decision", "決定", 270),
    ],
    targetDays: 365,
  },
};

/** The milestones a new authorization starts with: its template's stages, targets counted from its start. */
export function scheduleFor(
  instrument: PermitInstrument,
  startDate: string,
): { kind: string; en: string; ja: string; target: string }[] {
  return PERMIT_TEMPLATES[instrument].stages.map((s) => ({
    kind: s.kind,
    en: s.en,
    ja: s.ja,
    target: addCalendarDays(startDate, s.days),
  }));
}

// ── Who may ──────────────────────────────────────────────────────────────────────────────

/** Coordinators edit every project's timetable; partners their own organisation's; delegates read. */
export function mayEditPermitting(
  actor: Pick<Actor, "role" | "organisationId">,
  project: { organisationId: string },
): boolean {
  if (!may(actor.role, "permitting.edit")) return false;
  return actor.role === "COORDINATOR" || actor.organisationId === project.organisationId;
}

/** A timetable exists for approved projects: those being delivered or done. */
export function hasTimetable(status: string): boolean {
  return status === "APPROVED" || status === "IN_DELIVERY" || status === "COMPLETED";
}

// ── Derived status ───────────────────────────────────────────────────────────────────────

export interface MilestoneFacts {
  currentDate: string;
  actualDate: string | null;
}

export interface AuthorizationFacts {
  jurisdiction: Jurisdiction;
  startDate: string;
  outcome: PermitOutcome | null;
  milestones: readonly MilestoneFacts[];
}

export interface MilestoneStanding {
  status: PermitStatus;
  /** Working days past its current target, on the jurisdiction's calendar; null unless missed. */
  missedBy: number | null;
}

/**
 * Each milestone's status at `today`: completed once it has an actual date; otherwise denied or
 * withdrawn with its authorization; paused while the project is; the first open milestone is in
 * progress once the authorization has started; the rest are planned. An open milestone whose
 * current target has passed is missed by the working days since.
 */
export function milestoneStandings(
  a: AuthorizationFacts,
  opts: { paused: boolean; today: string; calendar: HolidayCalendar },
): MilestoneStanding[] {
  let firstOpen = true;
  return a.milestones.map((m) => {
    if (m.actualDate !== null) return { status: "COMPLETED", missedBy: null };
    const first = firstOpen;
    firstOpen = false;
    if (a.outcome !== null) return { status: a.outcome, missedBy: null };
    const missed =
      m.currentDate < opts.today
        ? workingDaysAfter(opts.calendar, a.jurisdiction, m.currentDate, opts.today)
        : 0;
    const missedBy = missed > 0 ? missed : null;
    if (opts.paused) return { status: "PAUSED", missedBy };
    return { status: first && a.startDate <= opts.today ? "IN_PROGRESS" : "PLANNED", missedBy };
  });
}

/** An authorization's status: its outcome, completed when every milestone is, else as its first open milestone. */
export function authorizationStatus(
  standings: readonly MilestoneStanding[],
  outcome: PermitOutcome | null,
): PermitStatus {
  if (outcome !== null) return outcome;
  const open = standings.find((s) => s.status !== "COMPLETED");
  return open ? open.status : "COMPLETED";
}

/**
 * The estimated completion: the latest date on the path, each live authorization's final
 * milestone at its actual date or else its current target. Denied and withdrawn ones are off the path.
 */
export function estimatedCompletion(authorizations: readonly AuthorizationFacts[]): string | null {
  let latest: string | null = null;
  for (const a of authorizations) {
    if (a.outcome !== null) continue;
    const last = a.milestones.at(-1);
    if (!last) continue;
    const date = last.actualDate ?? last.currentDate;
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}

/** When the owner and coordinators hear that a milestone was missed: the first working day after its target. */
export function missedNoticeDay(
  calendar: HolidayCalendar,
  jurisdiction: Jurisdiction,
  target: string,
): string {
  return nextWorkingDay(calendar, jurisdiction, target);
}

// ── Date changes ─────────────────────────────────────────────────────────────────────────

/** Whether moving a milestone's target from `from` to `to` needs a coordinator's determination. */
export function needsDetermination(move: { final: boolean; from: string; to: string }): boolean {
  return move.final && Math.abs(daysFrom(move.from, move.to)) > DETERMINATION_THRESHOLD_DAYS;
}

/**
 * What becomes of a requested move: applied at once, or waiting for a coordinator. A coordinator
 * who makes a move that needs a determination records it with the move (and must).
 */
export function moveOutcome(
  move: { final: boolean; from: string; to: string; determination: string | null },
  actor: Pick<Actor, "role">,
): DateChangeState {
  if (!needsDetermination(move)) return "APPLIED";
  if (!may(actor.role, "permitting.determine")) return "PENDING";
  if (!move.determination) {
    throw new DomainError(
      "VALIDATION",
      `This moves the authorization's final date by more than ${DETERMINATION_THRESHOLD_DAYS} days: record your determination with it.`,
    );
  }
  return "APPLIED";
}

// ── Pauses ───────────────────────────────────────────────────────────────────────────────

/** When a pause's next summary is due: 90 days after its start or its latest summary. */
export function summaryDueOn(pause: { startedOn: string; lastSummaryOn: string | null }): string {
  return addCalendarDays(pause.lastSummaryOn ?? pause.startedOn, PAUSE_SUMMARY_DAYS);
}

/** Whether a pause's summary is overdue at `today`. */
export function summaryOverdue(
  pause: { startedOn: string; lastSummaryOn: string | null },
  today: string,
): boolean {
  return summaryDueOn(pause) < today;
}

/**
 * The moves a resume makes: every open milestone's target moves later by the days the project
 * was paused, each with the reason "project pause". Nothing moves after a pause of no days.
 */
export function resumeMoves<M extends MilestoneFacts & { id: string }>(
  open: readonly M[],
  pause: { startedOn: string; resumedOn: string },
): { milestone: M; from: string; to: string }[] {
  const days = Math.max(0, daysFrom(pause.startedOn, pause.resumedOn));
  if (days === 0) return [];
  return open
    .filter((m) => m.actualDate === null)
    .map((m) => ({ milestone: m, from: m.currentDate, to: addCalendarDays(m.currentDate, days) }));
}

// ── Across projects ──────────────────────────────────────────────────────────────────────

export interface CompletedStage {
  authority: string;
  kind: string;
  baselineDate: string;
  actualDate: string;
  /** When the stage began: the previous milestone's actual date, or the authorization's start. */
  startedOn: string;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * Per authority: how many completed milestones met their baseline target (a moved date does not
 * make a late milestone on time), and the median days each stage took.
 */
export function authorityStats(completed: readonly CompletedStage[]): {
  authority: string;
  completed: number;
  onTime: number;
  onTimeRate: number;
  stages: { kind: string; count: number; medianDays: number }[];
}[] {
  const byAuthority = new Map<string, CompletedStage[]>();
  for (const c of completed) {
    const list = byAuthority.get(c.authority) ?? [];
    list.push(c);
    byAuthority.set(c.authority, list);
  }
  return [...byAuthority.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([authority, list]) => {
      const onTime = list.filter((c) => c.actualDate <= c.baselineDate).length;
      const byKind = new Map<string, number[]>();
      for (const c of list) {
        const days = byKind.get(c.kind) ?? [];
        days.push(Math.max(0, daysFrom(c.startedOn, c.actualDate)));
        byKind.set(c.kind, days);
      }
      return {
        authority,
        completed: list.length,
        onTime,
        onTimeRate: list.length ? onTime / list.length : 0,
        stages: [...byKind.entries()].map(([kind, days]) => ({
          kind,
          count: days.length,
          medianDays: median(days)!,
        })),
      };
    });
}

/** Days an authorization has taken so far (to its final actual date, or today) against its framework target. */
export function elapsedAgainstTarget(
  a: { instrument: PermitInstrument; startDate: string; finishedOn: string | null },
  today: string,
): { elapsedDays: number; targetDays: number; over: boolean } {
  const targetDays = PERMIT_TEMPLATES[a.instrument].targetDays;
  const elapsedDays = Math.max(0, daysFrom(a.startDate, a.finishedOn ?? today));
  return { elapsedDays, targetDays, over: elapsedDays > targetDays };
}

// ── Inputs ───────────────────────────────────────────────────────────────────────────────

const id = z.uuid();
const label = (what: string) =>
  z.string().trim().min(1, `Enter the ${what}.`).max(200, `Keep the ${what} to 200 characters.`);
const text = (what: string, max = 2000) =>
  z
    .string()
    .trim()
    .min(3, `Write the ${what} (at least 3 characters).`)
    .max(max, `Keep the ${what} to ${max} characters.`);

export const PermittingProjectInput = z.object({ projectId: id }).strict();

export const AddAuthorizationInput = z
  .object({
    projectId: id,
    jurisdiction: Jurisdiction,
    authority: label("authority"),
    instrument: PermitInstrument,
    titleEn: label("English title"),
    titleJa: label("Japanese title"),
    /** A US state or Japanese prefecture, or the country for another jurisdiction. */
    region: z.string().trim().max(100, "Keep the region to 100 characters.").optional(),
    startDate: CalendarDate,
  })
  .strict();
export type AddAuthorizationInput = z.infer<typeof AddAuthorizationInput>;

export const MoveDateInput = z
  .object({
    milestoneId: id,
    /** The current target the mover saw: a move made meanwhile makes this one a conflict. */
    from: CalendarDate,
    to: CalendarDate,
    reason: DateChangeReason.exclude(["PROJECT_PAUSE"], {
      error: "Choose a reason from the list (a pause moves dates itself when the project resumes).",
    }),
    justification: text("justification"),
    /** A coordinator's determination, needed for a move of more than 30 days to the final milestone. */
    determination: text("determination").optional(),
  })
  .strict()
  .refine((m) => m.from !== m.to, { message: "The new date is the same as the current one.", path: ["to"] });
export type MoveDateInput = z.infer<typeof MoveDateInput>;

export const DecideChangeInput = z
  .object({ changeId: id, approve: z.boolean(), determination: text("determination") })
  .strict();
export type DecideChangeInput = z.infer<typeof DecideChangeInput>;

export const RecordActualInput = z.object({ milestoneId: id, actualDate: CalendarDate }).strict();
export type RecordActualInput = z.infer<typeof RecordActualInput>;

export const SetOutcomeInput = z
  .object({ authorizationId: id, outcome: PermitOutcome, reason: text("reason") })
  .strict();
export type SetOutcomeInput = z.infer<typeof SetOutcomeInput>;

export const PauseInput = z
  .object({ projectId: id, reason: PauseReason, summary: text("summary"), startedOn: CalendarDate })
  .strict();
export type PauseInput = z.infer<typeof PauseInput>;

export const PauseSummaryInput = z.object({ projectId: id, summary: text("summary") }).strict();
export type PauseSummaryInput = z.infer<typeof PauseSummaryInput>;

export const ResumeInput = z
  .object({
    projectId: id,
    resumedOn: CalendarDate,
    /** Needed from a coordinator when the pause moves a final date by more than 30 days. */
    determination: text("determination").optional(),
  })
  .strict();
export type ResumeInput = z.infer<typeof ResumeInput>;

export const PermittingOverviewInput = z
  .object({
    jurisdiction: Jurisdiction.optional(),
    authority: z.string().trim().max(200).optional(),
    status: PermitStatus.optional(),
  })
  .strict();
export type PermittingOverviewInput = z.infer<typeof PermittingOverviewInput>;
