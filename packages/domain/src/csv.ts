import { dateIn } from "./delivery.js";

// Rules for the CSV exports people open in spreadsheets. The API writes every export through one
// function that applies them (RFC 4180 text by csv-stringify); these are the parts that decide
// what a cell says and what the file is called.

/**
 * The characters that make a spreadsheet read a cell as a formula when it starts with one:
 * = + - @, tab and carriage return (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text, safe to open in a spreadsheet: one that starts like a formula is prefixed with a
 * single quote, so Excel, LibreOffice and Google Sheets show it as text instead of running it
 * (`=HYPERLINK(…)` becomes `'=HYPERLINK(…)`). Every other text is returned unchanged.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The value of one cell before it is written: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | bigint | null | undefined;

/** What a cell holds as text, neutralised (numbers included: `-1` would start a formula too). */
export function cellText(value: CsvValue): string {
  return neutraliseCell(value === null || value === undefined ? "" : String(value));
}

/**
 * The file name of an export made at `now`, dated as the reader's clock shows it
 * (`lodestone-projects-2026-12-06.csv`). A zone the platform does not know dates it in UTC.
 */
export function exportFileName(kind: string, now: Date, timeZone: string): string {
  let day: string;
  try {
    day = dateIn(now, timeZone);
  } catch {
    day = dateIn(now, "UTC");
  }
  return `lodestone-${kind}-${day}.csv`;
}
