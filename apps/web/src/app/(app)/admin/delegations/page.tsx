import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DelegationAdmin } from "@/features/admin/delegations/delegation-admin";
import { requireRole } from "@/features/auth/session";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.delegations");
  return { title: t("metaTitle") };
}

export default async function DelegationsPage() {
  await requireRole(...rolesFor("delegations.manage"));
  const t = await getTranslations("admin.delegations");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <DelegationAdmin />
    </div>
  );
}
