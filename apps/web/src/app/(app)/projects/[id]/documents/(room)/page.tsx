import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { orNotFound } from "@/features/deliberation/load-project";
import { DataRoom } from "@/features/documents/data-room";
import { loadSectionPage, ProjectSectionPage, projectHeading } from "@/features/projects/section-page";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
}

/** The data room's folders as the reader may see them (loaded once for the metadata and the page). */
const loadFolders = cache(async (projectId: string) => {
  const api = await serverApi();
  return orNotFound(() => api.documents.folders.query({ projectId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadSectionPage(params);
  const t = await getTranslations("documents");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function DataRoomPage({ params }: Props) {
  const { project } = await loadSectionPage(params);
  const [folders, t] = await Promise.all([loadFolders(project.id), getTranslations("documents")]);
  return (
    <ProjectSectionPage project={projectHeading(project)} heading={t("heading")} lead={t("lead")}>
      <DataRoom projectId={project.id} initialFolders={folders} />
    </ProjectSectionPage>
  );
}
