import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { FALLBACK_TIME_ZONE, LOCALE_COOKIE, TIME_ZONE_COOKIE, isTimeZone, resolveLocale } from "./config";
import { formats } from "./formats";

// No locale in the URL: the locale comes from the LODESTONE_LOCALE cookie, then Accept-Language,
// then English; times are shown in the zone the browser reported (LODESTONE_TZ), else UTC.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const zoneCookie = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  const timeZone = isTimeZone(zoneCookie) ? zoneCookie : FALLBACK_TIME_ZONE;
  const messages = (await import(`../../../messages/${locale}.json`)).default;
  return { locale, timeZone, messages, formats };
});
