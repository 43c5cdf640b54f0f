import { z } from "zod";

// A project's reference time zone: the zone its due dates are days of. The database works out
// "today" in it too (AT TIME ZONE), so only IANA names are accepted: an offset such as +09:00
// means the opposite sign to PostgreSQL, and an abbreviation such as JST is not a zone.

const IANA_NAME = /^(?:UTC|[A-Z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+){1,2})$/;

let known: { names: Set<string>; lower: Set<string> } | null = null;
/** The zones this runtime lists, canonical spelling (UTC included), and the same in lower case. */
function knownZones() {
  if (!known) {
    const names = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
    known = { names, lower: new Set([...names].map((n) => n.toLowerCase())) };
  }
  return known;
}

/**
 * True for an IANA time zone name the platform knows, spelt as IANA spells it (`Asia/Tokyo`,
 * `Asia/Kolkata`, `UTC`); false for offsets, abbreviations and other spellings (`asia/tokyo`).
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !IANA_NAME.test(value)) return false;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
    const { names, lower } = knownZones();
    if (resolved === value || names.has(value)) return true;
    // A link the platform resolves (Asia/Kolkata → Asia/Calcutta), unless it is only a listed
    // name in other letter case (Asia/tokyo).
    return !lower.has(value.toLowerCase());
  } catch {
    return false;
  }
}

export const IanaTimeZone = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, "Choose a time zone from the list, such as Asia/Tokyo.");

/** A coordinator corrects the zone a project's due dates are read in. */
export const SetProjectTimeZoneInput = z
  .object({
    projectId: z.uuid(),
    version: z.number().int().min(1),
    timeZone: IanaTimeZone,
  })
  .strict();
export type SetProjectTimeZoneInput = z.input<typeof SetProjectTimeZoneInput>;
