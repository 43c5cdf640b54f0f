import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireUser } from "@/features/auth/session";
import { PermittingOverviewView } from "@/features/permitting/permitting-overview";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("permittingOverview");
  return { title: t("heading") };
}

export default async function PermittingOverviewPage() {
  await requireUser();
  const t = await getTranslations("permittingOverview");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <Suspense>
        <PermittingOverviewView />
      </Suspense>
    </div>
  );
}
