import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditLog } from "@/features/audit/audit-log";
import { requireRole } from "@/features/auth/session";
import { headingClass } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

export default async function AuditPage() {
  await requireRole(...rolesFor("audit.read"));
  const t = await getTranslations("audit");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className={headingClass}>{t("heading")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
      </div>
      <Suspense>
        <AuditLog />
      </Suspense>
    </div>
  );
}
