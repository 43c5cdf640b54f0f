import type { Classification, DocumentVisibility, ScanStatus } from "@lodestone/domain/documents";
import type { Page } from "@lodestone/domain/page";
import type { ProjectStatus } from "@lodestone/domain/enums";
import type { Prisma } from "../generated/prisma/client.js";
import type { Database, Tx } from "../client.js";
import { afterCursor, keysetPage } from "./page.js";

// The data room (DESIGN.md §11). A version's bytes are the chunks of the upload that brought them,
// read and written a chunk at a time: no file is ever whole in memory. Which documents a reader
// sees is the domain's `documentVisibility`, turned into a condition here.

/** `documentVisibility` as a condition on documents (checked against `canSeeDocument` in documents.test.ts). */
export function visibleDocumentWhere(v: DocumentVisibility): Prisma.DocumentWhereInput {
  if (v.kind === "all") return {};
  const or: Prisma.DocumentWhereInput[] = [{ classification: { in: v.classifications } }];
  if (v.delegation) or.push({ classification: "NAMED_DELEGATIONS", delegations: { has: v.delegation } });
  if (v.organisationId) or.push({ organisationId: v.organisationId });
  or.push({ organisationId: null, createdById: v.uploaderId });
  return { OR: or };
}

// ── Folders ──────────────────────────────────────────────────────────────────────────────

export interface FolderRow {
  id: string;
  position: number;
  nameEn: string;
  nameJa: string;
  documentCount: number;
}

export async function listFolders(
  tx: Tx,
  projectId: string,
  visibility: DocumentVisibility,
): Promise<FolderRow[]> {
  const [folders, counts] = await Promise.all([
    tx.dataRoomFolder.findMany({
      where: { projectId },
      orderBy: { position: "asc" },
      select: { id: true, position: true, nameEn: true, nameJa: true },
    }),
    tx.document.groupBy({
      by: ["folderId"],
      where: { projectId, currentVersionId: { not: null }, ...visibleDocumentWhere(visibility) },
      _count: { _all: true },
    }),
  ]);
  const byFolder = new Map(counts.map((c) => [c.folderId, c._count._all]));
  return folders.map((f) => ({ ...f, documentCount: byFolder.get(f.id) ?? 0 }));
}

export async function folderOf(tx: Tx, id: string): Promise<{ id: string; projectId: string } | null> {
  return tx.dataRoomFolder.findUnique({ where: { id }, select: { id: true, projectId: true } });
}

/** A new folder after the last; null when the project already has one of that English name. */
export async function createFolder(
  tx: Tx,
  f: { projectId: string; nameEn: string; nameJa: string; createdById: string },
): Promise<FolderRow | null> {
  const clash = await tx.dataRoomFolder.findFirst({
    where: { projectId: f.projectId, nameEn: { equals: f.nameEn, mode: "insensitive" } },
    select: { id: true },
  });
  if (clash) return null;
  // Positions are taken under the project's row lock, so two coordinators never take the same one.
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE id = ${f.projectId}::uuid FOR UPDATE`;
  const last = await tx.dataRoomFolder.aggregate({
    where: { projectId: f.projectId },
    _max: { position: true },
  });
  const row = await tx.dataRoomFolder.create({
    data: { ...f, position: (last._max.position ?? 0) + 1 },
    select: { id: true, position: true, nameEn: true, nameJa: true },
  });
  return { ...row, documentCount: 0 };
}

// ── Documents ────────────────────────────────────────────────────────────────────────────

/** What a document's rules read of it and its project. */
export interface DocumentFacts {
  id: string;
  projectId: string;
  folderId: string;
  classification: Classification;
  delegations: string[];
  organisationId: string | null;
  uploadedById: string;
  project: { id: string; status: ProjectStatus; organisationId: string; submittedAt: Date | null };
}

const factsSelect = {
  id: true,
  projectId: true,
  folderId: true,
  classification: true,
  delegations: true,
  organisationId: true,
  createdById: true,
  project: { select: { id: true, status: true, organisationId: true, submittedAt: true } },
} satisfies Prisma.DocumentSelect;

function toFacts(d: Prisma.DocumentGetPayload<{ select: typeof factsSelect }>): DocumentFacts {
  return {
    id: d.id,
    projectId: d.projectId,
    folderId: d.folderId,
    classification: d.classification,
    delegations: d.delegations,
    organisationId: d.organisationId,
    uploadedById: d.createdById,
    project: d.project,
  };
}

export async function documentFacts(tx: Tx, id: string, lock = false): Promise<DocumentFacts | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Document" WHERE id = ${id}::uuid FOR UPDATE`;
  const d = await tx.document.findUnique({ where: { id }, select: factsSelect });
  return d ? toFacts(d) : null;
}

