import type { Jurisdiction } from "./vocabulary.js";

// Working days on each jurisdiction's calendar (DESIGN.md §12): weekends, the country's public
// holidays (substitute days included) and, for Japanese authorities, the government offices'
// year-end closure (December 29 to January 3, the Act on Holidays of Administrative Organs). US
// authorizations count US federal holidays (a state's own holidays vary by state and are not
// counted); other countries count weekends only. Which days are public holidays is data: the API
// supplies it (apps/api/src/holidays.ts, from date-holidays), so this module stays pure.

export type HolidayCountry = "US" | "JP";

/** Public holidays, by country. */
export interface HolidayCalendar {
  isHoliday(country: HolidayCountry, date: string): boolean;
}

const COUNTRY: Record<Jurisdiction, HolidayCountry | null> = {
  US_FEDERAL: "US",
  US_STATE: "US",
  JP_NATIONAL: "JP",
  JP_PREFECTURE: "JP",
  OTHER: null,
};

export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar days from one date (YYYY-MM-DD) to another (negative when earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Japan's government offices close from December 29 to January 3. */
function yearEndClosure(date: string): boolean {
  const monthDay = date.slice(5);
  return monthDay >= "12-29" || monthDay <= "01-03";
}

/** Whether `date` (YYYY-MM-DD) is a working day in `jurisdiction`. */
export function isWorkingDay(calendar: HolidayCalendar, jurisdiction: Jurisdiction, date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  const country = COUNTRY[jurisdiction];
  if (country === null) return true;
  if (country === "JP" && yearEndClosure(date)) return false;
  return !calendar.isHoliday(country, date);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`): how many
 * working days late a date is when `from` was its target and `to` is today.
 */
export function workingDaysAfter(
  calendar: HolidayCalendar,
  jurisdiction: Jurisdiction,
  from: string,
  to: string,
): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(calendar, jurisdiction, d)) count++;
  }
  return count;
}

/** The first working day after `date`. */
export function nextWorkingDay(calendar: HolidayCalendar, jurisdiction: Jurisdiction, date: string): string {
  let d = addCalendarDays(date, 1);
  while (!isWorkingDay(calendar, jurisdiction, d)) d = addCalendarDays(d, 1);
  return d;
}
