import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { loadSectionProject } from "@/features/deliberation/load-project";
import { EditProposal } from "@/features/proposals/proposal-editor";
import { PageHeader } from "@/features/shell/page-header";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("proposal");
  return { title: t("editHeading") };
}

export default async function EditProposalPage({ params, searchParams }: Props) {
  await requireRole(...rolesFor("proposal.manage"));
  const { id } = await params;
  const { created } = await searchParams;
  const project = await loadSectionProject(id);
  if (!project.canManage) forbidden();
  const t = await getTranslations("proposal");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("editHeading")} lead={t("editLead", { reference: project.reference })} />
      <EditProposal key={project.version} project={project} created={created === "1"} />
    </div>
  );
}
