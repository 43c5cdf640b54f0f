import Holidays from "date-holidays";
import type { Jurisdiction } from "./vocabulary.js";

// Working days on each jurisdiction's calendar (DESIGN.md §12). Holidays come from date-holidays
// (its "public" days, substitute days included): US federal holidays for US authorizations (a
// state's own holidays vary by state and are not counted), Japan's national holidays for Japanese
// ones, plus the government offices' year-end closure (December 29 to January 3, the Act on
// Holidays of Administrative Organs). Other countries count weekends only. The holiday data is
// large: this module is for the server; browsers receive the counts.

type Calendar = "US" | "JP" | "WEEKENDS";

const CALENDAR: Record<Jurisdiction, Calendar> = {
  US_FEDERAL: "US",
  US_STATE: "US",
  JP_NATIONAL: "JP",
  JP_PREFECTURE: "JP",
  OTHER: "WEEKENDS",
};

const libraries = new Map<"US" | "JP", Holidays>();
const years = new Map<string, ReadonlySet<string>>();

function holidaysIn(calendar: "US" | "JP", year: number): ReadonlySet<string> {
  const key = `${calendar}:${year}`;
  let days = years.get(key);
  if (!days) {
    let library = libraries.get(calendar);
    if (!library) {
      library = new Holidays(calendar);
      libraries.set(calendar, library);
    }
    const set = new Set(
      library
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    if (calendar === "JP") {
      for (const d of ["01-01", "01-02", "01-03", "12-29", "12-30", "12-31"]) set.add(`${year}-${d}`);
    }
    days = set;
    years.set(key, days);
  }
  return days;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether `date` (YYYY-MM-DD) is a working day in `jurisdiction`. */
export function isWorkingDay(jurisdiction: Jurisdiction, date: string): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  const calendar = CALENDAR[jurisdiction];
  if (calendar === "WEEKENDS") return true;
  return !holidaysIn(calendar, Number(date.slice(0, 4))).has(date);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`): how many
 * working days late a date is when `from` was its target and `to` is today.
 */
export function workingDaysAfter(jurisdiction: Jurisdiction, from: string, to: string): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(jurisdiction, d)) count++;
  }
  return count;
}

/** The first working day after `date`. */
export function nextWorkingDay(jurisdiction: Jurisdiction, date: string): string {
  let d = addCalendarDays(date, 1);
  while (!isWorkingDay(jurisdiction, d)) d = addCalendarDays(d, 1);
  return d;
}
