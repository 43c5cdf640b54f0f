import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { orNotFound } from "@/features/deliberation/load-project";
import { GateSequence } from "@/features/gates/gate-sequence";
import { loadSectionPage, ProjectSectionPage, projectHeading } from "@/features/projects/section-page";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
}

/** The project's gates as the reader sees them (loaded once for the metadata and the page). */
const loadGates = cache(async (projectId: string) => {
  const api = await serverApi();
  return orNotFound(() => api.gates.get.query({ projectId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadSectionPage(params);
  const t = await getTranslations("gates");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function GatesPage({ params }: Props) {
  const { project } = await loadSectionPage(params);
  const [gates, t] = await Promise.all([loadGates(project.id), getTranslations("gates")]);
  return (
    <ProjectSectionPage project={projectHeading(project)} heading={t("heading")} lead={t("lead")}>
      <GateSequence projectId={project.id} initial={gates} />
    </ProjectSectionPage>
  );
}
