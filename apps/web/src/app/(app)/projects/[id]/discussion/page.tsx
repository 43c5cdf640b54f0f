import { canComment, canModerate } from "@lodestone/domain/deliberation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Discussion } from "@/features/deliberation/discussion";
import { loadSectionPage, ProjectSectionPage, projectHeading } from "@/features/projects/section-page";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadSectionPage(params);
  const t = await getTranslations("discussion");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function DiscussionPage({ params }: Props) {
  const { user, project } = await loadSectionPage(params);
  const t = await getTranslations("discussion");
  return (
    <ProjectSectionPage project={projectHeading(project)} heading={t("heading")} lead={t("lead")}>
      <Discussion
        projectId={project.id}
        canComment={canComment(user, { organisationId: project.organisation.id })}
        canModerate={canModerate(user)}
      />
    </ProjectSectionPage>
  );
}
