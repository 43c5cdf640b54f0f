import { inTransaction, type Tx } from "@lodestone/db/client";
import * as documents from "@lodestone/db/repositories/documents";
import { recordEvent } from "@lodestone/db/repositories/events";
import { projectLabel } from "@lodestone/db/repositories/notifications";
import { currentRevisionDocuments } from "@lodestone/db/repositories/project";
import {
  canManageDocument,
  canSeeDocument,
  canUploadTo,
  changeSince,
  documentSearchText,
  documentVisibility,
  isReleased,
  PREVIEWABLE_TYPES,
  type Classification,
  type ClassifyDocumentInput,
  type CreateFolderInput,
  type EditDocumentInput,
  type ListDocumentsInput,
  type RevisionDocument,
} from "@lodestone/domain/documents";
import { may } from "@lodestone/domain/access";
import { DomainError } from "@lodestone/domain/errors";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";
import { csvFile, type CsvColumn } from "../../csv.js";
import { visibleProject } from "../project/service.js";

// The data room's use-cases (DESIGN.md §11). Every read starts from the project's visibility and
// then the document's classification (the domain's rules); a document the caller may not see is
// "not found", never "forbidden", so that its existence is not given away.

const noSuchDocument = () => new DomainError("NOT_FOUND", "There is no such document.");

/** The document, when the caller may see it (its project first, then its classification). */
export async function visibleDocument(tx: Tx, ctx: SignedInContext, id: string, lock = false) {
  const facts = await documents.documentFacts(tx, id, lock);
  if (!facts || !canSeeDocument(ctx.user, facts.project, documents.accessOf(facts))) throw noSuchDocument();
  return facts;
}

/** The document, when the caller may change it. */
async function managedDocument(tx: Tx, ctx: SignedInContext, id: string) {
  const facts = await visibleDocument(tx, ctx, id, true);
  if (!canManageDocument(ctx.user, facts.project, documents.accessOf(facts))) {
    throw new DomainError(
      "FORBIDDEN",
      "Only the uploading organisation or a coordinator can change this document.",
    );
  }
  return facts;
}

export function documentChange(ctx: SignedInContext, d: documents.DocumentFacts) {
  return {
    actorId: ctx.user.id,
    requestId: ctx.requestId,
    subject: { type: "Document" as const, id: d.id },
    projectId: d.projectId,
  };
}

/** The data room's folders with the documents the caller may see in each, and what they may do there. */
export async function folders({ ctx, input }: UseCase<{ projectId: string }>, maxBytes: number) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const [rows, delegations] = await Promise.all([
    documents.listFolders(tx, project.id, documentVisibility(ctx.user)),
    documents.delegationChoices(tx),
  ]);
  return {
    folders: rows,
    canUpload: canUploadTo(ctx.user, project),
    canOrganise: may(ctx.user.role, "documents.organise"),
    maxBytes,
    delegations,
  };
}

export function createFolder({ ctx, input }: UseCase<z.output<typeof CreateFolderInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProject(tx, ctx, input.projectId);
    const folder = await documents.createFolder(tx, {
      ...input,
      projectId: project.id,
      createdById: ctx.user.id,
    });
    if (!folder) throw new DomainError("CONFLICT", "This data room already has a folder of that name.");
    await recordEvent(tx, {
      type: "data_room.folder_created",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "DataRoomFolder", id: folder.id },
      projectId: project.id,
      data: { folderId: folder.id },
      audit: { after: { nameEn: input.nameEn, nameJa: input.nameJa } },
    });
    return folder;
  });
}

export async function listDocuments({ ctx, input }: UseCase<z.output<typeof ListDocumentsInput>>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  return documents.listDocuments(tx, { ...input, projectId: project.id }, documentVisibility(ctx.user));
}

/** A person's repeated opening of one document within this long is one view in the access list. */
const VIEW_REPEAT_MS = 10 * 60_000;

