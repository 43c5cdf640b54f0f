import { z } from "zod";
import { DomainError } from "./errors.js";
import { MilestoneStatus } from "./enums.js";

// Delivery tracking (DESIGN.md §3): milestone trees with weights, progress roll-up, overdue.

/** A calendar date, YYYY-MM-DD (a due date is a day in the project's reference time zone). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2027-03-31.")
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(d);
  }, "That date does not exist.");

/** The calendar date it is at `instant` in `timeZone` (YYYY-MM-DD). */
export function dateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Overdue: the due day has ended in the project's reference time zone and the milestone is
 * neither done nor cancelled.
 */
export function isOverdue(
  m: { dueDate: string; status: z.infer<typeof MilestoneStatus> },
  now: Date,
  referenceTimeZone: string,
): boolean {
  if (m.status === "DONE" || m.status === "CANCELLED") return false;
  return dateIn(now, referenceTimeZone) > m.dueDate;
}

export interface ProgressNode {
  status: z.infer<typeof MilestoneStatus>;
  /** The reported percentage, for a milestone without children. */
  progress: number;
  /** Relative weight among siblings; null means equal weights. */
  weight: number | null;
  children: ProgressNode[];
}

/**
 * A milestone's progress (0–100): DONE is 100; a parent's is the weighted average of its
 * children's (equal weights when none are set); cancelled milestones do not count.
 */
export function rollUp(node: ProgressNode): number {
  if (node.status === "DONE") return 100;
  const counted = node.children.filter((c) => c.status !== "CANCELLED");
  if (counted.length === 0) return node.children.length > 0 ? 0 : clamp(node.progress);
  return weightedAverage(counted);
}

/** A project's progress: the roll-up of its top-level milestones (0 with none). */
export function projectProgress(topLevel: ProgressNode[]): number {
  const counted = topLevel.filter((c) => c.status !== "CANCELLED");
  return counted.length === 0 ? 0 : weightedAverage(counted);
}

function weightedAverage(nodes: ProgressNode[]): number {
  const anyWeight = nodes.some((n) => n.weight !== null);
  let total = 0;
  let sum = 0;
  for (const n of nodes) {
    const w = anyWeight ? (n.weight ?? 0) : 1;
    total += w;
    sum += w * rollUp(n);
  }
  return total === 0 ? 0 : sum / total;
}

const clamp = (p: number) => Math.min(100, Math.max(0, p));

export const ReportProgressInput = z
  .object({
    milestoneId: z.uuid(),
    version: z.number().int().min(1),
    status: MilestoneStatus,
    progress: z.number().int().min(0).max(100),
    note: z.string().trim().max(5_000).nullable().default(null),
    evidence: z.string().trim().max(5_000).nullable().default(null),
  })
  .strict();

/** DONE needs evidence and means 100%; BLOCKED needs a reason. */
export function checkReport(r: {
  status: z.infer<typeof MilestoneStatus>;
  progress: number;
  note: string | null;
  evidence: string | null;
}) {
  if (r.status === "DONE" && !r.evidence) {
    throw new DomainError("VALIDATION", "Marking a milestone done needs evidence.");
  }
  if (r.status === "DONE" && r.progress !== 100) {
    throw new DomainError("VALIDATION", "A milestone that is done is 100% complete.");
  }
  if (r.status === "BLOCKED" && !r.note) {
    throw new DomainError("VALIDATION", "Say what blocks the milestone.");
  }
}

/** A project can be completed when every milestone is done or cancelled (and there is one). */
export function canComplete(milestones: { status: z.infer<typeof MilestoneStatus> }[]): boolean {
  return milestones.length > 0 && milestones.every((m) => m.status === "DONE" || m.status === "CANCELLED");
}

const title = z.string().trim().min(1, "Give the milestone a title.").max(200);

export const CreateMilestoneInput = z
  .object({
    projectId: z.uuid(),
    parentId: z.uuid().nullable().default(null),
    titleEn: title,
    titleJa: title,
    dueDate: CalendarDate,
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
  version: number;
  assignee: { kind: "user" | "organisation"; id: string; name: string } | null;
  canReport: boolean;
  children: MilestoneView[];
}

/** Who may report progress (DESIGN.md §4): coordinators; the assigned person; partners of the assigned organisation. */
export function canReportOn(
  actor: { id: string; role: string; organisationId: string | null },
  m: { assigneeUserId: string | null; assigneeOrganisationId: string | null },
): boolean {
  if (actor.role === "COORDINATOR") return true;
  if (m.assigneeUserId && m.assigneeUserId === actor.id)
    return actor.role === "DELEGATE" || actor.role === "PARTNER";
  return (
    actor.role === "PARTNER" &&
    actor.organisationId !== null &&
    actor.organisationId === m.assigneeOrganisationId
  );
}
