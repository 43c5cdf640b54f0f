import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSession } from "../auth/session";
import { FALLBACK_TIME_ZONE, LOCALE_COOKIE, TIME_ZONE_COOKIE, isTimeZone, resolveLocale } from "./config";
import { formats } from "./formats";

// No locale in the URL. Signed in: the language and time zone of the user's profile (so they
// follow the person from device to device). Signed out: the LODESTONE_LOCALE cookie, then
// Accept-Language, then English; times in the zone the browser reported (LODESTONE_TZ), else UTC.
export default getRequestConfig(async () => {
  const [cookieStore, headerList, session] = await Promise.all([cookies(), headers(), getSession()]);
  const profile = session?.user ?? null;
  const locale =
    profile?.locale ??
    resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const zoneCookie = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  const timeZone =
    profile && isTimeZone(profile.timeZone)
      ? profile.timeZone
      : isTimeZone(zoneCookie)
        ? zoneCookie
        : FALLBACK_TIME_ZONE;
  const messages = (await import(`../../../messages/${locale}.json`)).default;
  return { locale, timeZone, messages, formats };
});
