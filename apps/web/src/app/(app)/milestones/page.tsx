import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { MyMilestones } from "@/features/delivery/my-milestones";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myMilestones");
  return { title: t("heading") };
}

export default async function MyMilestonesPage() {
  await requireRole(...rolesFor("delivery.report"));
  const t = await getTranslations("myMilestones");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <MyMilestones />
    </div>
  );
}
