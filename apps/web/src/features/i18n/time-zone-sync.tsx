"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { COOKIE_MAX_AGE_SECONDS, TIME_ZONE_COOKIE, isTimeZone } from "./config";

/** The browser's IANA time zone, or null when it cannot tell. */
function browserTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : null;
}

/**
 * Tells the server which time zone to show times in: when the cookie is missing (first visit) or
 * differs from the browser's zone, it stores the browser's zone and, when the page uses it
 * (`refresh`: nobody is signed in, so no profile decides), re-renders the page.
 */
export function TimeZoneSync({ current, refresh = true }: { current: string | null; refresh?: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone || zone === current) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
    if (refresh) router.refresh();
  }, [current, refresh, router]);
  return null;
}
