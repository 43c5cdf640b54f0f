import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewPanel } from "@/features/deliberation/review-panel";
import { DocumentChangesPanel } from "@/features/documents/changes-panel";
import { LiveProjectRefresh } from "@/features/live/live-project-refresh";
import { loadSectionPage, ProjectSectionPage, projectHeading } from "@/features/projects/section-page";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadSectionPage(params);
  const t = await getTranslations("review");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function ReviewPage({ params }: Props) {
  const { user, project } = await loadSectionPage(params);
  const t = await getTranslations("review");
  return (
    <ProjectSectionPage project={projectHeading(project)} heading={t("heading")} lead={t("lead")}>
      {/* The panel offers to open a round by the project's status, which the page loaded. */}
      <LiveProjectRefresh projectId={project.id} />
      <DocumentChangesPanel projectId={project.id} />
      <ReviewPanel projectId={project.id} projectStatus={project.status} role={user.role} />
    </ProjectSectionPage>
  );
}
