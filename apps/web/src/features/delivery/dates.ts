import { dateIn } from "@lodestone/domain/delivery";

/**
 * A calendar date (YYYY-MM-DD) as a Date at midnight UTC: format it with `timeZone: "UTC"` so the
 * day shown is the day stored, whatever the reader's own zone.
 */
export function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Options for showing a calendar date (a due date) without moving it to another day. */
export const CALENDAR_DATE = { dateStyle: "medium", timeZone: "UTC" } as const;

/** Today in `timeZone`, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarDay(to).getTime() - calendarDay(from).getTime()) / 86_400_000);
}
