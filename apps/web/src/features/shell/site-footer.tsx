import { getTimeZone, getTranslations } from "next-intl/server";

export async function SiteFooter({ timeZoneKnown }: { timeZoneKnown: boolean }) {
  const [t, timeZone] = await Promise.all([getTranslations("shell.footer"), getTimeZone()]);
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-100">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-6 text-sm text-slate-700 sm:px-6 md:flex-row md:justify-between">
        <p>{t("about")}</p>
        <p data-testid="time-zone-note">
          {timeZoneKnown ? t("timeZone", { timeZone }) : t("timeZoneFallback")}
        </p>
      </div>
    </footer>
  );
}
