import { cellText, exportFileName, type CsvValue } from "@lodestone/domain/csv";
import type { Locale } from "@lodestone/domain/enums";
import { stringify } from "csv-stringify/sync";

// The one way the API writes CSV: every export goes through `csvFile`, so every cell (headers
// included) is neutralised against formula injection and quoted as RFC 4180 says.

/** One column of an export: its header in each language and its value in a row. */
export interface CsvColumn<Row> {
  header: Record<Locale, string>;
  value: (row: Row) => CsvValue;
}

export interface CsvFile {
  filename: string;
  content: string;
}

/** Who reads the export: the language of its headers and the zone its file name is dated in. */
export interface CsvReader {
  locale: Locale;
  timeZone: string;
}

// UTF-8 with a byte-order mark, so Excel (Japanese Windows included) opens it as UTF-8.
const BOM = "\uFEFF";

/**
 * The export's text: a header row in the reader's language, then one record per row. Cells are
 * quoted when they hold a comma, a double quote (doubled inside), CR or LF; csv-stringify by itself
 * quotes a lone CR or LF only when it is the record delimiter, hence `quoted_match`.
 */
export function csvText<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  locale: Locale,
): string {
  const records = [
    columns.map((c) => cellText(c.header[locale])),
    ...rows.map((row) => columns.map((c) => cellText(c.value(row)))),
  ];
  return BOM + stringify(records, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/** An export named `lodestone-<kind>-<the reader's date>.csv`. */
export function csvFile<Row>(
  kind: string,
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  reader: CsvReader,
  now: Date,
): CsvFile {
  return {
    filename: exportFileName(kind, now, reader.timeZone),
    content: csvText(columns, rows, reader.locale),
  };
}
