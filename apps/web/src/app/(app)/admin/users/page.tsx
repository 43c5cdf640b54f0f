import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { UserAdmin } from "@/features/admin/users/user-admin";
import { requireRole } from "@/features/auth/session";
import { timeZoneGroups } from "@/features/i18n/time-zones";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

export default async function UsersPage() {
  const user = await requireRole(...rolesFor("users.manage"));
  const t = await getTranslations("admin.users");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <Suspense>
        <UserAdmin currentUserId={user.id} timeZones={timeZoneGroups()} />
      </Suspense>
    </div>
  );
}
