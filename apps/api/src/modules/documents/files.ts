import { createHash } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { Logger } from "pino";
import { inTransaction, type Database, type Tx } from "@lodestone/db/client";
import * as documents from "@lodestone/db/repositories/documents";
import { recordEvent } from "@lodestone/db/repositories/events";
import { getProjectAccess } from "@lodestone/db/repositories/project";
import { canSeeProject } from "@lodestone/domain/access";
import {
  acceptedType,
  canManageDocument,
  canSeeDocument,
  canUploadTo,
  documentSearchText,
  isClassified,
  isReleased,
  PREVIEWABLE_TYPES,
  sanitiseFileName,
  stampText,
  UploadInput,
  type Classification,
} from "@lodestone/domain/documents";
import type { SessionUser } from "@lodestone/auth/session";
import { DataStore, ERRORS, Upload } from "@tus/utils";
import { Server as TusServer } from "@tus/server";
import contentDisposition from "content-disposition";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { INTERNAL_SECRET_HEADER } from "@lodestone/auth/secrets";
import { createContext, type Services, type SignedInContext } from "../../context.js";
import { recordAccess } from "./service.js";

// Files in and out of the data room over plain HTTP (tRPC carries JSON, not bytes):
// - uploads speak tus 1.0 (resumable: a dropped connection resumes where the database says it
//   stands), through @tus/server with a store of our own that writes each chunk as a row;
// - downloads and previews stream a version's chunks from the database a few at a time.
// Both ask the same rules as every other read (the domain's), with the caller's session.

/** Bytes per stored chunk: large enough to keep row counts low, small enough to hold a few at once. */
export const CHUNK_BYTES = 256 * 1024;

/** The header the API sets (never the client) to tell the tus hooks who called. */
const CALLER_HEADER = "lodestone-upload-caller";

class HttpRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

// ── The store: tus uploads as rows ───────────────────────────────────────────────────────

class DatabaseStore extends DataStore {
  constructor(private readonly db: Database) {
    super();
    this.extensions = ["creation", "termination"];
  }

  override async create(upload: Upload): Promise<Upload> {
    const meta = upload.metadata ?? {};
    if (!meta.userId || !meta.projectId || upload.size === undefined) throw ERRORS.INVALID_LENGTH;
    await documents.createUpload(this.db.prisma, {
      id: upload.id,
      userId: meta.userId,
      projectId: meta.projectId,
      length: upload.size,
      metadata: { input: meta.input ?? "", filename: meta.filename ?? "" },
    });
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const row = isUuid(id) ? await documents.getUpload(this.db.prisma, id) : null;
    if (!row || row.versionId) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({
      id: row.id,
      size: row.length,
      offset: row.offset,
      metadata: { userId: row.userId, projectId: row.projectId },
    });
  }

  override async remove(id: string): Promise<void> {
    await documents.removeUpload(this.db, id);
  }

  /** Appends what arrives, a chunk per row; what arrived before a dropped connection is kept. */
  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const upload = await documents.getUpload(this.db.prisma, id);
    if (!upload || upload.versionId) throw ERRORS.FILE_NOT_FOUND;
    let at = offset;
    let parts: Buffer[] = [];
    let held = 0;
    const flush = async () => {
      if (held === 0) return;
      const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
      parts = [];
      held = 0;
      if (at + data.byteLength > upload.length) throw ERRORS.ERR_SIZE_EXCEEDED;
      const next = await documents.appendChunk(this.db, id, at, data);
      if (next === null) throw ERRORS.INVALID_OFFSET;
      at = next;
    };
    try {
      for await (const piece of stream) {
        const buf = piece as Buffer;
        parts.push(buf);
        held += buf.byteLength;
        if (held >= CHUNK_BYTES) await flush();
      }
    } finally {
      // Kept even when the connection dropped: the client resumes from here.
      await flush();
    }
    return at;
  }
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

// ── Content checks ───────────────────────────────────────────────────────────────────────

/** How much of the start of a file the type is read from (office documents name their parts near the start). */
const SNIFF_BYTES = 256 * 1024;
/** How much of the start of a file must be text for it to pass as text. */
const TEXT_BYTES = 64 * 1024;

/** The first `SNIFF_BYTES` of an upload, read once for both content checks. */
async function headOf(db: Database, uploadId: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let held = 0;
  for await (const chunk of documents.readChunks(db, uploadId)) {
    parts.push(chunk);
    held += chunk.byteLength;
    if (held >= SNIFF_BYTES) break;
  }
  return Buffer.concat(parts, held).subarray(0, SNIFF_BYTES);
}

