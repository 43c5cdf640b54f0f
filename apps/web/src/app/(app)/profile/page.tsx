import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/features/auth/session";
import { timeZoneGroups } from "@/features/i18n/time-zones";
import { EmailPreferences } from "@/features/notifications/email-preferences";
import { ProfileForm } from "@/features/profile/profile-form";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("metaTitle") };
}

export default async function ProfilePage() {
  const user = await requireUser();
  const [t, tRoles, tMail] = await Promise.all([
    getTranslations("profile"),
    getTranslations("enums.role"),
    getTranslations("notifications.preferences"),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm">
        <dt className="font-semibold text-slate-700">{t("email")}</dt>
        <dd className="break-all text-slate-900">{user.email}</dd>
        <dt className="font-semibold text-slate-700">{t("role")}</dt>
        <dd className="text-slate-900">
          {tRoles(user.role)}
          {user.delegation ? ` · ${user.delegation}` : ""}
        </dd>
      </dl>
      <ProfileForm
        initial={{ name: user.name, locale: user.locale, timeZone: user.timeZone }}
        timeZones={timeZoneGroups([user.timeZone])}
      />
      {/* Mails link here (/profile#notifications). */}
      <section
        id="notifications"
        aria-labelledby="notifications-heading"
        className="flex scroll-mt-6 flex-col gap-4"
      >
        <h2 id="notifications-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
          {tMail("heading")}
        </h2>
        <EmailPreferences />
      </section>
    </div>
  );
}
