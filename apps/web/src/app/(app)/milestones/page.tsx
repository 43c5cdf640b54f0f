import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { MyMilestones } from "@/features/delivery/my-milestones";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myMilestones");
  return { title: t("heading") };
}

export default async function MyMilestonesPage() {
  await requireRole(...rolesFor("delivery.report"));
  const t = await getTranslations("myMilestones");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
        <p className="mt-2 text-base text-slate-700">{t("lead")}</p>
      </div>
      <MyMilestones />
    </div>
  );
}
