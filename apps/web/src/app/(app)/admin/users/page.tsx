import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { UserAdmin } from "@/features/admin/users/user-admin";
import { requireRole } from "@/features/auth/session";
import { timeZoneGroups } from "@/features/i18n/time-zones";
import { headingClass } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

export default async function UsersPage() {
  const user = await requireRole(...rolesFor("users.manage"));
  const t = await getTranslations("admin.users");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className={headingClass}>{t("heading")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
      </div>
      <Suspense>
        <UserAdmin currentUserId={user.id} timeZones={timeZoneGroups()} />
      </Suspense>
    </div>
  );
}
