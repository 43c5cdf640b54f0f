import { getAllTimezones, getTimezonesForCountry } from "countries-and-timezones";

// The site's time zone, proposed from its country (IANA's zone table, through
// countries-and-timezones): one zone is proposed outright; a country with several offers a choice.

/** The zones of a country (ISO 3166 alpha-2), sorted; empty for an unknown code. */
export function siteTimeZones(country: string): string[] {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return [];
  const zones = getTimezonesForCountry(code, { deprecated: false }) ?? [];
  // A zone shared with another country (Asia/Tokyo also serves an Australian station) is offered
  // under the country it belongs to first, unless it is all the country has.
  const own = zones.filter((z) => z.countries[0] === code);
  return (own.length > 0 ? own : zones).map((z) => z.name).sort();
}

/** The zone to propose for a country: its only one, or null when there is a choice (or none). */
export function proposedTimeZone(country: string): string | null {
  const zones = siteTimeZones(country);
  return zones.length === 1 ? zones[0]! : null;
}

/** Every zone in use somewhere, sorted: the choice when the country is not known yet. */
export function allSiteTimeZones(): string[] {
  return Object.values(getAllTimezones({ deprecated: false }))
    .filter((z) => z.countries.length > 0)
    .map((z) => z.name)
    .sort();
}
