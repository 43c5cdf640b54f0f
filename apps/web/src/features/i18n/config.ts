import type { Locale } from "@lodestone/domain/enums";

// Client-safe: no zod, no Node APIs. The values mirror `LOCALES` in @lodestone/domain (a test checks).

export const SUPPORTED_LOCALES = ["en", "ja"] as const satisfies readonly Locale[];
const DEFAULT_LOCALE: Locale = "en";

/** The chosen language; set by the language switch. */
export const LOCALE_COOKIE = "LODESTONE_LOCALE";
/** The browser's IANA time zone; set by <TimeZoneSync /> on the first visit. */
export const TIME_ZONE_COOKIE = "LODESTONE_TZ";
/** Times are shown in this zone until the browser has told us its own. */
export const FALLBACK_TIME_ZONE = "UTC";
export const COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header (RFC 9110 §12.5.4):
 * highest q first, ties in header order; `ja-JP` matches `ja`. Null when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.tag !== "" && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

/** The locale for a request: the cookie if valid, else Accept-Language, else English. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

const TIME_ZONE_SHAPE = /^[A-Za-z0-9_+\-/]{1,64}$/;

/** True for an IANA time zone name this runtime knows (e.g. `Asia/Tokyo`, `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !TIME_ZONE_SHAPE.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