/** Whether the start of the content is text (UTF-8, no control characters but tab, CR, LF, FF). */
function looksLikeText(head: Buffer): boolean {
  if (head.byteLength === 0) return false;
  try {
    // A character cut at the end of what is read is not an error: stream mode keeps it pending.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, TEXT_BYTES), {
      stream: true,
    });
    // eslint-disable-next-line no-control-regex -- control characters tell binary content from text
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

async function sha256Of(db: Database, uploadId: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of documents.readChunks(db, uploadId)) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest("hex"), size };
}

// ── Authorisation of an upload ───────────────────────────────────────────────────────────

/** What an upload will create, checked against the caller's rights now (at creation and again at the end). */
async function checkUpload(tx: Tx, user: SessionUser, raw: unknown, lock = false) {
  const parsed = UploadInput.safeParse(raw);
  if (!parsed.success) {
    throw new HttpRefusal(
      400,
      parsed.error.issues[0]?.message ?? "The upload's description could not be read.",
    );
  }
  const input = parsed.data;
  if ("documentId" in input) {
    // At the end of an upload the document is locked: its next version number is taken under it.
    const facts = await documents.documentFacts(tx, input.documentId, lock);
    if (!facts || !canSeeDocument(user, facts.project, documents.accessOf(facts))) {
      throw new HttpRefusal(404, "There is no such document.");
    }
    if (!canManageDocument(user, facts.project, documents.accessOf(facts))) {
      throw new HttpRefusal(
        403,
        "Only the uploading organisation or a coordinator can add a version of this document.",
      );
    }
    return { input, projectId: facts.projectId, facts };
  }
  const project = await getProjectAccess(tx, input.projectId);
  if (!project || !canSeeProject(user, project)) throw new HttpRefusal(404, "There is no such project.");
  if (!canUploadTo(user, project)) {
    throw new HttpRefusal(
      403,
      "Only delegates, coordinators and the proposing organisation add documents here.",
    );
  }
  const folder = await documents.folderOf(tx, input.folderId);
  if (!folder || folder.projectId !== project.id) {
    throw new HttpRefusal(404, "There is no such folder in this data room.");
  }
  const unknown = await documents.unknownDelegations(tx, input.delegations);
  if (unknown.length) throw new HttpRefusal(400, `There is no delegation ${unknown.join(", ")}.`);
  return { input, projectId: project.id, facts: null };
}

function parseInput(json: string | null | undefined): unknown {
  try {
    return JSON.parse(json ?? "");
  } catch {
    throw new HttpRefusal(400, "The upload's description could not be read.");
  }
}

/**
 * A finished upload becomes a version: its type checked by content, its hash computed, the
 * document created (for a first version), and the version released at once when no scanner runs
 * (pending otherwise: the scanner releases it). Refused content is removed.
 */
async function finishUpload(
  services: Services,
  user: SessionUser,
  uploadId: string,
): Promise<{ documentId: string; versionId: string; scanStatus: string }> {
  const { db } = services;
  const upload = await documents.getUpload(db.prisma, uploadId);
  if (!upload || upload.userId !== user.id) throw new HttpRefusal(404, "There is no such upload.");
  const meta = upload.metadata as { input?: string };
  const raw = parseInput(meta.input);
  const name =
    typeof (raw as { fileName?: unknown })?.fileName === "string"
      ? (raw as { fileName: string }).fileName
      : "";
  const head = await headOf(db, uploadId);
  const detected = (await fileTypeFromBuffer(head))?.mime;
  const type = acceptedType(detected, detected === undefined && looksLikeText(head), name);
  if (!type.ok) {
    await documents.removeUpload(db, uploadId);
    throw new HttpRefusal(415, type.reason);
  }
  const { sha256, size } = await sha256Of(db, uploadId);
  const fileName = sanitiseFileName(name, type.mimeType);
  const scanStatus = services.documents.scanner ? "PENDING" : "UNSCANNED";
  const now = services.now();
  return inTransaction(db, async (tx) => {
    const { input, projectId, facts } = await checkUpload(tx, user, raw, true);
    let documentId: string;
    let number: number;
    if (facts) {
      documentId = facts.id;
      number = await documents.nextVersionNumber(tx, documentId);
    } else if (!("documentId" in input)) {
      documentId = await documents.createDocument(tx, {
        projectId,
        folderId: input.folderId,
        titleEn: input.titleEn,
        titleJa: input.titleJa,
        descriptionEn: input.descriptionEn,
        descriptionJa: input.descriptionJa,
        classification: input.classification,
        delegations: input.delegations,
        organisationId: user.organisationId,
        createdById: user.id,
        searchText: documentSearchText({ ...input, fileName }),
      });
      number = 1;
    } else {
      throw new HttpRefusal(404, "There is no such document.");
    }
    const versionId = await documents.createVersion(tx, {
      documentId,
      number,
      fileName,
      mimeType: type.mimeType,
      size,
      sha256,
      changeNote: input.changeNote,
      uploadedById: user.id,
      uploadId,
      scanStatus,
    });
    await documents.completeUpload(tx, uploadId, now);
    if (scanStatus === "UNSCANNED") await release(tx, versionId, user.id, null);
    return { documentId, versionId, scanStatus };
  });
}

