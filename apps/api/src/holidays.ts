import type { HolidayCalendar, HolidayCountry } from "@lodestone/domain/working-days";
import Holidays from "date-holidays";

// Public holidays for the permitting timetable's working days (DESIGN.md §12), from date-holidays:
// its "public" days for the United States (federal holidays, with the observed Friday or Monday
// when one falls on a weekend) and for Japan (national holidays, substitute holidays and the
// "citizens' holidays" between two). The rules that use them are in @lodestone/domain/working-days.

const libraries = new Map<HolidayCountry, Holidays>();
const years = new Map<string, ReadonlySet<string>>();

function holidaysIn(country: HolidayCountry, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let days = years.get(key);
  if (!days) {
    let library = libraries.get(country);
    if (!library) {
      library = new Holidays(country);
      libraries.set(country, library);
    }
    days = new Set(
      library
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    years.set(key, days);
  }
  return days;
}

export const holidays: HolidayCalendar = {
  holidaysIn,
};
