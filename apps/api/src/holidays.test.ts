import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JURISDICTIONS, type Jurisdiction } from "@lodestone/domain/vocabulary";
import * as days from "@lodestone/domain/working-days";
import { holidays } from "./holidays.js";

// The working-day rules (@lodestone/domain/working-days) on the holidays date-holidays gives
// (./holidays.ts), against known dates: OPM's federal holiday tables and the Cabinet Office's list
// of national holidays.

const { addCalendarDays } = days;
const isWorkingDay = (j: Jurisdiction, d: string) => days.isWorkingDay(holidays, j, d);
const workingDaysAfter = (j: Jurisdiction, from: string, to: string) =>
  days.workingDaysAfter(holidays, j, from, to);
const nextWorkingDay = (j: Jurisdiction, d: string) => days.nextWorkingDay(holidays, j, d);

describe("working days: US federal calendar", () => {
  it.each([
    ["2026-01-01", "New Year's Day"],
    ["2026-01-19", "Martin Luther King Jr. Day"],
    ["2026-02-16", "Washington's Birthday"],
    ["2026-05-25", "Memorial Day"],
    ["2026-06-19", "Juneteenth"],
    ["2026-07-03", "Independence Day observed (July 4 is a Saturday)"],
    ["2026-09-07", "Labor Day"],
    ["2026-10-12", "Columbus Day"],
    ["2026-11-11", "Veterans Day"],
    ["2026-11-26", "Thanksgiving Day"],
    ["2026-12-25", "Christmas Day"],
    ["2027-06-18", "Juneteenth observed (June 19 is a Saturday)"],
    ["2027-07-05", "Independence Day observed (July 4 is a Sunday)"],
    ["2027-12-24", "Christmas Day observed (December 25 is a Saturday)"],
    ["2027-12-31", "New Year's Day 2028 observed (January 1 is a Saturday)"],
  ])("%s is a holiday (%s)", (date) => {
    expect(isWorkingDay("US_FEDERAL", date)).toBe(false);
    expect(isWorkingDay("US_STATE", date)).toBe(false);
  });

  it.each([
    ["2026-11-27", "the day after Thanksgiving is not a federal holiday"],
    ["2026-12-24", "Christmas Eve is not one either"],
    ["2026-12-29", "Japan's year-end closure is not a US one"],
  ])("%s is a working day (%s)", (date) => {
    expect(isWorkingDay("US_FEDERAL", date)).toBe(true);
  });
});

describe("working days: Japan's national calendar", () => {
  it.each([
    ["2026-01-12", "成人の日"],
    ["2026-02-11", "建国記念の日"],
    ["2026-02-23", "天皇誕生日"],
    ["2026-03-20", "春分の日"],
    ["2026-04-29", "昭和の日"],
    ["2026-05-04", "みどりの日"],
    ["2026-05-05", "こどもの日"],
    ["2026-05-06", "振替休日 (憲法記念日 fell on a Sunday)"],
    ["2026-07-20", "海の日"],
    ["2026-08-11", "山の日"],
    ["2026-09-21", "敬老の日"],
    ["2026-09-22", "国民の休日 (between two holidays)"],
    ["2026-09-23", "秋分の日"],
    ["2026-10-12", "スポーツの日"],
    ["2026-11-03", "文化の日"],
    ["2026-11-23", "勤労感謝の日"],
    ["2027-03-22", "振替休日 (春分の日 fell on a Sunday)"],
    ["2026-12-29", "year-end closure"],
    ["2026-12-30", "year-end closure"],
    ["2026-12-31", "year-end closure"],
    ["2027-01-04", "is NOT closed: the closure ends on January 3"],
  ])("%s: %s", (date, why) => {
    const closed = !why.includes("NOT");
    expect(isWorkingDay("JP_NATIONAL", date)).toBe(!closed);
    expect(isWorkingDay("JP_PREFECTURE", date)).toBe(!closed);
  });

  it("US holidays are working days in Japan and the other way round", () => {
    expect(isWorkingDay("JP_NATIONAL", "2026-07-03")).toBe(true); // US Independence Day observed
    expect(isWorkingDay("US_FEDERAL", "2026-05-06")).toBe(true); // Japan's substitute holiday
  });
});

describe("counting", () => {
  it("counts the working days after a missed date, on each calendar", () => {
    // Friday 2026-12-25 missed, counted to Monday 2027-01-04: US closes Christmas (the target
    // itself is not counted) and New Year's Day; Japan closes Dec 29 – Jan 3.
    expect(workingDaysAfter("US_FEDERAL", "2026-12-24", "2027-01-04")).toBe(5); // 28 29 30 31 4
    expect(workingDaysAfter("JP_NATIONAL", "2026-12-24", "2027-01-04")).toBe(3); // 25 28 4
    expect(workingDaysAfter("OTHER", "2026-12-24", "2027-01-04")).toBe(7); // weekdays only
    // Golden Week 2026: Apr 29 (Wed) and May 4–6 closed.
    expect(workingDaysAfter("JP_NATIONAL", "2026-04-28", "2026-05-08")).toBe(4); // 30, 1, 7, 8
    expect(workingDaysAfter("US_FEDERAL", "2026-04-28", "2026-05-08")).toBe(8);
  });

  it("a date not yet passed is not late", () => {
    expect(workingDaysAfter("US_FEDERAL", "2026-03-10", "2026-03-10")).toBe(0);
    expect(workingDaysAfter("US_FEDERAL", "2026-03-10", "2026-03-01")).toBe(0);
  });

  it("the next working day skips weekends, holidays and the closure", () => {
    expect(nextWorkingDay("US_FEDERAL", "2026-07-02")).toBe("2026-07-06");
    expect(nextWorkingDay("JP_NATIONAL", "2026-12-28")).toBe("2027-01-04");
    expect(nextWorkingDay("JP_NATIONAL", "2026-05-01")).toBe("2026-05-07");
    expect(nextWorkingDay("OTHER", "2026-12-25")).toBe("2026-12-28");
  });

  it("property: working days between two dates add up across any split, and never exceed calendar days", () => {
    const date = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addCalendarDays("2026-01-01", n));
    fc.assert(
      fc.property(fc.constantFrom(...JURISDICTIONS), date, date, date, (j, a, b, c) => {
        const [x, y, z] = [a, b, c].sort();
        expect(workingDaysAfter(j, x!, z!)).toBe(workingDaysAfter(j, x!, y!) + workingDaysAfter(j, y!, z!));
        const calendar = Math.round((Date.parse(z!) - Date.parse(x!)) / 86_400_000);
        expect(workingDaysAfter(j, x!, z!)).toBeLessThanOrEqual(calendar);
        expect(isWorkingDay(j, nextWorkingDay(j, x!))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