/** The facts an event about a document carries: its classification as it stands now. */
export function accessOf(d: DocumentFacts) {
  return {
    classification: d.classification,
    delegations: d.delegations,
    organisationId: d.organisationId,
    uploadedById: d.uploadedById,
  };
}

export interface VersionRow {
  id: string;
  number: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  changeNote: string;
  uploadedByName: string;
  createdAt: string;
  scanStatus: ScanStatus;
  scanSignature: string | null;
}

const versionSelect = {
  id: true,
  number: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  changeNote: true,
  createdAt: true,
  scanStatus: true,
  scanSignature: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.DocumentVersionSelect;

function toVersion(v: Prisma.DocumentVersionGetPayload<{ select: typeof versionSelect }>): VersionRow {
  return {
    id: v.id,
    number: v.number,
    fileName: v.fileName,
    mimeType: v.mimeType,
    size: Number(v.size),
    sha256: v.sha256,
    changeNote: v.changeNote,
    uploadedByName: v.uploadedBy.name,
    createdAt: v.createdAt.toISOString(),
    scanStatus: v.scanStatus,
    scanSignature: v.scanSignature,
  };
}

export interface DocumentRow {
  id: string;
  projectId: string;
  folderId: string;
  titleEn: string;
  titleJa: string;
  descriptionEn: string;
  descriptionJa: string;
  classification: Classification;
  delegations: string[];
  organisationName: string | null;
  organisationNameJa: string | null;
  uploadedById: string;
  organisationId: string | null;
  current: VersionRow | null;
  updatedAt: string;
}

const rowSelect = {
  id: true,
  projectId: true,
  folderId: true,
  titleEn: true,
  titleJa: true,
  descriptionEn: true,
  descriptionJa: true,
  classification: true,
  delegations: true,
  organisationId: true,
  createdById: true,
  updatedAt: true,
  organisation: { select: { name: true, nameJa: true } },
  currentVersion: { select: versionSelect },
} satisfies Prisma.DocumentSelect;

function toRow(d: Prisma.DocumentGetPayload<{ select: typeof rowSelect }>): DocumentRow {
  return {
    id: d.id,
    projectId: d.projectId,
    folderId: d.folderId,
    titleEn: d.titleEn,
    titleJa: d.titleJa,
    descriptionEn: d.descriptionEn,
    descriptionJa: d.descriptionJa,
    classification: d.classification,
    delegations: d.delegations,
    organisationId: d.organisationId,
    uploadedById: d.createdById,
    organisationName: d.organisation?.name ?? null,
    organisationNameJa: d.organisation?.nameJa ?? null,
    current: d.currentVersion ? toVersion(d.currentVersion) : null,
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** A page of the released documents the reader may see, newest change first; `q` searches titles, descriptions and file names. */
export async function listDocuments(
  tx: Tx,
  q: {
    projectId: string;
    folderId?: string | undefined;
    q?: string | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
  visibility: DocumentVisibility,
): Promise<Page<DocumentRow>> {
  const words = (q.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const rows = await tx.document.findMany({
    where: {
      projectId: q.projectId,
      currentVersionId: { not: null },
      ...(q.folderId ? { folderId: q.folderId } : {}),
      AND: [visibleDocumentWhere(visibility), ...words.map((w) => ({ searchText: { contains: w } }))],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...afterCursor(q.cursor),
    select: rowSelect,
  });
  return keysetPage(rows, q.limit, toRow);
}

/** Every released document of a project the reader may see (the export), oldest folder first. */
export async function allDocuments(
  tx: Tx,
  projectId: string,
  visibility: DocumentVisibility,
): Promise<(DocumentRow & { folderNameEn: string })[]> {
  const rows = await tx.document.findMany({
    where: { projectId, currentVersionId: { not: null }, ...visibleDocumentWhere(visibility) },
    orderBy: [{ folder: { position: "asc" } }, { titleEn: "asc" }, { id: "asc" }],
    take: 5000,
    select: { ...rowSelect, folder: { select: { nameEn: true } } },
  });
  return rows.map((r) => ({ ...toRow(r), folderNameEn: r.folder.nameEn }));
}

export async function getDocument(
  tx: Tx,
  id: string,
): Promise<{ row: DocumentRow; versions: VersionRow[] } | null> {
  const d = await tx.document.findUnique({
    where: { id },
    select: { ...rowSelect, versions: { orderBy: { number: "desc" }, select: versionSelect } },
  });
  if (!d) return null;
  return { row: toRow(d), versions: d.versions.map(toVersion) };
}

export async function createDocument(
  tx: Tx,
  d: {
    projectId: string;
    folderId: string;
    titleEn: string;
    titleJa: string;
    descriptionEn: string;
    descriptionJa: string;
    classification: Classification;
    delegations: string[];
    organisationId: string | null;
    createdById: string;
    searchText: string;
  },
): Promise<string> {
  const row = await tx.document.create({ data: d, select: { id: true } });
  return row.id;
}

export async function updateDocument(
  tx: Tx,
  id: string,
  change: {
    folderId?: string;
    titleEn?: string;
    titleJa?: string;
    descriptionEn?: string;
    descriptionJa?: string;
    classification?: Classification;
    delegations?: string[];
    searchText?: string;
  },
): Promise<void> {
  await tx.document.update({ where: { id }, data: change });
}

/** The texts `documentSearchText` reads. */
export async function searchFields(tx: Tx, id: string) {
  return tx.document.findUniqueOrThrow({
    where: { id },
    select: {
      titleEn: true,
      titleJa: true,
      descriptionEn: true,
      descriptionJa: true,
      currentVersion: { select: { fileName: true } },
    },
  });
}

// ── Versions ─────────────────────────────────────────────────────────────────────────────

export async function nextVersionNumber(tx: Tx, documentId: string): Promise<number> {
  const last = await tx.documentVersion.aggregate({ where: { documentId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

export async function createVersion(
  tx: Tx,
  v: {
    documentId: string;
    number: number;
    fileName: string;
    mimeType: string;
    size: number;
    sha256: string;
    changeNote: string;
    uploadedById: string;
    uploadId: string;
    scanStatus: ScanStatus;
  },
): Promise<string> {
  const row = await tx.documentVersion.create({
    data: { ...v, size: BigInt(v.size) },
    select: { id: true },
  });
  return row.id;
}

/** A released version becomes its document's current one, unless a later one already is. */
export async function releaseVersion(tx: Tx, versionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Document" d SET "currentVersionId" = v.id, "updatedAt" = now()
    FROM "DocumentVersion" v
    WHERE v.id = ${versionId}::uuid AND d.id = v."documentId"
      AND (d."currentVersionId" IS NULL OR v.number > (SELECT number FROM "DocumentVersion" WHERE id = d."currentVersionId"))`;
}

export interface VersionFacts {
  id: string;
  documentId: string;
  number: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadId: string;
  scanStatus: ScanStatus;
  /** Scans begun so far (a claim counts one). */
  scanAttempts: number;
}

export async function versionFacts(tx: Tx, id: string): Promise<VersionFacts | null> {
  const v = await tx.documentVersion.findUnique({
    where: { id },
    select: {
      id: true,
      documentId: true,
      number: true,
      fileName: true,
      mimeType: true,
      size: true,
      sha256: true,
      uploadId: true,
      scanStatus: true,
      scanAttempts: true,
    },
  });
  return v ? { ...v, size: Number(v.size) } : null;
}

// ── Uploads and chunks ───────────────────────────────────────────────────────────────────

export interface UploadRow {
  id: string;
  userId: string;
  projectId: string;
  length: number;
  offset: number;
  metadata: unknown;
  completedAt: Date | null;
  versionId: string | null;
}

export async function createUpload(
  tx: Tx,
  u: { id: string; userId: string; projectId: string; length: number; metadata: Prisma.InputJsonValue },
): Promise<void> {
  await tx.documentUpload.create({ data: { ...u, length: BigInt(u.length) } });
}

export async function getUpload(tx: Tx, id: string): Promise<UploadRow | null> {
  const u = await tx.documentUpload.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      projectId: true,
      length: true,
      offset: true,
      metadata: true,
      completedAt: true,
      version: { select: { id: true } },
    },
  });
  if (!u) return null;
  return {
    id: u.id,
    userId: u.userId,
    projectId: u.projectId,
    length: Number(u.length),
    offset: Number(u.offset),
    metadata: u.metadata,
    completedAt: u.completedAt,
    versionId: u.version?.id ?? null,
  };
}

/**
 * Appends one chunk at `offset`, only if the upload stands exactly there (another connection or
 * instance appending to the same upload makes this one's write a no-op): the new offset, or null.
 */
export async function appendChunk(
  db: Database,
  uploadId: string,
  offset: number,
  data: Uint8Array,
): Promise<number | null> {
  return db.prisma.$transaction(async (tx) => {
    const moved = await tx.documentUpload.updateMany({
      where: { id: uploadId, offset: BigInt(offset), completedAt: null },
      data: { offset: { increment: BigInt(data.byteLength) } },
    });
    if (moved.count === 0) return null;
    await tx.documentChunk.create({
      data: { uploadId, offset: BigInt(offset), data: data as Uint8Array<ArrayBuffer> },
    });
    return offset + data.byteLength;
  });
}

/** Chunks read per query while streaming (at most this many chunks are held at once). */
const CHUNKS_PER_READ = 4;

/** The upload's bytes from `start`, a few chunks at a time. */
export async function* readChunks(db: Database, uploadId: string, start = 0): AsyncGenerator<Uint8Array> {
  let from = BigInt(start);
  let first = true;
  for (;;) {
    const rows = await db.prisma.documentChunk.findMany({
      where: first ? { uploadId, offset: { lte: from } } : { uploadId, offset: { gt: from } },
      orderBy: { offset: first ? "desc" : "asc" },
      take: first ? 1 : CHUNKS_PER_READ,
      select: { offset: true, data: true },
    });
    if (first) {
      first = false;
      const row = rows[0];
      if (!row) {
        from = -1n;
        continue;
      }
      const skip = Number(BigInt(start) - row.offset);
      if (skip < row.data.byteLength) yield row.data.subarray(skip);
      from = row.offset;
      continue;
    }
    for (const row of rows) {
      yield row.data;
      from = row.offset;
    }
    if (rows.length < CHUNKS_PER_READ) return;
  }
}

export async function completeUpload(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.documentUpload.update({ where: { id }, data: { completedAt: at } });
}

/** Removes an upload that will never become a version (refused, or abandoned before it finished). */
export async function removeUpload(db: Database | Tx, id: string): Promise<void> {
  const tx = "prisma" in db ? db.prisma : db;
  await tx.documentUpload.deleteMany({ where: { id, version: null } });
}

/** Uploads left unfinished for longer than `olderThan` are dropped with their chunks. */
export async function pruneUploads(db: Database, olderThan: Date): Promise<number> {
  const { count } = await db.prisma.documentUpload.deleteMany({
    where: { version: null, updatedAt: { lt: olderThan } },
  });
  return count;
}

// ── Scanning ─────────────────────────────────────────────────────────────────────────────

/** Pending versions due for a scan (their `scanAfter` passed), claimed so that no other instance scans them meanwhile. */
export async function claimScans(
  db: Database,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<VersionFacts[]> {
  const rows = await db.prisma.$queryRaw<{ id: string }[]>`
    UPDATE "DocumentVersion" SET "scanAfter" = ${new Date(now.getTime() + leaseMs)}, "scanAttempts" = "scanAttempts" + 1
    WHERE id IN (
      SELECT id FROM "DocumentVersion"
      WHERE "scanStatus" = 'PENDING' AND ("scanAfter" IS NULL OR "scanAfter" <= ${now})
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  const out: VersionFacts[] = [];
  for (const r of rows) {
    const v = await versionFacts(db.prisma, r.id);
    if (v) out.push(v);
  }
  return out;
}

export async function setScanResult(
  tx: Tx,
  id: string,
  result: { status: "CLEAN" | "QUARANTINED"; signature?: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.documentVersion.updateMany({
    where: { id, scanStatus: "PENDING" },
    data: {
      scanStatus: result.status,
      scanSignature: result.signature ?? null,
      scannedAt: result.at,
      scanError: null,
    },
  });
  return count === 1;
}

export async function setScanFailure(db: Database, id: string, error: string, retryAt: Date): Promise<void> {
  await db.prisma.documentVersion.updateMany({
    where: { id, scanStatus: "PENDING" },
    data: { scanError: error.slice(0, 500), scanAfter: retryAt },
  });
}

export interface ScanProblem {
  versionId: string;
  documentId: string;
  projectId: string;
  projectReference: string;
  titleEn: string;
  titleJa: string;
  number: number;
  status: ScanStatus;
  attempts: number;
  error: string | null;
  signature: string | null;
  since: string;
}

/** Versions held back: pending (with the scanner's last error) and quarantined, newest first. */
export async function scanProblems(tx: Tx, limit: number): Promise<ScanProblem[]> {
  const rows = await tx.documentVersion.findMany({
    where: { scanStatus: { in: ["PENDING", "QUARANTINED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      number: true,
      scanStatus: true,
      scanAttempts: true,
      scanError: true,
      scanSignature: true,
      createdAt: true,
      document: {
        select: {
          id: true,
          titleEn: true,
          titleJa: true,
          project: { select: { id: true, reference: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    versionId: r.id,
    documentId: r.document.id,
    projectId: r.document.project.id,
    projectReference: r.document.project.reference,
    titleEn: r.document.titleEn,
    titleJa: r.document.titleJa,
    number: r.number,
    status: r.scanStatus,
    attempts: r.scanAttempts,
    error: r.scanError,
    signature: r.scanSignature,
    since: r.createdAt.toISOString(),
  }));
}

// ── Access list and the record ───────────────────────────────────────────────────────────

export interface AccessEntry {
  id: string;
  action: "document.viewed" | "document.downloaded";
  at: string;
  userName: string | null;
  role: string | null;
  delegation: string | null;
  organisation: string | null;
  versionNumber: number | null;
}

/** Who viewed and downloaded a document, newest first (from the audit log). */
export async function accessList(
  tx: Tx,
  documentId: string,
  cursor: string | null | undefined,
  limit: number,
): Promise<Page<AccessEntry>> {
  const rows = await tx.auditEvent.findMany({
    where: {
      entityType: "Document",
      entityId: documentId,
      action: { in: ["document.viewed", "document.downloaded"] },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...afterCursor(cursor),
    select: {
      id: true,
      action: true,
      createdAt: true,
      after: true,
      actor: {
        select: {
          name: true,
          role: true,
          delegation: { select: { code: true } },
          organisation: { select: { name: true } },
        },
      },
    },
  });
  return keysetPage(rows, limit, (r) => ({
    id: r.id,
    action: r.action as AccessEntry["action"],
    at: r.createdAt.toISOString(),
    userName: r.actor?.name ?? null,
    role: r.actor?.role ?? null,
    delegation: r.actor?.delegation?.code ?? null,
    organisation: r.actor?.organisation?.name ?? null,
    versionNumber:
      r.after && typeof r.after === "object" && "version" in r.after && typeof r.after.version === "number"
        ? r.after.version
        : null,
  }));
}

/** Every document of a project with its released version: what a submitted revision records. */
export async function releasedDocuments(tx: Tx, projectId: string) {
  const rows = await tx.document.findMany({
    where: { projectId, currentVersionId: { not: null } },
    select: {
      id: true,
      titleEn: true,
      titleJa: true,
      classification: true,
      delegations: true,
      organisationId: true,
      createdById: true,
      currentVersion: { select: { number: true, sha256: true } },
    },
  });
  return rows.map((r) => ({ ...r, version: r.currentVersion }));
}

/** Delegations a need-to-know list may name (codes, with names in both languages). */
export async function delegationChoices(tx: Tx) {
  return tx.delegation.findMany({
    orderBy: { code: "asc" },
    select: { code: true, nameEn: true, nameJa: true },
  });
}

/** Whether every code names a delegation. */
export async function unknownDelegations(tx: Tx, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await tx.delegation.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const known = new Set(found.map((f) => f.code));
  return codes.filter((c) => !known.has(c));
}

/** Released versions of a project's documents by id (milestone evidence). */
export async function versionsOfProject(tx: Tx, projectId: string, versionIds: string[]) {
  return tx.documentVersion.findMany({
    where: { id: { in: versionIds }, document: { projectId } },
    select: { id: true, scanStatus: true, document: { select: factsSelect } },
  });
}

export function factsOf(d: Prisma.DocumentGetPayload<{ select: typeof factsSelect }>): DocumentFacts {
  return toFacts(d);
}

/** Whether the person's view of the document is already in the access list since `since`. */
export async function viewedSince(
  tx: Tx,
  documentId: string,
  actorId: string,
  since: Date,
): Promise<boolean> {
  const found = await tx.auditEvent.findFirst({
    where: {
      entityType: "Document",
      entityId: documentId,
      actorId,
      action: "document.viewed",
      createdAt: { gte: since },
    },
    select: { id: true },
  });
  return found !== null;
}

export async function uploaderOf(tx: Tx, versionId: string): Promise<string | null> {
  const v = await tx.documentVersion.findUnique({ where: { id: versionId }, select: { uploadedById: true } });
  return v?.uploadedById ?? null;
}
