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
 * differs from the browser's zone, it stores the browser's zone and re-renders the page.
 */
export function TimeZoneSync({ current }: { current: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone || zone === current) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
    router.refresh();
  }, [current, router]);
  return null;
}
