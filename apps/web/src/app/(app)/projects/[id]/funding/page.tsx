import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { orNotFound } from "@/features/deliberation/load-project";
import { ProjectFunding } from "@/features/funding/project-funding";
import { loadSectionPage, ProjectSectionPage, projectHeading } from "@/features/projects/section-page";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
}

/** The project's funding ledger as the reader may see it (loaded once for the metadata and the page). */
const loadFunding = cache(async (projectId: string) => {
  const api = await serverApi();
  return orNotFound(() => api.funding.project.query({ projectId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadSectionPage(params);
  const t = await getTranslations("funding");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function ProjectFundingPage({ params }: Props) {
  const { project } = await loadSectionPage(params);
  const [funding, t] = await Promise.all([loadFunding(project.id), getTranslations("funding")]);
  return (
    <ProjectSectionPage project={projectHeading(project)} heading={t("heading")} lead={t("lead")}>
      <ProjectFunding projectId={project.id} initial={funding} />
    </ProjectSectionPage>
  );
}
