import { z } from "zod";
import { DomainError, refuseFirst, type RuleProblem } from "./errors.js";
import { may } from "./access.js";
import { MilestoneStatus, type Role } from "./enums.js";
import { DATE_RANGE_MESSAGE, EARLIEST_DATE, LATEST_DATE } from "./time-range.js";

// Delivery tracking (DESIGN.md §3): milestone trees with weights, progress roll-up, overdue.

/** A calendar date, YYYY-MM-DD (a due date is a day in the project's reference time zone). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2027-03-31.")
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(d);
  }, "That date does not exist.")
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, DATE_RANGE_MESSAGE);

/** One formatter per zone (making one costs far more than using it). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is at `instant` in `timeZone` (YYYY-MM-DD). */
export function dateIn(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Statuses in which a milestone is finished: never due, overdue or counted as open. */
export const FINISHED_MILESTONE_STATUSES = ["DONE", "CANCELLED"] as const satisfies readonly z.infer<
  typeof MilestoneStatus
>[];

/** Whether a milestone is finished (done or cancelled). */
export function isFinished(status: z.infer<typeof MilestoneStatus>): boolean {
  return (FINISHED_MILESTONE_STATUSES as readonly string[]).includes(status);
}

/** Where a milestone stands against its due day, in the project's reference time zone. */
export type DueState = "overdue" | "dueToday" | null;

/**
 * Due today: the due day is today in the project's reference time zone. Overdue: that day has
 * ended there. Neither for a milestone that is finished. (The dashboard counts the same in SQL,
 * built from this definition in the repositories' rule fragments and checked against it.)
 */
export function dueState(
  m: { dueDate: string; status: z.infer<typeof MilestoneStatus> },
  now: Date,
  referenceTimeZone: string,
): DueState {
  if (isFinished(m.status)) return null;
  const today = dateIn(now, referenceTimeZone);
  return m.dueDate < today ? "overdue" : m.dueDate === today ? "dueToday" : null;
}

/** Overdue: the due day has ended in the project's reference time zone (see `dueState`). */
export function isOverdue(
  m: { dueDate: string; status: z.infer<typeof MilestoneStatus> },
  now: Date,
  referenceTimeZone: string,
): boolean {
  return dueState(m, now, referenceTimeZone) === "overdue";
}

/** Open and due in the calendar month it is now in the project's reference time zone (past days of it included). */
export function isDueThisMonth(
  m: { dueDate: string; status: z.infer<typeof MilestoneStatus> },
  now: Date,
  referenceTimeZone: string,
): boolean {
  return !isFinished(m.status) && m.dueDate.slice(0, 7) === dateIn(now, referenceTimeZone).slice(0, 7);
}

export interface ProgressNode {
  status: z.infer<typeof MilestoneStatus>;
  /** The reported percentage, for a milestone without children. */
  progress: number;
  /** Relative weight among siblings; null weighs 1. */
  weight: number | null;
  children: ProgressNode[];
}

/**
 * Whether a milestone counts in its parent's (or the project's) progress: not cancelled, and for a
 * parent, something under it still counts (a parent whose children are all cancelled has nothing
 * left to measure, so it does not pull its siblings down).
 */
function counts(node: ProgressNode): boolean {
  if (node.status === "CANCELLED") return false;
  if (node.status === "DONE" || node.children.length === 0) return true;
  return node.children.some(counts);
}

/**
 * A milestone's progress (0–100): DONE is 100; a leaf's is its reported percentage; a parent's
 * is the weighted average of the children that count (an unweighted child weighs 1). A parent
 * with nothing under it that counts is 0, and does not count itself.
 */
export function rollUp(node: ProgressNode): number {
  if (node.status === "DONE") return 100;
  if (node.children.length === 0) return clamp(node.progress);
  return weightedAverage(node.children.filter(counts));
}

/** A project's progress: the roll-up of its top-level milestones that count (0 with none). */
export function projectProgress(topLevel: ProgressNode[]): number {
  return weightedAverage(topLevel.filter(counts));
}

function weightedAverage(nodes: ProgressNode[]): number {
  let total = 0;
  let sum = 0;
  for (const n of nodes) {
    const w = n.weight ?? 1;
    total += w;
    sum += w * rollUp(n);
  }
  return total === 0 ? 0 : sum / total;
}

/** A milestone as stored: its place in the tree and what was reported on it. */
export interface ProgressRow {
  id: string;
  parentId: string | null;
  status: z.infer<typeof MilestoneStatus>;
  progress: number;
  weight: number | null;
}

/**
 * Every milestone's progress in whole percent (rolled up for parents) and the project's, from the
 * flat rows of one or more projects' trees. The delivery tree, "My milestones" and the CSV
 * export all read progress through this one function, so a milestone shows the same figure on
 * each.
 */
export function progressOf(rows: readonly ProgressRow[]): {
  byId: Map<string, number>;
  topLevel: ProgressNode[];
} {
  const byParent = new Map<string | null, ProgressRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const nodes = new Map<string, ProgressNode>();
  const node = (r: ProgressRow): ProgressNode => {
    const existing = nodes.get(r.id);
    if (existing) return existing;
    const made: ProgressNode = {
      status: r.status,
      progress: r.progress,
      weight: r.weight,
      children: (byParent.get(r.id) ?? []).map(node),
    };
    nodes.set(r.id, made);
    return made;
  };
  const byId = new Map(rows.map((r) => [r.id, Math.round(rollUp(node(r)))]));
  return { byId, topLevel: (byParent.get(null) ?? []).map(node) };
}

/** A project's progress in whole percent, from its milestones' flat rows. */
export function projectProgressOf(rows: readonly ProgressRow[]): number {
  return Math.round(projectProgress(progressOf(rows).topLevel));
}

const clamp = (p: number) => Math.min(100, Math.max(0, p));

/** A milestone, by its id (its history). */
export const MilestoneIdInput = z.object({ milestoneId: z.uuid() }).strict();

export const ReportProgressInput = z
  .object({
    milestoneId: z.uuid(),
    version: z.number().int().min(1),
    status: MilestoneStatus,
    progress: z.number().int().min(0).max(100),
    note: z.string().trim().max(5_000).nullable().default(null),
    evidence: z.string().trim().max(5_000).nullable().default(null),
    /** Data-room versions the report cites (each a released version of this project's documents). */
    evidenceVersionIds: z
      .array(z.uuid())
      .max(20)
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .strict();

/** DONE needs evidence and means 100%; BLOCKED needs a reason. */
export function reportProblems(r: {
  status: z.infer<typeof MilestoneStatus>;
  progress: number;
  note: string | null;
  evidence: string | null;
  evidenceVersionIds?: readonly string[];
}): RuleProblem<"evidence" | "progress" | "note", "evidenceRequired" | "doneIs100" | "blockedReason">[] {
  return [
    ...(r.status === "DONE" && !r.evidence && !r.evidenceVersionIds?.length
      ? [
          {
            field: "evidence",
            reason: "evidenceRequired",
            message: "Marking a milestone done needs evidence.",
          } as const,
        ]
      : []),
    ...(r.status === "DONE" && r.progress !== 100
      ? [
          {
            field: "progress",
            reason: "doneIs100",
            message: "A milestone that is done is 100% complete.",
          } as const,
        ]
      : []),
    ...(r.status === "BLOCKED" && !r.note
      ? [{ field: "note", reason: "blockedReason", message: "Say what blocks the milestone." } as const]
      : []),
  ];
}

/** `reportProblems` as the API applies it: the first problem refuses the report. */
export function checkReport(r: Parameters<typeof reportProblems>[0]): void {
  refuseFirst(reportProblems(r));
}

/**
 * Progress is reported on leaves only: a parent's progress is rolled up from its children, so a
 * report on a milestone that has children is refused.
 */
export function checkReportable(m: { hasChildren: boolean }) {
  if (m.hasChildren) {
    throw new DomainError(
      "VALIDATION",
      "This milestone has sub-milestones: its progress is rolled up from theirs. Report on the sub-milestones instead.",
    );
  }
}

/**
 * A project can be completed when it has a milestone and every milestone is finished: done,
 * cancelled, or (for a parent, which takes no reports) every child finished.
 */
export function canComplete(
  milestones: { id: string; parentId: string | null; status: z.infer<typeof MilestoneStatus> }[],
): boolean {
  const children = new Map<string | null, typeof milestones>();
  for (const m of milestones) children.set(m.parentId, [...(children.get(m.parentId) ?? []), m]);
  const finished = (m: (typeof milestones)[number]): boolean => {
    if (isFinished(m.status)) return true;
    const under = children.get(m.id) ?? [];
    return under.length > 0 && under.every(finished);
  };
  const top = children.get(null) ?? [];
  return top.length > 0 && top.every(finished);
}

const title = z.string().trim().min(1, "Give the milestone a title.").max(200);

export const CreateMilestoneInput = z
  .object({
    projectId: z.uuid(),
    parentId: z.uuid().nullable().default(null),
    titleEn: title,
    titleJa: title,
    dueDate: CalendarDate,
    /** Relative weight among its siblings; left empty, it weighs 1. */
    weight: z.number().int().min(1).max(1000).nullable().default(null),
    assigneeUserId: z.uuid().nullable().default(null),
    assigneeOrganisationId: z.uuid().nullable().default(null),
  })
  .strict()
  .refine((m) => !(m.assigneeUserId && m.assigneeOrganisationId), {
    message: "Assign a person or an organisation, not both.",
    path: ["assigneeUserId"],
  });

export const ReplanMilestoneInput = z
  .object({
    milestoneId: z.uuid(),
    version: z.number().int().min(1),
    dueDate: CalendarDate,
    reason: z.string().trim().min(3, "Say why the date moves.").max(2_000),
  })
  .strict();

export const MyMilestonesInput = z
  .object({
    cursor: z.uuid().nullish(),
    /** Sent by infinite-query clients; pages only go forward. */
    direction: z.literal("forward").optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();

export interface MilestoneView {
  id: string;
  parentId: string | null;
  title: { en: string; ja: string };
  dueDate: string;
  weight: number | null;
  status: z.infer<typeof MilestoneStatus>;
  /** Reported (leaves) or rolled up (parents), 0–100. */
  progress: number;
  overdue: boolean;
  /** Due today in the project's reference time zone (and not done or cancelled). */
  dueToday: boolean;
  version: number;
  assignee: { kind: "user" | "organisation"; id: string; name: string } | null;
  canReport: boolean;
  children: MilestoneView[];
}

/** Whose milestones are an actor's own: those assigned to them and, for a partner, to their organisation. */
export interface Assignment {
  userId: string;
  organisationId: string | null;
}

export function assignmentOf(actor: { id: string; role: Role; organisationId: string | null }): Assignment {
  return { userId: actor.id, organisationId: actor.role === "PARTNER" ? actor.organisationId : null };
}

/** The same rule for one milestone (the "my milestones" list filters by it in SQL). */
export function isAssignedTo(
  actor: { id: string; role: Role; organisationId: string | null },
  m: { assigneeUserId: string | null; assigneeOrganisationId: string | null },
): boolean {
  const a = assignmentOf(actor);
  return (
    m.assigneeUserId === a.userId ||
    (a.organisationId !== null && m.assigneeOrganisationId === a.organisationId)
  );
}

/** Who may report progress (DESIGN.md §4): coordinators; the assigned person; partners of the assigned organisation. */
export function canReportOn(
  actor: { id: string; role: Role; organisationId: string | null },
  m: { assigneeUserId: string | null; assigneeOrganisationId: string | null },
): boolean {
  if (!may(actor.role, "delivery.report")) return false;
  // Whoever plans delivery may report on any milestone.
  return may(actor.role, "delivery.plan") || isAssignedTo(actor, m);
}