/**
 * A version that passed (or needs no) scanning becomes its document's current version and is
 * announced: "document.added" for a first version, "document.version_added" after that.
 */
export async function release(tx: Tx, versionId: string, actorId: string | null, requestId: string | null) {
  const version = await documents.versionFacts(tx, versionId);
  if (!version) return;
  await documents.releaseVersion(tx, versionId);
  const facts = await documents.documentFacts(tx, version.documentId);
  if (!facts) return;
  const fields = await documents.searchFields(tx, facts.id);
  await documents.updateDocument(tx, facts.id, {
    searchText: documentSearchText({
      ...fields,
      fileName: fields.currentVersion?.fileName ?? version.fileName,
    }),
  });
  await recordEvent(tx, {
    type: version.number === 1 ? "document.added" : "document.version_added",
    actorId,
    requestId,
    subject: { type: "Document", id: facts.id },
    projectId: facts.projectId,
    data: { documentId: facts.id, folderId: facts.folderId, versionId, access: documents.accessOf(facts) },
    audit: {
      after: {
        version: version.number,
        sha256: version.sha256,
        size: version.size,
        fileName: version.fileName,
      },
    },
  });
}

// ── Downloads ────────────────────────────────────────────────────────────────────────────

/** Nothing in a downloaded file runs in our origin: no scripts, no plugins, no navigation. */
const ATTACHMENT_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
/** An image preview is shown as an image and nothing else. */
const IMAGE_CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
/**
 * A PDF preview: the browser's own viewer draws it (a sandbox would stop the viewer); the PDF may
 * load nothing and only the web's own pages may frame it.
 */
const PDF_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

async function sendVersion(
  services: Services,
  ctx: SignedInContext,
  versionId: string,
  preview: boolean,
  reply: FastifyReply,
) {
  const { db } = services;
  const version = isUuid(versionId) ? await documents.versionFacts(db.prisma, versionId) : null;
  const facts = version ? await documents.documentFacts(db.prisma, version.documentId) : null;
  if (!version || !facts || !canSeeDocument(ctx.user, facts.project, documents.accessOf(facts))) {
    return refuse(reply, 404, "There is no such document.");
  }
  if (version.scanStatus === "QUARANTINED") {
    return refuse(
      reply,
      403,
      "This version was quarantined: the malware scanner found a threat in it. It cannot be downloaded.",
    );
  }
  if (!isReleased(version.scanStatus)) {
    return refuse(reply, 409, "This version is waiting for its malware scan. Try again in a moment.");
  }
  if (preview && !PREVIEWABLE_TYPES.has(version.mimeType)) {
    return refuse(reply, 415, "This type of file has no preview. Download it instead.");
  }
  await inTransaction(db, (tx) =>
    recordAccess(tx, ctx, facts, preview ? "document.viewed" : "document.downloaded", {
      id: version.id,
      number: version.number,
    }),
  );
  const csp = !preview ? ATTACHMENT_CSP : version.mimeType === "application/pdf" ? PDF_CSP : IMAGE_CSP;
  reply
    .header("content-type", version.mimeType)
    .header(
      "content-disposition",
      contentDisposition(version.fileName, { type: preview ? "inline" : "attachment" }),
    )
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", csp)
    .header("cache-control", "private, no-store");
  if (preview && version.mimeType === "application/pdf") reply.header("x-frame-options", "SAMEORIGIN");
  else reply.header("x-frame-options", "DENY");
  if (version.mimeType === "application/pdf" && isClassified(facts.classification)) {
    const stamped = await stampPdf(db, version.uploadId, ctx.user, ctx.now(), facts.classification);
    if (!stamped) {
      return refuse(
        reply,
        422,
        "This PDF could not be stamped with your name, so it is not released. Ask the uploader for a version that opens normally.",
      );
    }
    return reply.header("content-length", stamped.byteLength).send(Buffer.from(stamped));
  }
  reply.header("content-length", version.size);
  // One chunk waits ahead of the socket (Readable.from would otherwise read 16 ahead: 4 MB a download).
  return reply.send(Readable.from(documents.readChunks(db, version.uploadId), { highWaterMark: 1 }));
}

/**
 * A classified PDF as its reader receives it: every page with a footer naming them and the time.
 * pdf-lib works on the whole document, so a stamped PDF is held in memory while it is stamped
 * (unclassified downloads stream). An unreadable PDF is not released unstamped: null.
 */
