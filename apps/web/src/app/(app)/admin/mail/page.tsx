import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MailProblems } from "@/features/admin/mail/mail-problems";
import { requireRole } from "@/features/auth/session";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.mail");
  return { title: t("metaTitle") };
}

export default async function MailProblemsPage() {
  await requireRole(...rolesFor("users.manage"));
  const t = await getTranslations("admin.mail");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <MailProblems />
    </div>
  );
}
