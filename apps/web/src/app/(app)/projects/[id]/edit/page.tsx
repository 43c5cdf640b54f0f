import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { EditProposal } from "@/features/proposals/proposal-editor";
import { headingClass } from "@/features/ui/styles";
import { serverApi, trpcCodeOf } from "@/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (!UUID.test(id)) notFound();
  const api = await serverApi();
  const project = await api.project.get.query({ projectId: id }).catch((error: unknown) => {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  });
  if (!project.canManage) forbidden();
  const t = await getTranslations("proposal");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className={headingClass}>{t("editHeading")}</h1>
        <p className="mt-2 text-slate-700">{t("editLead", { reference: project.reference })}</p>
      </div>
      <EditProposal key={project.version} project={project} created={created === "1"} />
    </div>
  );
}
