import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getSession } from "@/features/auth/session";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, isTimeZone } from "@/features/i18n/config";
import { LocaleCookieSync } from "@/features/i18n/locale-cookie-sync";
import { TimeZoneSync } from "@/features/i18n/time-zone-sync";
import { LiveStatusProvider } from "@/features/live/live-status";
import { SiteFooter } from "@/features/shell/site-footer";
import { SiteHeader } from "@/features/shell/site-header";
import { SkipLink } from "@/features/shell/skip-link";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
  };
}

export const viewport: Viewport = { themeColor: "#0f172a" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, cookieStore, session] = await Promise.all([getLocale(), cookies(), getSession()]);
  const user = session?.user ?? null;
  const zoneCookie = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  const timeZoneCookie = isTimeZone(zoneCookie) ? zoneCookie : null;

  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <NextIntlClientProvider>
          <TRPCReactProvider>
            <LiveStatusProvider>
              <SkipLink />
              <SiteHeader user={user} />
              <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
                {children}
              </main>
              <SiteFooter timeZoneKnown={user !== null || timeZoneCookie !== null} />
              <TimeZoneSync current={timeZoneCookie} refresh={user === null} />
              {user ? (
                <LocaleCookieSync
                  locale={user.locale}
                  cookie={cookieStore.get(LOCALE_COOKIE)?.value ?? null}
                />
              ) : null}
            </LiveStatusProvider>
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
