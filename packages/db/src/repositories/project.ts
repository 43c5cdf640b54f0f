import type { ProjectVisibility } from "@lodestone/domain/access";
import type { Page } from "@lodestone/domain/page";
import type { ListProjectsQuery, ProjectListItem } from "@lodestone/domain/project-list";
import type { Tx } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";

const listSelect = {
  id: true,
  reference: true,
  titleEn: true,
  titleJa: true,
  summaryEn: true,
  summaryJa: true,
  bindingLanguage: true,
  translationEn: true,
  translationJa: true,
  status: true,
  commodity: true,
  stage: true,
  siteCountry: true,
  siteRegion: true,
  capacityTpy: true,
  capexUsd: true,
  updatedAt: true,
  organisation: { select: { id: true, name: true } },
  sponsors: { select: { delegation: { select: { code: true } } } },
} satisfies Prisma.ProjectSelect;

type ListRow = Prisma.ProjectGetPayload<{ select: typeof listSelect }>;

function toListItem(row: ListRow): ProjectListItem {
  return {
    id: row.id,
    reference: row.reference,
    title: { en: row.titleEn, ja: row.titleJa },
    summary: { en: row.summaryEn, ja: row.summaryJa },
    bindingLanguage: row.bindingLanguage,
    translation: { en: row.translationEn, ja: row.translationJa },
    status: row.status,
    commodity: row.commodity,
    stage: row.stage,
    siteCountry: row.siteCountry,
    siteRegion: row.siteRegion,
    capacityTpy: row.capacityTpy,
    capexUsd: Number(row.capexUsd),
    organisation: row.organisation,
    sponsors: row.sponsors.map((s) => s.delegation.code).sort(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The visibility rule of the domain as a query. */
function visibilityWhere(v: ProjectVisibility): Prisma.ProjectWhereInput {
  if (v.kind === "submitted") return { status: { not: "DRAFT" } };
  return {
    OR: [
      ...(v.organisationId ? [{ organisationId: v.organisationId }] : []),
      { status: { in: [...v.publicStatuses] } },
    ],
  };
}

/**
 * One keyset page, newest change first (`updatedAt desc, id desc`). The cursor is the last id of
 * the previous page; Prisma turns it into a row-value comparison on the index, so page 1,000
 * costs what page 1 does.
 */
export async function listProjects(
  tx: Tx,
  visibility: ProjectVisibility,
  query: ListProjectsQuery,
): Promise<Page<ProjectListItem>> {
  const where: Prisma.ProjectWhereInput = {
    ...visibilityWhere(visibility),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.commodity ? { commodity: query.commodity } : {}),
    ...(query.stage ? { stage: query.stage } : {}),
    ...(query.siteCountry ? { siteCountry: query.siteCountry } : {}),
    ...(query.sponsor ? { sponsors: { some: { delegation: { code: query.sponsor } } } } : {}),
    ...(query.q ? { searchText: { contains: likeLiteral(query.q.toLowerCase()) } } : {}),
  };
  const rows = await tx.project.findMany({
    where,
    select: listSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > query.limit;
  const items = (hasMore ? rows.slice(0, query.limit) : rows).map(toListItem);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
