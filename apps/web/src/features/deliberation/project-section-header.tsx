"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ProjectSectionsNav } from "@/features/projects/project-sections-nav";
import { titleIn } from "@/features/projects/project-title";
import { linkClass } from "@/features/ui/styles";

export interface ProjectHeading {
  id: string;
  reference: string;
  titleEn: string;
  titleJa: string;
}

/** The project a section page belongs to: which project, the section's heading, and the sections. */
export function ProjectSectionHeader({
  project,
  heading,
  lead,
}: {
  project: ProjectHeading;
  heading: string;
  lead?: string;
}) {
  const t = useTranslations("project");
  const { title, lang: titleLang } = titleIn(useLocale(), project);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p>
          <Link href="/projects" className={linkClass}>
            {t("back")}
          </Link>
        </p>
        <p className="mt-4 text-sm text-slate-700">
          <span className="font-mono font-semibold">{project.reference}</span>{" "}
          <Link href={`/projects/${project.id}`} lang={titleLang} className={linkClass}>
            {title || project.reference}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{heading}</h1>
        {lead ? <p className="mt-2 max-w-3xl text-slate-700">{lead}</p> : null}
      </div>
      <ProjectSectionsNav projectId={project.id} />
    </div>
  );
}
