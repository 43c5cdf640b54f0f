"use server";

import { cookies } from "next/headers";
import { getSession } from "../auth/session";
import { serverApi } from "@/trpc/server";
import { COOKIE_MAX_AGE_SECONDS, LOCALE_COOKIE, isLocale } from "./config";

async function writeLocaleCookie(locale: string): Promise<void> {
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: false,
  });
}

/**
 * The language switch: remembers the choice for this browser and, when someone is signed in,
 * saves it in their profile so it follows them to every device.
 */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) throw new Error("Unsupported language.");
  await writeLocaleCookie(locale);
  if (await getSession()) {
    const api = await serverApi();
    await api.user.updateProfile.mutate({ locale });
  }
}

/** Remembers a language for this browser only (the profile form has already saved it). */
export async function rememberLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) throw new Error("Unsupported language.");
  await writeLocaleCookie(locale);
}
