import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JURISDICTIONS } from "./vocabulary.js";
import {
  addCalendarDays,
  isWorkingDay,
  nextWorkingDay,
  workingDaysAfter,
  type HolidayCalendar,
} from "./working-days.js";

// The rules over any holiday table (the real table, from date-holidays, is tested in apps/api/src/holidays.test.ts).

const none: HolidayCalendar = { holidaysIn: () => new Set() };
const oneUsHoliday: HolidayCalendar = {
  holidaysIn: (c, year) => new Set(c === "US" && year === 2026 ? ["2026-07-03"] : []),
};

describe("working days", () => {
  it("weekends are never working days", () => {
    for (const j of ["US_FEDERAL", "JP_NATIONAL", "OTHER"] as const) {
      expect(isWorkingDay(none, j, "2026-07-04")).toBe(false);
      expect(isWorkingDay(none, j, "2026-07-05")).toBe(false);
      expect(isWorkingDay(none, j, "2026-07-06")).toBe(true);
    }
  });

  it("Japanese authorities close from December 29 to January 3; others do not", () => {
    for (const d of ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"]) {
      expect(isWorkingDay(none, "JP_NATIONAL", d)).toBe(false);
      expect(isWorkingDay(none, "JP_PREFECTURE", d)).toBe(false);
      expect(isWorkingDay(none, "US_FEDERAL", d)).toBe(true);
    }
    expect(isWorkingDay(none, "JP_NATIONAL", "2027-01-04")).toBe(true);
    expect(isWorkingDay(none, "JP_NATIONAL", "2026-12-28")).toBe(true);
  });

  it("a country's holidays apply to its jurisdictions only", () => {
    expect(isWorkingDay(oneUsHoliday, "US_FEDERAL", "2026-07-03")).toBe(false);
    expect(isWorkingDay(oneUsHoliday, "US_STATE", "2026-07-03")).toBe(false);
    expect(isWorkingDay(oneUsHoliday, "JP_NATIONAL", "2026-07-03")).toBe(true);
    expect(isWorkingDay(oneUsHoliday, "OTHER", "2026-07-03")).toBe(true);
    expect(workingDaysAfter(oneUsHoliday, "US_FEDERAL", "2026-07-01", "2026-07-07")).toBe(3); // 2, 6, 7
    expect(nextWorkingDay(oneUsHoliday, "US_FEDERAL", "2026-07-02")).toBe("2026-07-06");
  });

  it("property: the count equals walking the days one by one, and a span of a century answers at once", () => {
    const someHolidays: HolidayCalendar = {
      holidaysIn: (c, year) => new Set(c === "US" ? [`${year}-07-03`, `${year}-11-26`] : [`${year}-05-06`]),
    };
    const date = fc.integer({ min: -800, max: 800 }).map((n) => addCalendarDays("2026-06-01", n));
    fc.assert(
      fc.property(fc.constantFrom(...JURISDICTIONS), date, date, (j, a, b) => {
        let walked = 0;
        for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) {
          if (isWorkingDay(someHolidays, j, d)) walked++;
        }
        expect(workingDaysAfter(someHolidays, j, a, b)).toBe(walked);
      }),
      { numRuns: 300 },
    );
    // 1900 to 2026 on Japan's calendar: weekdays less about twenty closed weekdays a year.
    const century = workingDaysAfter(someHolidays, "JP_NATIONAL", "1900-01-01", "2026-12-31");
    expect(century).toBeGreaterThan(30_000);
    expect(century).toBeLessThan(33_200);
  });
});
