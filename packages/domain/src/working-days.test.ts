import { describe, expect, it } from "vitest";
import { isWorkingDay, nextWorkingDay, workingDaysAfter, type HolidayCalendar } from "./working-days.js";

// The rules over any holiday table (the real table, from date-holidays, is tested in apps/api/src/holidays.test.ts).

const none: HolidayCalendar = { isHoliday: () => false };
const oneUsHoliday: HolidayCalendar = { isHoliday: (c, d) => c === "US" && d === "2026-07-03" };

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
});
