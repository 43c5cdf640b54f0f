import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/features/auth/session";
import { DecisionRecordView } from "@/features/deliberation/decision-record";
import { isUuid, orNotFound } from "@/features/deliberation/load-project";
import { ProjectSectionPage } from "@/features/projects/section-page";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string; decisionId: string }>;
}

/** The decision, or "not found" when it does not exist, is hidden from the reader, or is another project's. */
const loadDecision = cache(async (projectId: string, decisionId: string) => {
  if (!isUuid(projectId) || !isUuid(decisionId)) notFound();
  const api = await serverApi();
  const record = await orNotFound(() => api.review.decision.query({ decisionId }));
  if (record.project.id !== projectId) notFound();
  return record;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const { id, decisionId } = await params;
  const record = await loadDecision(id, decisionId);
  const t = await getTranslations("decision");
  return { title: `${record.project.reference} ${t("heading")}` };
}

export default async function DecisionPage({ params }: Props) {
  await requireUser();
  const { id, decisionId } = await params;
  const record = await loadDecision(id, decisionId);
  const t = await getTranslations("decision");
  return (
    <ProjectSectionPage
      project={{
        id: record.project.id,
        reference: record.project.reference,
        titleEn: record.project.title.en,
        titleJa: record.project.title.ja,
      }}
      heading={t("heading")}
      lead={t("lead")}
    >
      <DecisionRecordView record={record} />
    </ProjectSectionPage>
  );
}
