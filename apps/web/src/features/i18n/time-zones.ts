import { isTimeZone } from "./config";

export interface TimeZoneOption {
  value: string;
  /** e.g. "Asia/Tokyo (GMT+9)" */
  label: string;
}

export interface TimeZoneGroup {
  /** The IANA area: Africa, America, …; "Other" for zones without one (UTC). */
  region: TimeZoneRegion;
  zones: TimeZoneOption[];
}

export const TIME_ZONE_REGIONS = [
  "Africa",
  "America",
  "Antarctica",
  "Arctic",
  "Asia",
  "Atlantic",
  "Australia",
  "Europe",
  "Indian",
  "Pacific",
  "Other",
] as const;
export type TimeZoneRegion = (typeof TIME_ZONE_REGIONS)[number];

function offsetOf(zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat("en", {
      timeZone: zone,
      timeZoneName: "shortOffset",
    }).formatToParts(at);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/**
 * Every time zone this runtime knows (`Intl.supportedValuesOf`), grouped by area, plus UTC and
 * any zone in `include` (a stored zone may use an alias the list spells otherwise, such as
 * Asia/Kolkata for Asia/Calcutta). Computed on the server so the page and the browser agree.
 */
export function timeZoneGroups(include: string[] = [], at: Date = new Date()): TimeZoneGroup[] {
  const zones = new Set<string>(["UTC"]);
  for (const zone of Intl.supportedValuesOf("timeZone")) zones.add(zone);
  for (const zone of include) if (isTimeZone(zone)) zones.add(zone);

  const groups = new Map<TimeZoneRegion, TimeZoneOption[]>();
  for (const zone of [...zones].sort()) {
    const area = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    const region: TimeZoneRegion = (TIME_ZONE_REGIONS as readonly string[]).includes(area)
      ? (area as TimeZoneRegion)
      : "Other";
    const offset = offsetOf(zone, at);
    const option = {
      value: zone,
      label: offset && offset !== "GMT" ? `${zone} (${offset})` : `${zone} (GMT)`,
    };
    groups.set(region, [...(groups.get(region) ?? []), option]);
  }
  return TIME_ZONE_REGIONS.filter((r) => groups.has(r)).map((region) => ({
    region,
    zones: groups.get(region)!,
  }));
}
