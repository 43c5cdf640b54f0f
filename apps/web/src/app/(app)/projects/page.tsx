import { may } from "@lodestone/domain/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUser } from "@/features/auth/session";
import {
  PROJECT_PAGE_SIZE,
  projectFiltersFromParams,
  projectFiltersToInput,
  projectFiltersToQuery,
} from "@/features/projects/project-filters";
import { ProjectList, type ProjectListInitial } from "@/features/projects/project-list";
import { PageHeader } from "@/features/shell/page-header";
import { primaryButton } from "@/features/ui/styles";
import { serverApi } from "@/trpc/server";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects");
  return { title: t("metaTitle") };
}

/**
 * The first page of the list for the address's filters, and the delegations for the filter form,
 * loaded with the page so that its HTML already shows them (nothing moves when they arrive). When
 * the API cannot answer here, the list loads them itself and shows its own error and retry.
 */
async function loadInitial(
  searchParams: Record<string, string | string[] | undefined>,
): Promise<ProjectListInitial | null> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, v);
  }
  const filters = projectFiltersFromParams(params);
  try {
    const api = await serverApi();
    const [firstPage, delegations] = await Promise.all([
      api.project.list.query(projectFiltersToInput(filters, PROJECT_PAGE_SIZE)),
      api.delegation.list.query(),
    ]);
    return { query: projectFiltersToQuery(filters), firstPage, delegations };
  } catch {
    return null;
  }
}

export default async function ProjectsPage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, initial] = await Promise.all([getTranslations("projects"), searchParams.then(loadInitial)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader heading={t("heading")} lead={t("lead")} />
        {may(user.role, "proposal.manage") ? (
          <Link href="/projects/new" className={primaryButton}>
            {t("newProposal")}
          </Link>
        ) : null}
      </div>
      {/*
        No Suspense boundary here: React streams a large boundary's content after its fallback and
        shows it at least 300 ms after the first paint, which moved the footer (a layout shift) and
        delayed the largest paint. The page is rendered per request, so useSearchParams needs none.
      */}
      <ProjectList initial={initial} />
    </div>
  );
}
