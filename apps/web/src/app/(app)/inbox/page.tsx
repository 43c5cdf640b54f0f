import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireUser } from "@/features/auth/session";
import { Inbox } from "@/features/notifications/inbox";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("metaTitle") };
}

export default async function InboxPage() {
  await requireUser();
  const t = await getTranslations("notifications");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      <Suspense>
        <Inbox />
      </Suspense>
    </div>
  );
}
