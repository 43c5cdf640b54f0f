import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "@/features/auth/session";
import { ProjectList } from "@/features/projects/project-list";
import { primaryButton } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects");
  return { title: t("metaTitle") };
}

export default async function ProjectsPage() {
  const user = await requireUser();
  const t = await getTranslations("projects");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
          <p className="mt-2 text-base text-slate-700">{t("lead")}</p>
        </div>
        {user.role === "PARTNER" ? (
          <Link href="/projects/new" className={primaryButton}>
            {t("newProposal")}
          </Link>
        ) : null}
      </div>
      <Suspense>
        <ProjectList />
      </Suspense>
    </div>
  );
}
