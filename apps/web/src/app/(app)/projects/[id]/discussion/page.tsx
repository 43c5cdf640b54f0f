import { canComment, canModerate } from "@lodestone/domain/deliberation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/features/auth/session";
import { Discussion } from "@/features/deliberation/discussion";
import { loadSectionProject } from "@/features/deliberation/load-project";
import { ProjectSectionHeader } from "@/features/deliberation/project-section-header";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const { id } = await params;
  const project = await loadSectionProject(id);
  const t = await getTranslations("discussion");
  return { title: `${project.reference} ${t("heading")}` };
}

export default async function DiscussionPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const project = await loadSectionProject(id);
  const t = await getTranslations("discussion");
  return (
    <div className="flex flex-col gap-8">
      <ProjectSectionHeader
        project={{
          id: project.id,
          reference: project.reference,
          titleEn: project.fields.titleEn,
          titleJa: project.fields.titleJa,
        }}
        heading={t("heading")}
        lead={t("lead")}
      />
      <Discussion
        projectId={project.id}
        canComment={canComment(user, { organisationId: project.organisation.id })}
        canModerate={canModerate(user)}
      />
    </div>
  );
}
