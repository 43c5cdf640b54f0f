import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { NewProposal } from "@/features/proposals/proposal-editor";
import { PageHeader } from "@/features/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("proposal");
  return { title: t("newHeading") };
}

export default async function NewProposalPage() {
  await requireRole(...rolesFor("proposal.manage"));
  const t = await getTranslations("proposal");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("newHeading")} lead={t("newLead")} />
      <NewProposal />
    </div>
  );
}
