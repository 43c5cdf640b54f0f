import { z } from "zod";

/**
 * The dates Lodestone accepts anywhere: from 1900 to 2199. PostgreSQL has no year 0 and
 * JavaScript dates reach far beyond what any project plans for; every date or instant that comes
 * in is checked against this one range in its schema, so none reaches the database out of it.
 */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2199-12-31";
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

export const DATE_RANGE_MESSAGE = `Use a date between ${EARLIEST_DATE} and ${LATEST_DATE}.`;

/** Whether an instant (a Date or milliseconds) lies in the accepted range. */
export function inDateRange(instant: Date | number): boolean {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS;
}

/** An ISO 8601 instant with an offset (`2027-03-31T09:00:00+09:00`), in the accepted range. */
export const IsoInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => inDateRange(Date.parse(s)), DATE_RANGE_MESSAGE);

/** A date or anything that coerces to one (ISO text, milliseconds), in the accepted range. */
export const BoundedDate = z.coerce
  .date({ error: "Use a valid date and time." })
  .refine((d) => inDateRange(d), DATE_RANGE_MESSAGE);
