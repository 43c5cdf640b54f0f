import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditLog } from "@/features/audit/audit-log";
import { requireRole } from "@/features/auth/session";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

export default async function AuditPage() {
  await requireRole(...rolesFor("audit.read"));
  const t = await getTranslations("audit");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <Suspense>
        <AuditLog />
      </Suspense>
    </div>
  );
}
