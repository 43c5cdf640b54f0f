import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DelegationAdmin } from "@/features/admin/delegations/delegation-admin";
import { requireRole } from "@/features/auth/session";
import { headingClass } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.delegations");
  return { title: t("metaTitle") };
}

export default async function DelegationsPage() {
  await requireRole(...rolesFor("delegations.manage"));
  const t = await getTranslations("admin.delegations");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className={headingClass}>{t("heading")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
      </div>
      <DelegationAdmin />
    </div>
  );
}
