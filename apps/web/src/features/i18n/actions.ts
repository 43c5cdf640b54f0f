"use server";

import { cookies } from "next/headers";
import { COOKIE_MAX_AGE_SECONDS, LOCALE_COOKIE, isLocale } from "./config";

/** Remembers the chosen language for this browser. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) throw new Error("Unsupported language.");
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: false,
  });
}