async function stampPdf(
  db: Database,
  uploadId: string,
  user: SessionUser,
  at: Date,
  classification: Classification,
): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  for await (const chunk of documents.readChunks(db, uploadId)) parts.push(chunk);
  try {
    const pdf = await PDFDocument.load(Buffer.concat(parts), {
      ignoreEncryption: false,
      updateMetadata: false,
    });
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const text = stampText(user, at, classification);
    for (const page of pdf.getPages()) {
      const { width } = page.getSize();
      const size = Math.min(7, (width - 24) / Math.max(1, font.widthOfTextAtSize(text, 1)));
      page.drawText(text, { x: 12, y: 8, size, font, color: rgb(0.55, 0.05, 0.05) });
    }
    return await pdf.save();
  } catch {
    return null;
  }
}

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply
    .code(status)
    .header("content-type", "text/plain; charset=utf-8")
    .header("cache-control", "no-store")
    .send(message);
}

// ── Routes ───────────────────────────────────────────────────────────────────────────────

async function signedIn(services: Services, req: FastifyRequest): Promise<SignedInContext | null> {
  const ctx = await createContext(services, req, INTERNAL_SECRET_HEADER);
  return ctx.session ? { ...ctx, user: ctx.session } : null;
}

/** Registers `/files/uploads` (tus) and `/files/versions/:id` (download, preview). */
export function registerFileRoutes(
  app: FastifyInstance<Server, IncomingMessage, ServerResponse, Logger>,
  services: Services,
) {
  const tus = new TusServer({
    path: "/files/uploads",
    datastore: new DatabaseStore(services.db),
    maxSize: services.documents.maxBytes,
    relativeLocation: true,
    exposedHeaders: ["Lodestone-Document-Id", "Lodestone-Version-Id"],
    namingFunction: () => crypto.randomUUID(),
    async onIncomingRequest(req, uploadId) {
      const caller = callerOf(req);
      if (req.method === "POST" || !uploadId) return;
      const upload = isUuid(uploadId) ? await documents.getUpload(services.db.prisma, uploadId) : null;
      if (!upload || upload.userId !== caller.id) throw new HttpRefusal(404, "There is no such upload.");
    },
    async onUploadCreate(req, upload) {
      const caller = callerOf(req);
      const raw = parseInput(upload.metadata?.input);
      const { projectId } = await inTransaction(services.db, (tx) => checkUpload(tx, caller, raw));
      return { metadata: { ...upload.metadata, userId: caller.id, projectId } };
    },
    async onUploadFinish(req, upload) {
      const result = await finishUpload(services, callerOf(req), upload.id);
      return {
        status_code: 204,
        headers: { "Lodestone-Document-Id": result.documentId, "Lodestone-Version-Id": result.versionId },
      };
    },
    onResponseError(_req, err) {
      if (err instanceof HttpRefusal) return { status_code: err.status_code, body: err.body };
      if ("status_code" in err) return undefined;
      return {
        status_code: 500,
        body: "The upload could not be stored. Try again; it resumes where it stopped.",
      };
    },
  });

  // tus reads the raw body itself.
  app.addContentTypeParser("application/offset+octet-stream", (_req, _payload, done) => done(null));
  const handleTus = async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = await signedIn(services, req);
    // Whatever the client sent under our header is dropped; ours carries the resolved session.
    const raw = req.raw.rawHeaders;
    const kept: string[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (raw[i]!.toLowerCase() !== CALLER_HEADER) kept.push(raw[i]!, raw[i + 1]!);
    }
    delete req.raw.headers[CALLER_HEADER];
    if (!ctx) return refuse(reply, 401, "Sign in to upload documents.");
    const value = encodeURIComponent(JSON.stringify(ctx.user));
    req.raw.headers[CALLER_HEADER] = value;
    raw.splice(0, raw.length, ...kept, CALLER_HEADER, value);
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  };
  app.all("/files/uploads", handleTus);
  app.all("/files/uploads/*", handleTus);

  for (const [path, preview] of [
    ["/files/versions/:versionId", false],
    ["/files/versions/:versionId/preview", true],
  ] as const) {
    app.get<{ Params: { versionId: string } }>(path, async (req, reply) => {
      const ctx = await signedIn(services, req);
      if (!ctx) return refuse(reply, 401, "Sign in to download documents.");
      return sendVersion(services, ctx, req.params.versionId, preview, reply);
    });
  }
}

function callerOf(req: { headers: Headers }): SessionUser {
  const raw = req.headers.get(CALLER_HEADER);
  if (!raw) throw new HttpRefusal(401, "Sign in to upload documents.");
  return JSON.parse(decodeURIComponent(raw)) as SessionUser;
}
