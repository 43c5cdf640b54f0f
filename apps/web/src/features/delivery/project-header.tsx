"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ProjectSectionsNav } from "@/features/projects/project-sections-nav";
import { linkClass } from "@/features/ui/styles";

/** The project's reference and title above one of its sections, then the sections' navigation. */
export function ProjectSectionHeader({
  project,
}: {
  project: { id: string; reference: string; fields: { titleEn: string; titleJa: string } };
}) {
  const t = useTranslations("project");
  const locale = useLocale();
  const lang = locale === "ja" && project.fields.titleJa.trim() ? "ja" : "en";
  const title = lang === "ja" ? project.fields.titleJa : project.fields.titleEn;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p>
          <Link href="/projects" className={linkClass}>
            {t("back")}
          </Link>
        </p>
        <p className="mt-4 font-mono text-sm font-semibold text-slate-700">
          <span className="sr-only">{t("reference")}: </span>
          {project.reference}
        </p>
        <h1 lang={lang} className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">
          {title || project.reference}
        </h1>
      </div>
      <ProjectSectionsNav projectId={project.id} />
    </div>
  );
}
