import { rolesFor } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/features/auth/session";
import { NewProposal } from "@/features/proposals/proposal-editor";
import { headingClass } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("proposal");
  return { title: t("newHeading") };
}

export default async function NewProposalPage() {
  await requireRole(...rolesFor("proposal.manage"));
  const t = await getTranslations("proposal");
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className={headingClass}>{t("newHeading")}</h1>
        <p className="mt-2 text-slate-700">{t("newLead")}</p>
      </div>
      <NewProposal />
    </div>
  );
}
