import { DEFAULT_FOLDERS } from "@lodestone/domain/documents";
import type { ProjectVisibility } from "@lodestone/domain/access";
import type { Page } from "@lodestone/domain/page";
import type { MilestoneStatus, ProjectStatus } from "@lodestone/domain/enums";
import { projectSearchText } from "@lodestone/domain/project-content";
import type { ListProjectsQuery, ProjectListItem, ProjectSort } from "@lodestone/domain/project-list";
import type { ProjectDetail, ProposalFields, RevisionSummary } from "@lodestone/domain/proposal";
import type { Tx } from "../client.js";
import { likeLiteral } from "./like.js";
import { afterCursor, keysetPage } from "./page.js";
import { Prisma } from "../generated/prisma/client.js";
import { queryRows } from "../statement.js";
import { visibleProjectSql } from "./rule-sql.js";

interface ListRow {
  id: string;
  reference: string;
  titleEn: string;
  titleJa: string;
  summaryEn: string;
  summaryJa: string;
  bindingLanguage: ProjectListItem["bindingLanguage"];
  translationEn: ProjectListItem["translation"]["en"];
  translationJa: ProjectListItem["translation"]["ja"];
  status: ProjectStatus;
  commodity: ProjectListItem["commodity"];
  stage: ProjectListItem["stage"];
  siteCountry: string;
  siteRegion: string;
  capacityTpy: number;
  capexUsd: bigint;
  updatedAt: Date;
  organisationId: string;
  organisationName: string;
  sponsors: string[];
}

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
    organisation: { id: row.organisationId, name: row.organisationName },
    sponsors: row.sponsors,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Each order of the list, ending on the id so that it is total (each has an index), with the
 * keyset condition that continues after the cursor's row.
 */
const LIST_ORDER: Record<ProjectSort, { orderBy: Prisma.Sql; after: (cursor: string) => Prisma.Sql }> = {
  updated: {
    orderBy: Prisma.sql`p."updatedAt" DESC, p.id DESC`,
    after: (c) =>
      Prisma.sql`(p."updatedAt", p.id) < (SELECT "updatedAt", id FROM "Project" WHERE id = ${c}::uuid)`,
  },
  // By the reference's number (LD-1001 before LD-10000), not its text; `number` is unique.
  reference: {
    orderBy: Prisma.sql`p.number ASC`,
    after: (c) => Prisma.sql`p.number > (SELECT number FROM "Project" WHERE id = ${c}::uuid)`,
  },
  capex: {
    orderBy: Prisma.sql`p."capexUsd" DESC, p.id DESC`,
    after: (c) =>
      Prisma.sql`(p."capexUsd", p.id) < (SELECT "capexUsd", id FROM "Project" WHERE id = ${c}::uuid)`,
  },
  capacity: {
    orderBy: Prisma.sql`p."capacityTpy" DESC, p.id DESC`,
    after: (c) =>
      Prisma.sql`(p."capacityTpy", p.id) < (SELECT "capacityTpy", id FROM "Project" WHERE id = ${c}::uuid)`,
  },
};

/**
 * One keyset page in the chosen order (newest change first by default), in one statement. The
 * cursor is the last id of the previous page; the condition after it is a comparison on the
 * order's index, so page 1,000 costs what page 1 does. (Written out rather than through Prisma's
 * nested select, which built the organisation and sponsors as JSON in the database and unpacked
 * them again: measured with the benchmark, that was most of the API's time on this request.)
 */
