import type { Jurisdiction } from "./vocabulary.js";

// Working days on each jurisdiction's calendar (DESIGN.md §12): weekends, the country's public
// holidays (substitute days included) and, for Japanese authorities, the government offices'
// year-end closure (December 29 to January 3, the Act on Holidays of Administrative Organs). US
// authorizations count US federal holidays (a state's own holidays vary by state and are not
// counted); other countries count weekends only. Which days are public holidays is data: the API
// supplies it (apps/api/src/holidays.ts, from date-holidays), so this module stays pure.

export type HolidayCountry = "US" | "JP";

/** Public holidays, by country: a year's dates (YYYY-MM-DD). */
export interface HolidayCalendar {
  holidaysIn(country: HolidayCountry, year: number): ReadonlySet<string>;
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

/** Whether `date` (YYYY-MM-DD) is a working day in `jurisdiction`. */
export function isWorkingDay(calendar: HolidayCalendar, jurisdiction: Jurisdiction, date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  const country = COUNTRY[jurisdiction];
  if (country === null) return true;
  return !closedIn(calendar, country, Number(date.slice(0, 4))).has(date);
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Weekdays from 1970-01-01 (a Thursday) through `date` (negative before it). */
function weekdaysThrough(date: string): number {
  const days = dayNumber(date) + 1;
  const weeks = Math.floor(days / 7);
  // The days after the whole weeks start on a Thursday: Thu, Fri, Sat, Sun, Mon, Tue.
  return weeks * 5 + [0, 1, 2, 2, 2, 3, 4][days - weeks * 7]!;
}

/** The days a country's offices close besides its weekends, in `year`: its holidays, and for Japan the year-end closure. */
function closedIn(calendar: HolidayCalendar, country: HolidayCountry, year: number): ReadonlySet<string> {
  const closed = new Set(calendar.holidaysIn(country, year));
  if (country === "JP") {
    for (const d of ["01-01", "01-02", "01-03", "12-29", "12-30", "12-31"]) closed.add(`${year}-${d}`);
  }
  return closed;
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
  if (to <= from) return 0;
  // Counted, not walked: the weekdays in the span, less the closed days among them (a date years
  // late costs a few holiday lists, not a step per day).
  let count = weekdaysThrough(to) - weekdaysThrough(from);
  const country = COUNTRY[jurisdiction];
  if (country === null) return count;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const d of closedIn(calendar, country, year)) {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (d > from && d <= to && day !== 0 && day !== 6) count--;
    }
  }
  return count;
}

/** The first working day after `date`. */
export function nextWorkingDay(calendar: HolidayCalendar, jurisdiction: Jurisdiction, date: string): string {
  let d = addCalendarDays(date, 1);
  while (!isWorkingDay(calendar, jurisdiction, d)) d = addCalendarDays(d, 1);
  return d;
}
