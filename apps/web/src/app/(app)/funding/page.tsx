import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/features/auth/session";
import { FundingOverview } from "@/features/funding/funding-overview";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fundingOverview");
  return { title: t("heading") };
}

export default async function FundingPage() {
  await requireUser();
  const t = await getTranslations("fundingOverview");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <FundingOverview />
    </div>
  );
}