/** One document with its versions; the view is audited (once per person per ten minutes). */
export function getDocument({ ctx, input }: UseCase<{ documentId: string }>) {
  return inTransaction(ctx.db, async (tx) => {
    const facts = await visibleDocument(tx, ctx, input.documentId);
    const found = await documents.getDocument(tx, facts.id);
    if (!found) throw noSuchDocument();
    await recordAccess(tx, ctx, facts, "document.viewed", null);
    const project = await projectLabel(tx, facts.projectId);
    if (!project) throw noSuchDocument();
    return {
      document: found.row,
      project,
      versions: found.versions.map((v) => ({
        ...v,
        downloadable: isReleased(v.scanStatus),
        previewable: isReleased(v.scanStatus) && PREVIEWABLE_TYPES.has(v.mimeType),
      })),
      canManage: canManageDocument(ctx.user, facts.project, documents.accessOf(facts)),
    };
  });
}

/** Audits a view or a download (a view repeated within ten minutes is not recorded again). */
export async function recordAccess(
  tx: Tx,
  ctx: SignedInContext,
  facts: documents.DocumentFacts,
  type: "document.viewed" | "document.downloaded",
  version: { id: string; number: number } | null,
) {
  if (type === "document.viewed" && version === null) {
    const since = new Date(ctx.now().getTime() - VIEW_REPEAT_MS);
    if (await documents.viewedSince(tx, facts.id, ctx.user.id, since)) return;
  }
  await recordEvent(tx, {
    type,
    ...documentChange(ctx, facts),
    data: {
      documentId: facts.id,
      folderId: facts.folderId,
      ...(version ? { versionId: version.id } : {}),
      access: documents.accessOf(facts),
    },
    audit: version ? { after: { version: version.number } } : {},
  });
}

export function classifyDocument({ ctx, input }: UseCase<z.output<typeof ClassifyDocumentInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const before = await managedDocument(tx, ctx, input.documentId);
    const unknown = await documents.unknownDelegations(tx, input.delegations);
    if (unknown.length) throw new DomainError("VALIDATION", `There is no delegation ${unknown.join(", ")}.`);
    if (before.classification === input.classification && same(before.delegations, input.delegations)) {
      return { ok: true as const };
    }
    await documents.updateDocument(tx, before.id, {
      classification: input.classification,
      delegations: input.delegations,
    });
    const after = { ...before, classification: input.classification, delegations: input.delegations };
    await recordEvent(tx, {
      type: "document.classified",
      ...documentChange(ctx, after),
      // Announced to the audience after the change (who can see it now).
      data: { documentId: after.id, folderId: after.folderId, access: documents.accessOf(after) },
      audit: {
        before: { classification: before.classification, delegations: before.delegations },
        after: { classification: after.classification, delegations: after.delegations },
      },
    });
    return { ok: true as const };
  });
}

/** The same delegation codes, in any order. */
function same(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sorted[i]);
}

export function editDocument({ ctx, input }: UseCase<z.output<typeof EditDocumentInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const facts = await managedDocument(tx, ctx, input.documentId);
    const { documentId: _id, ...change } = input;
    if (change.folderId && change.folderId !== facts.folderId) {
      const folder = await documents.folderOf(tx, change.folderId);
      if (!folder || folder.projectId !== facts.projectId) {
        throw new DomainError("NOT_FOUND", "There is no such folder in this data room.");
      }
    }
    const before = await documents.searchFields(tx, facts.id);
    const merged = { ...before, ...stripUndefined(change) };
    await documents.updateDocument(tx, facts.id, {
      ...stripUndefined(change),
      searchText: documentSearchText({ ...merged, fileName: before.currentVersion?.fileName ?? "" }),
    });
    const folderId = change.folderId ?? facts.folderId;
    await recordEvent(tx, {
      type: "document.edited",
      ...documentChange(ctx, facts),
      data: { documentId: facts.id, folderId, access: documents.accessOf(facts) },
      audit: {
        before: { ...before, currentVersion: undefined, folderId: facts.folderId },
        after: { ...merged, currentVersion: undefined, folderId },
      },
    });
    return { ok: true as const };
  });
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function accessList({
  ctx,
  input,
}: UseCase<{ documentId: string; cursor?: string | null | undefined }>) {
  const tx = ctx.db.prisma;
  const facts = await visibleDocument(tx, ctx, input.documentId);
  if (!canManageDocument(ctx.user, facts.project, documents.accessOf(facts))) {
    throw new DomainError(
      "FORBIDDEN",
      "Only the uploading organisation and coordinators see who accessed a document.",
    );
  }
  return documents.accessList(tx, facts.id, input.cursor, 50);
}

