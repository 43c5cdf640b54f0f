import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { orNotFound } from "@/features/deliberation/load-project";
import { PermittingTimetable } from "@/features/permitting/permitting-timetable";
import { loadSectionPage, ProjectSectionPage, projectHeading } from "@/features/projects/section-page";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
}

/** The project's permitting timetable as the reader sees it (loaded once for the metadata and the page). */
const loadTimetable = cache(async (projectId: string) => {
  const api = await serverApi();
  return orNotFound(() => api.permitting.get.query({ projectId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadSectionPage(params);
  const t = await getTranslations("permitting");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function PermittingPage({ params }: Props) {
  const { project } = await loadSectionPage(params);
  const [timetable, t] = await Promise.all([loadTimetable(project.id), getTranslations("permitting")]);
  return (
    <ProjectSectionPage project={projectHeading(project)} heading={t("heading")} lead={t("lead")}>
      <PermittingTimetable projectId={project.id} initial={timetable} />
    </ProjectSectionPage>
  );
}
