import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/features/auth/session";
import { Dashboard } from "@/features/dashboard/dashboard-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("heading") };
}

export default async function DashboardPage() {
  await requireUser();
  const t = await getTranslations("dashboard");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
        <p className="mt-2 text-base text-slate-700">{t("lead")}</p>
      </div>
      <Dashboard />
    </div>
  );
}