/**
 * Documents changed or added since the revision under review, among those the caller may see: a
 * document whose released version is not the one the revision recorded.
 */
export async function changes({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const revision = await currentRevisionDocuments(tx, project.id);
  if (!revision) return { revision: null, items: [] };
  const recorded = (revision.documents ?? []) as RevisionDocument[];
  const current = await documents.releasedDocuments(tx, project.id);
  const items = current.flatMap((d) => {
    const access = { ...d, uploadedById: d.createdById };
    if (!d.version || !canSeeDocument(ctx.user, project, access)) return [];
    const change = changeSince(recorded, { id: d.id, sha256: d.version.sha256 });
    if (change === "unchanged") return [];
    return [
      {
        documentId: d.id,
        titleEn: d.titleEn,
        titleJa: d.titleJa,
        classification: d.classification as Classification,
        change,
        recordedVersion: recorded.find((r) => r.documentId === d.id)?.version ?? null,
        currentVersion: d.version.number,
      },
    ];
  });
  return { revision: revision.number, items };
}

type ExportRow = documents.DocumentRow & { folderNameEn: string };
const EXPORT_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: { en: "Folder", ja: "フォルダー" }, value: (r) => r.folderNameEn },
  { header: { en: "Title (English)", ja: "タイトル（英語）" }, value: (r) => r.titleEn },
  { header: { en: "Title (Japanese)", ja: "タイトル（日本語）" }, value: (r) => r.titleJa },
  { header: { en: "Classification", ja: "区分" }, value: (r) => r.classification },
  { header: { en: "Delegations", ja: "代表団" }, value: (r) => r.delegations.join(" ") },
  { header: { en: "Organisation", ja: "組織" }, value: (r) => r.organisationName },
  { header: { en: "Version", ja: "版" }, value: (r) => r.current?.number ?? null },
  { header: { en: "File name", ja: "ファイル名" }, value: (r) => r.current?.fileName ?? null },
  { header: { en: "Type", ja: "種類" }, value: (r) => r.current?.mimeType ?? null },
  { header: { en: "Size (bytes)", ja: "サイズ（バイト）" }, value: (r) => r.current?.size ?? null },
  { header: { en: "SHA-256", ja: "SHA-256" }, value: (r) => r.current?.sha256 ?? null },
  { header: { en: "Uploaded at", ja: "アップロード日時" }, value: (r) => r.current?.createdAt ?? null },
];

/** The data room's index (never the files) as CSV: only the documents the caller may see. */
export async function exportIndex({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const [rows, label] = await Promise.all([
    documents.allDocuments(tx, project.id, documentVisibility(ctx.user)),
    projectLabel(tx, project.id),
  ]);
  const file = csvFile(
    `documents-${label?.reference ?? "project"}`,
    EXPORT_COLUMNS,
    rows,
    ctx.user,
    ctx.now(),
  );
  return { fileName: file.filename, csv: file.content };
}

/** Released versions of the project's documents the caller may see: what a milestone report may cite. */
export async function evidenceChoices({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const rows = await documents.allDocuments(tx, project.id, documentVisibility(ctx.user));
  return rows.flatMap((r) =>
    r.current
      ? [
          {
            versionId: r.current.id,
            documentId: r.id,
            titleEn: r.titleEn,
            titleJa: r.titleJa,
            number: r.current.number,
            fileName: r.current.fileName,
          },
        ]
      : [],
  );
}

/** Whether a scanner is configured and answers, and the versions it holds back (coordinators and admins). */
export async function scanStatus({ ctx }: UseCase<undefined>) {
  const scanner = ctx.documents.scanner;
  const [reachable, problems] = await Promise.all([
    scanner ? scanner.ping() : Promise.resolve(null),
    documents.scanProblems(ctx.db.prisma, 100),
  ]);
  return { configured: scanner !== null, reachable, problems };
}
