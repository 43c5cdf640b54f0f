"use client";

import type { Locale } from "@lodestone/domain/enums";
import { useEffect } from "react";
import { COOKIE_MAX_AGE_SECONDS, LOCALE_COOKIE } from "./config";

/**
 * While someone is signed in, their profile decides the language; this keeps the browser's
 * language cookie in step, so the sign-in page speaks the same language after they sign out.
 */
export function LocaleCookieSync({ locale, cookie }: { locale: Locale; cookie: string | null }) {
  useEffect(() => {
    if (cookie === locale) return;
    document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
  }, [locale, cookie]);
  return null;
}
