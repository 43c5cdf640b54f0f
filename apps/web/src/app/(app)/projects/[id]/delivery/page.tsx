import { may } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/features/auth/session";
import { DeliverySection } from "@/features/delivery/delivery-section";
import { ProjectSectionHeader } from "@/features/delivery/project-header";
import { loadSectionProject, orNotFound } from "@/features/deliberation/load-project";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
}

/** The project and its delivery, or "not found" when it does not exist or the reader may not see it. */
const loadDelivery = cache(async (id: string) => {
  const api = await serverApi();
  const [project, delivery] = await Promise.all([
    loadSectionProject(id),
    orNotFound(() => api.delivery.get.query({ projectId: id })),
  ]);
  return { project, delivery };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const { id } = await params;
  const { project } = await loadDelivery(id);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("delivery")]);
  const title = (locale === "ja" ? project.fields.titleJa : project.fields.titleEn) || project.fields.titleEn;
  return { title: t("pageTitle", { reference: project.reference, title }) };
}

export default async function ProjectDeliveryPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const { project, delivery } = await loadDelivery(id);
  return (
    <div className="flex flex-col gap-8">
      <ProjectSectionHeader project={project} />
      <DeliverySection project={project} initial={delivery} canPlan={may(user.role, "delivery.plan")} />
    </div>
  );
}
