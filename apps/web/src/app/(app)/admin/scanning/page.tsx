import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { ScanStatusView } from "@/features/documents/scan-status";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("documents.scanning");
  return { title: t("metaTitle") };
}

export default async function ScanningPage() {
  await requireRole(...rolesFor("documents.scanStatus"));
  const t = await getTranslations("documents.scanning");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <ScanStatusView />
    </div>
  );
}
