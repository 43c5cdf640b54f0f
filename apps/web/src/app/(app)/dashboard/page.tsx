import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/features/auth/session";
import { Dashboard } from "@/features/dashboard/dashboard-view";
import { FundingSummary } from "@/features/funding/funding-summary";
import { GatesPanel } from "@/features/gates/gates-panel";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("heading") };
}

export default async function DashboardPage() {
  await requireUser();
  const t = await getTranslations("dashboard");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <Dashboard
        panels={
          <>
            <GatesPanel />
            <FundingSummary />
          </>
        }
      />
    </div>
  );
}