export async function listProjects(
  tx: Tx,
  visibility: ProjectVisibility,
  query: ListProjectsQuery,
): Promise<Page<ProjectListItem>> {
  const order = LIST_ORDER[query.sort];
  const conditions = [
    visibleProjectSql(visibility),
    ...(query.status?.length
      ? [Prisma.sql`p.status IN (${Prisma.join(query.status.map((s) => Prisma.sql`${s}::"ProjectStatus"`))})`]
      : []),
    ...(query.commodity ? [Prisma.sql`p.commodity = ${query.commodity}::"Commodity"`] : []),
    ...(query.stage ? [Prisma.sql`p.stage = ${query.stage}::"SupplyChainStage"`] : []),
    ...(query.siteCountry ? [Prisma.sql`p."siteCountry" = ${query.siteCountry}`] : []),
    ...(query.sponsor
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                             WHERE ps."projectId" = p.id AND d.code = ${query.sponsor})`,
        ]
      : []),
    ...(query.q ? [Prisma.sql`p."searchText" LIKE ${`%${likeLiteral(query.q.toLowerCase())}%`}`] : []),
    ...(query.cursor ? [order.after(query.cursor)] : []),
  ];
  const rows = await queryRows<ListRow>(
    tx,
    Prisma.sql`
    SELECT p.id, p.reference, p."titleEn", p."titleJa", p."summaryEn", p."summaryJa",
           p."bindingLanguage"::text AS "bindingLanguage", p."translationEn"::text AS "translationEn",
           p."translationJa"::text AS "translationJa", p.status::text AS status, p.commodity::text AS commodity,
           p.stage::text AS stage, p."siteCountry", p."siteRegion", p."capacityTpy", p."capexUsd", p."updatedAt",
           o.id AS "organisationId", o.name AS "organisationName",
           ARRAY(SELECT d.code FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                 WHERE ps."projectId" = p.id ORDER BY d.code) AS sponsors
    FROM "Project" p JOIN "Organisation" o ON o.id = p."organisationId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${order.orderBy}
    LIMIT ${query.limit + 1}`,
  );
  return keysetPage(rows, query.limit, toListItem);
}

// ── Proposals ───────────────────────────────────────────────────────────────────────────────

/** The whole proposal as Prisma's model query reads it (a create or update returns it so). */
export const projectRecordSelect = {
  id: true,
  reference: true,
  organisationId: true,
  status: true,
  version: true,
  titleEn: true,
  titleJa: true,
  summaryEn: true,
  summaryJa: true,
  bodyEn: true,
  bodyJa: true,
  bindingLanguage: true,
  translationEn: true,
  translationJa: true,
  commodity: true,
  stage: true,
  siteCountry: true,
  siteRegion: true,
  siteLatitude: true,
  siteLongitude: true,
  referenceTimeZone: true,
  capacityTpy: true,
  capexUsd: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
  workingCopy: true,
  organisation: { select: { id: true, name: true } },
  sponsors: { select: { delegation: { select: { code: true } } } },
  currentRevision: { select: { id: true, number: true, contentHash: true, createdAt: true } },
} satisfies Prisma.ProjectSelect;

type RecordRow = Omit<
  Prisma.ProjectGetPayload<{ select: typeof projectRecordSelect }>,
  "siteLatitude" | "siteLongitude"
> & {
  // Prisma's Decimal from a model query; a number from the written-out read (float8).
  siteLatitude: Prisma.Decimal | number | null;
  siteLongitude: Prisma.Decimal | number | null;
};

/**
 * A project as the proposal use-cases need it. `fields` is the content everyone reads (after a
 * submission: what was last submitted); `workingCopy` holds its organisation's edits since then.
 */
export type ProjectRecord = Omit<ProjectDetail, "canManage"> & {
  organisationId: string;
  workingCopy: ProposalFields | null;
};

function toRecord(row: RecordRow): ProjectRecord {
  const fields: ProposalFields = {
    titleEn: row.titleEn,
    titleJa: row.titleJa,
    summaryEn: row.summaryEn,
    summaryJa: row.summaryJa,
    bodyEn: row.bodyEn,
    bodyJa: row.bodyJa,
    bindingLanguage: row.bindingLanguage,
    translationEn: row.translationEn,
    translationJa: row.translationJa,
    commodity: row.commodity,
    stage: row.stage,
    site: {
      country: row.siteCountry,
      region: row.siteRegion,
      latitude: row.siteLatitude === null ? null : Number(row.siteLatitude),
      longitude: row.siteLongitude === null ? null : Number(row.siteLongitude),
      timeZone: row.referenceTimeZone,
    },
    capacityTpy: row.capacityTpy,
    capexUsd: Number(row.capexUsd),
    sponsors: row.sponsors.map((s) => s.delegation.code).sort(),
  };
  return {
    id: row.id,
    reference: row.reference,
    organisationId: row.organisationId,
    status: row.status,
    version: row.version,
    organisation: row.organisation,
    fields,
    // Written from parsed fields; read over the content so a field added later is never missing.
    workingCopy:
      row.workingCopy === null ? null : { ...fields, ...(row.workingCopy as Partial<ProposalFields>) },
    currentRevision: row.currentRevision
      ? { ...row.currentRevision, createdAt: row.currentRevision.createdAt.toISOString() }
      : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** As much of a project as the visibility rule and a state change need. */
export interface ProjectAccess {
  id: string;
  organisationId: string;
  status: ProjectStatus;
  version: number;
  submittedAt: Date | null;
}

export const projectAccessSelect = {
  id: true,
  organisationId: true,
  status: true,
  version: true,
  submittedAt: true,
} satisfies Prisma.ProjectSelect;

/** The project's access record (no texts): what use-cases on its comments, rounds and milestones need. */
export async function getProjectAccess(tx: Tx, id: string): Promise<ProjectAccess | null> {
  const [row] = await queryRows<ProjectAccess>(
    tx,
    Prisma.sql`SELECT id, "organisationId", status::text AS status, version, "submittedAt"
               FROM "Project" WHERE id = ${id}::uuid`,
  );
  return row ?? null;
}

/** The whole proposal, in one statement (the project page's first read). */
export async function getProjectRecord(tx: Tx, id: string): Promise<ProjectRecord | null> {
  const [row] = await queryRows<
    Omit<RecordRow, "organisation" | "sponsors" | "currentRevision"> & {
      organisationName: string;
      sponsors: string[];
      revisionId: string | null;
      revisionNumber: number | null;
      revisionHash: string | null;
      revisionAt: Date | null;
    }
  >(
    tx,
    Prisma.sql`
      SELECT p.id, p.reference, p."organisationId", p.status::text AS status, p.version, p."titleEn", p."titleJa",
             p."summaryEn", p."summaryJa", p."bodyEn", p."bodyJa", p."bindingLanguage"::text AS "bindingLanguage",
             p."translationEn"::text AS "translationEn", p."translationJa"::text AS "translationJa",
             p.commodity::text AS commodity, p.stage::text AS stage, p."siteCountry", p."siteRegion",
             p."siteLatitude"::float8 AS "siteLatitude", p."siteLongitude"::float8 AS "siteLongitude",
             p."referenceTimeZone", p."capacityTpy", p."capexUsd", p."submittedAt", p."createdAt", p."updatedAt", p."workingCopy",
             o.name AS "organisationName",
             ARRAY(SELECT d.code FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                   WHERE ps."projectId" = p.id ORDER BY d.code) AS sponsors,
             r.id AS "revisionId", r.number AS "revisionNumber", r."contentHash" AS "revisionHash",
             r."createdAt" AS "revisionAt"
      FROM "Project" p JOIN "Organisation" o ON o.id = p."organisationId"
      LEFT JOIN "Revision" r ON r.id = p."currentRevisionId"
      WHERE p.id = ${id}::uuid`,
  );
  if (!row) return null;
  const { organisationName, sponsors, revisionId, revisionNumber, revisionHash, revisionAt, ...project } =
    row;
  return toRecord({
    ...project,
    organisation: { id: row.organisationId, name: organisationName },
    sponsors: sponsors.map((code) => ({ delegation: { code } })),
    currentRevision:
      revisionId === null
        ? null
        : { id: revisionId, number: revisionNumber!, contentHash: revisionHash!, createdAt: revisionAt! },
  });
}

function columns(f: ProposalFields, reference: string) {
  return {
    titleEn: f.titleEn,
    titleJa: f.titleJa,
    summaryEn: f.summaryEn,
    summaryJa: f.summaryJa,
    bodyEn: f.bodyEn,
    bodyJa: f.bodyJa,
    bindingLanguage: f.bindingLanguage,
    translationEn: f.translationEn,
    translationJa: f.translationJa,
    commodity: f.commodity,
    stage: f.stage,
    siteCountry: f.site.country,
    siteRegion: f.site.region,
    siteLatitude: f.site.latitude,
    siteLongitude: f.site.longitude,
    // Left out of the command, a new project keeps the column's default and an edit the zone it had.
    ...(f.site.timeZone ? { referenceTimeZone: f.site.timeZone } : {}),
    capacityTpy: f.capacityTpy,
    capexUsd: BigInt(f.capexUsd),
    searchText: projectSearchText(reference, f),
  };
}

/** Delegation ids for codes; the codes that do not exist are returned as `unknown`. */
export async function delegationIdsByCode(tx: Tx, codes: readonly string[]) {
  const rows = await tx.delegation.findMany({
    where: { code: { in: [...codes] } },
    select: { id: true, code: true },
  });
  const found = new Map(rows.map((r) => [r.code, r.id]));
  return { ids: codes.flatMap((c) => found.get(c) ?? []), unknown: codes.filter((c) => !found.has(c)) };
}

export async function createDraft(
  tx: Tx,
  draft: { fields: ProposalFields; sponsorIds: string[]; organisationId: string; createdById: string },
): Promise<ProjectRecord> {
  // The reference comes from the same sequence as `number`, taken before the insert.
  const [{ next } = { next: 0n }] = await tx.$queryRaw<{ next: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('"Project"', 'number')) AS next`;
  const number = Number(next);
  const reference = `LD-${String(number).padStart(4, "0")}`;
  const row = await tx.project.create({
    data: {
      ...columns(draft.fields, reference),
      number,
      reference,
      status: "DRAFT",
      organisationId: draft.organisationId,
      createdById: draft.createdById,
      sponsors: { create: draft.sponsorIds.map((delegationId) => ({ delegationId })) },
      folders: {
        create: DEFAULT_FOLDERS.map((f, i) => ({ position: i + 1, nameEn: f.nameEn, nameJa: f.nameJa })),
      },
    },
    select: projectRecordSelect,
  });
  return toRecord(row);
}

/**
 * Writes an edit only if nobody saved the proposal since `version` was read (optimistic
 * concurrency): null means the version was stale and nothing was written. `target` (the domain's
 * `editTarget`) says whether the edit replaces the content (a draft never submitted) or the working
 * copy (after a submission the content stays what was last submitted until the next one).
 */
export async function updateDraftIfVersion(
  tx: Tx,
  id: string,
  version: number,
  edit: { target: "content" | "workingCopy"; fields: ProposalFields; sponsorIds: string[] },
): Promise<ProjectRecord | null> {
  if (edit.target === "workingCopy") {
    const { count } = await tx.project.updateMany({
      where: { id, version },
      data: { workingCopy: edit.fields as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    return count === 0 ? null : getProjectRecord(tx, id);
  }
  return writeContent(tx, id, version, { fields: edit.fields, sponsorIds: edit.sponsorIds });
}

/**
 * Makes `fields` the project's content (its columns, search text and sponsors), clears the working
 * copy and applies `change`, only if the version is still `version`; null when it was stale.
 */
async function writeContent(
  tx: Tx,
  id: string,
  version: number,
  content: { fields: ProposalFields; sponsorIds: string[] },
  change: { status?: ProjectStatus; currentRevisionId?: string; submittedAt?: Date } = {},
): Promise<ProjectRecord | null> {
  const current = await tx.project.findUnique({ where: { id }, select: { reference: true } });
  if (!current) return null;
  const { count } = await tx.project.updateMany({
    where: { id, version },
    data: {
      ...columns(content.fields, current.reference),
      ...change,
      workingCopy: Prisma.DbNull,
      version: { increment: 1 },
    },
  });
  if (count === 0) return null;
  await tx.projectSponsor.deleteMany({ where: { projectId: id } });
  await tx.projectSponsor.createMany({
    data: content.sponsorIds.map((delegationId) => ({ projectId: id, delegationId })),
  });
  return getProjectRecord(tx, id);
}

/**
 * A submission: the submitted fields become the content everyone reads, with the new revision and
 * status, only if the version is still `version`; null when it was stale.
 */
export function submitIfVersion(
  tx: Tx,
  id: string,
  version: number,
  submission: {
    fields: ProposalFields;
    sponsorIds: string[];
    status: ProjectStatus;
    currentRevisionId: string;
    submittedAt: Date;
  },
): Promise<ProjectRecord | null> {
  const { fields, sponsorIds, ...change } = submission;
  return writeContent(tx, id, version, { fields, sponsorIds }, change);
}

/** The zone a project's due dates are days of. */
export async function getReferenceTimeZone(tx: Tx, id: string): Promise<string> {
  const row = await tx.project.findUniqueOrThrow({ where: { id }, select: { referenceTimeZone: true } });
  return row.referenceTimeZone;
}

/** Sets the project's reference time zone only if the version is still `version`; false when stale. */
export async function setReferenceTimeZoneIfVersion(
  tx: Tx,
  id: string,
  version: number,
  timeZone: string,
): Promise<boolean> {
  const { count } = await tx.project.updateMany({
    where: { id, version },
    data: { referenceTimeZone: timeZone, version: { increment: 1 } },
  });
  return count === 1;
}

/** Moves the status only if the version is still `version`; false when it was stale. */
export async function setStatusIfVersion(
  tx: Tx,
  id: string,
  version: number,
  change: { status: ProjectStatus; currentRevisionId?: string; submittedAt?: Date },
): Promise<boolean> {
  const { count } = await tx.project.updateMany({
    where: { id, version },
    data: { ...change, version: { increment: 1 } },
  });
  return count === 1;
}

export async function createRevision(
  tx: Tx,
  revision: { projectId: string; content: Prisma.InputJsonValue; contentHash: string; createdById: string },
): Promise<{ id: string; number: number }> {
  const last = await tx.revision.aggregate({
    where: { projectId: revision.projectId },
    _max: { number: true },
  });
  return tx.revision.create({
    data: { ...revision, number: (last._max.number ?? 0) + 1 },
    select: { id: true, number: true },
  });
}

export async function listRevisions(tx: Tx, projectId: string): Promise<RevisionSummary[]> {
  const rows = await tx.revision.findMany({
    where: { projectId },
    select: {
      id: true,
      number: true,
      contentHash: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true } },
    },
    orderBy: { number: "desc" },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getRevisionContent(
  tx: Tx,
  projectId: string,
  number: number,
): Promise<{ number: number; contentHash: string; content: unknown; createdAt: string } | null> {
  const row = await tx.revision.findUnique({
    where: { projectId_number: { projectId, number } },
    select: { number: true, contentHash: true, content: true, createdAt: true },
  });
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : null;
}

export interface TimelineEntry {
  id: string;
  type: string;
  data: unknown;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

/** The project's timeline, oldest first, one keyset page. */
export async function listTimeline(
  tx: Tx,
  projectId: string,
  query: { cursor?: string | null | undefined; limit: number },
): Promise<Page<TimelineEntry>> {
  const rows = await tx.timelineEvent.findMany({
    where: { projectId },
    select: {
      id: true,
      type: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...afterCursor(query.cursor),
  });
  return keysetPage(rows, query.limit, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Every project the reader may see, for the CSV export (by reference number, oldest first). */
export async function projectsForExport(tx: Tx, visibility: ProjectVisibility) {
  return tx.$queryRaw<ProjectExportRow[]>`
    SELECT p.reference, p."titleEn", p."titleJa", p.status::text AS status, p.commodity::text AS commodity,
           p.stage::text AS stage, p."siteCountry", p."siteRegion", p."capacityTpy", p."capexUsd",
           p."bindingLanguage"::text AS "bindingLanguage", p."updatedAt", o.name AS "organisationName",
           ARRAY(SELECT d.code FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                 WHERE ps."projectId" = p.id ORDER BY d.code) AS sponsors
    FROM "Project" p JOIN "Organisation" o ON o.id = p."organisationId"
    WHERE ${visibleProjectSql(visibility)}
    ORDER BY p.number`;
}

export interface ProjectExportRow {
  reference: string;
  titleEn: string;
  titleJa: string;
  status: ProjectStatus;
  commodity: string;
  stage: string;
  siteCountry: string;
  siteRegion: string;
  capacityTpy: number;
  capexUsd: bigint;
  bindingLanguage: string;
  updatedAt: Date;
  organisationName: string;
  /** Sponsoring delegations' codes, sorted. */
  sponsors: string[];
}

/** Every milestone of the projects the reader may see, for the CSV export. */
export async function milestonesForExport(tx: Tx, visibility: ProjectVisibility) {
  return tx.$queryRaw<MilestoneExportRow[]>`
    SELECT m.id, m."parentId", m."titleEn", m."titleJa", m."dueDate", m.status::text AS status, m.progress,
           m.weight, parent."titleEn" AS "parentTitleEn", p.reference AS "projectReference",
           p."referenceTimeZone", u.name AS "assigneeUserName", o.name AS "assigneeOrganisationName"
    FROM "Milestone" m
    JOIN "Project" p ON p.id = m."projectId"
    LEFT JOIN "Milestone" parent ON parent.id = m."parentId"
    LEFT JOIN "User" u ON u.id = m."assigneeUserId"
    LEFT JOIN "Organisation" o ON o.id = m."assigneeOrganisationId"
    WHERE ${visibleProjectSql(visibility)}
    ORDER BY p.number, m."dueDate", m.id`;
}

export interface MilestoneExportRow {
  id: string;
  parentId: string | null;
  titleEn: string;
  titleJa: string;
  dueDate: Date;
  status: MilestoneStatus;
  progress: number;
  weight: number | null;
  parentTitleEn: string | null;
  projectReference: string;
  referenceTimeZone: string;
  assigneeUserName: string | null;
  assigneeOrganisationName: string | null;
}

/** The current revision's number and the documents it recorded (none before the data room, or before a submission). */
export async function currentRevisionDocuments(
  tx: Tx,
  projectId: string,
): Promise<{ number: number; documents: unknown[] } | null> {
  const row = await tx.project.findUnique({
    where: { id: projectId },
    select: { currentRevision: { select: { number: true, content: true } } },
  });
  const revision = row?.currentRevision;
  if (!revision) return null;
  const content = revision.content as { documents?: unknown[] } | null;
  return { number: revision.number, documents: Array.isArray(content?.documents) ? content.documents : [] };
}

/** Locks a project's row: changes that must see the project's whole state (its gate sequence, its permitting pause) happen one at a time. */
export async function lockProject(tx: Tx, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
}
