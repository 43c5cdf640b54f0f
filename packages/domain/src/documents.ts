import { z } from "zod";
import { canSeeProject, may, type Actor, type VisibilityFacts } from "./access.js";

// The data room (DESIGN.md §11): folders, documents and their immutable versions, each document
// classified. The rules below decide every read of a document: its list, search, export, the live
// events and notifications that name it, its downloads and the access list.

export const CLASSIFICATIONS = ["PROJECT", "GOVERNMENTS", "NAMED_DELEGATIONS", "ORGANISATION"] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;

/** Where a version stands with the malware scanner. */
export const SCAN_STATUSES = ["PENDING", "CLEAN", "UNSCANNED", "QUARANTINED"] as const;
export const ScanStatus = z.enum(SCAN_STATUSES);
export type ScanStatus = z.infer<typeof ScanStatus>;

/** What the classification rule reads of a document. */
export interface DocumentAccessFacts {
  classification: Classification;
  /** The need-to-know list (delegation codes) of a NAMED_DELEGATIONS document. */
  delegations: readonly string[];
  /** The organisation of whoever uploaded its first version (null for a delegate or coordinator without one). */
  organisationId: string | null;
  /** Who uploaded its first version: stands for their organisation when they have none. */
  uploadedById: string;
}

/** The actor is (or belongs to) the document's uploading side. */
function isUploaderSide(actor: Actor, doc: DocumentAccessFacts): boolean {
  if (doc.organisationId !== null) return actor.organisationId === doc.organisationId;
  return actor.id === doc.uploadedById;
}

/**
 * Whether `actor` may see a document of `project` (its row, its title, its versions and their
 * content). First the project's own visibility; then the classification:
 * - PROJECT: everyone who may see the project;
 * - GOVERNMENTS: delegates and coordinators, plus the uploading organisation;
 * - NAMED_DELEGATIONS: delegates of a listed delegation, coordinators, the uploading organisation;
 * - ORGANISATION: coordinators and the uploading organisation.
 * Administrators run the platform; they are not a government and see only PROJECT documents.
 */
export function canSeeDocument(actor: Actor, project: VisibilityFacts, doc: DocumentAccessFacts): boolean {
  if (!canSeeProject(actor, project)) return false;
  if (doc.classification === "PROJECT") return true;
  if (isUploaderSide(actor, doc) || actor.role === "COORDINATOR") return true;
  switch (doc.classification) {
    case "GOVERNMENTS":
      return actor.role === "DELEGATE";
    case "NAMED_DELEGATIONS":
      return (
        actor.role === "DELEGATE" && actor.delegation !== null && doc.delegations.includes(actor.delegation)
      );
    case "ORGANISATION":
      return false;
  }
}

/**
 * The classification rule as a description a repository turns into a query (the same rule as
 * `canSeeDocument` once the project is visible: a db test checks the two agree).
 */
export type DocumentVisibility =
  | { kind: "all" }
  | {
      kind: "some";
      /** Classifications seen whoever uploaded. */
      classifications: Classification[];
      /** NAMED_DELEGATIONS documents listing this delegation. */
      delegation: string | null;
      /** Documents of this uploading organisation (any classification). */
      organisationId: string | null;
      /** Documents first uploaded by this person without an organisation. */
      uploaderId: string;
    };

export function documentVisibility(actor: Actor): DocumentVisibility {
  if (actor.role === "COORDINATOR") return { kind: "all" };
  return {
    kind: "some",
    classifications: actor.role === "DELEGATE" ? ["PROJECT", "GOVERNMENTS"] : ["PROJECT"],
    delegation: actor.role === "DELEGATE" ? actor.delegation : null,
    organisationId: actor.organisationId,
    uploaderId: actor.id,
  };
}

/** Who may add documents to a project's data room: delegates, coordinators and the proposing organisation. */
export function canUploadTo(actor: Actor, project: VisibilityFacts): boolean {
  if (!may(actor.role, "documents.upload") || !canSeeProject(actor, project)) return false;
  if (actor.role === "PARTNER")
    return actor.organisationId !== null && actor.organisationId === project.organisationId;
  return true;
}

/**
 * Who may change a document (classification, titles, a new version) and read its access list: its
 * uploading organisation (or uploader) and coordinators; never someone who may not see it.
 */
export function canManageDocument(actor: Actor, project: VisibilityFacts, doc: DocumentAccessFacts): boolean {
  if (!canSeeDocument(actor, project, doc)) return false;
  return actor.role === "COORDINATOR" || (actor.role !== "ADMIN" && isUploaderSide(actor, doc));
}

/** A version may be downloaded, previewed and announced only once the scanner has passed it (or no scanner runs). */
export function isReleased(status: ScanStatus): boolean {
  return status === "CLEAN" || status === "UNSCANNED";
}

/** Documents above PROJECT carry a classification banner and, when downloaded as PDF, a stamp. */
export function isClassified(classification: Classification): boolean {
  return classification !== "PROJECT";
}

// ── Folders ──────────────────────────────────────────────────────────────────────────────

/** Every project's data room starts with these folders (coordinators may add more). */
export const DEFAULT_FOLDERS: readonly { nameEn: string; nameJa: string }[] = [
  { nameEn: "01 Technical", nameJa: "01 技術" },
  { nameEn: "02 Environmental & social", nameJa: "02 環境・社会" },
  { nameEn: "03 Supply & offtake", nameJa: "03 供給・引取" },
  { nameEn: "04 Finance", nameJa: "04 財務" },
  { nameEn: "05 Legal & permits", nameJa: "05 法務・許認可" },
];

// ── Content types ────────────────────────────────────────────────────────────────────────

/** The allow-list, by the type the content shows (never the name): the extension each is saved with. */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
  /** Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 share one container format. */
  "application/x-cfb": "doc",
  "text/csv": "csv",
  "text/plain": "txt",
};

/** Types the browser shows in the page (inside a sandbox). */
export const PREVIEWABLE_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
]);

/**
 * The type a file is stored as, from what its content shows: `detected` is the type a signature
 * sniffer found (undefined when none matched), `text` says the content is UTF-8 text without
 * control characters. Text is CSV when its name says so, plain text otherwise. Anything else is
 * refused with a reason a person understands.
 */
export function acceptedType(
  detected: string | undefined,
  text: boolean,
  fileName: string,
): { ok: true; mimeType: string } | { ok: false; reason: string } {
  if (detected !== undefined) {
    if (detected in ALLOWED_TYPES) return { ok: true, mimeType: detected };
    return {
      ok: false,
      reason: `This file's content is ${detected}, which the data room does not accept. Upload a PDF, an image, an office document, CSV or plain text.`,
    };
  }
  if (text) return { ok: true, mimeType: /\.csv$/i.test(fileName) ? "text/csv" : "text/plain" };
  return {
    ok: false,
    reason:
      "This file's type could not be recognised from its content. Upload a PDF, an image, an office document, CSV or plain text.",
  };
}

const UNSAFE_NAME_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must lose
  /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
export const FILE_NAME_MAX = 180;

/**
 * A file name safe to store and to send in Content-Disposition: the last path component, without
 * control, bidirectional-override or reserved characters, trimmed of dots and spaces, at most 180
 * characters, ending in the extension of the type its content showed ("document.pdf" when nothing
 * is left).
 */
export function sanitiseFileName(name: string, mimeType: string): string {
  const extension = ALLOWED_TYPES[mimeType] ?? "bin";
  const last = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let base = last.replace(UNSAFE_NAME_CHARACTERS, "").replace(/\s+/g, " ").trim();
  base = base.replace(/\.[^.]{1,8}$/, "").replace(/^[.\s]+|[.\s]+$/g, "");
  if (!base) base = "document";
  base = Array.from(base)
    .slice(0, FILE_NAME_MAX - extension.length - 1)
    .join("");
  return `${base}.${extension}`;
}

/** The default per-file limit (50 MB); DOCUMENT_MAX_BYTES changes it. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

// ── PDF stamp ────────────────────────────────────────────────────────────────────────────

/**
 * The footer stamped on every page of a classified PDF: who downloaded it and when (UTC, ISO), and
 * its classification. Standard PDF fonts carry Latin-1 only: a name outside it is given by the
 * account's e-mail address alone.
 */
export function stampText(
  who: { name: string; email: string },
  at: Date,
  classification: Classification,
): string {
  const latin1 = /^[\u0020-\u007e\u00a0-\u00ff]*$/.test(who.name);
  const person = latin1 && who.name.trim() ? `${who.name.trim()} <${who.email}>` : who.email;
  return `${CLASSIFICATION_STAMP[classification]} - downloaded by ${person} at ${at.toISOString()}`;
}

const CLASSIFICATION_STAMP: Record<Classification, string> = {
  PROJECT: "PROJECT",
  GOVERNMENTS: "GOVERNMENTS ONLY",
  NAMED_DELEGATIONS: "NAMED DELEGATIONS ONLY",
  ORGANISATION: "ORGANISATION AND COORDINATORS ONLY",
};

// ── Bound into the record ────────────────────────────────────────────────────────────────

/** One document as a submitted revision records it: by hash and title, never its content. */
export type RevisionDocument = {
  documentId: string;
  titleEn: string;
  classification: Classification;
  version: number;
  sha256: string;
};

/** The documents of a revision, in a stable order (the content hash depends on it). */
export function revisionDocuments(
  docs: readonly {
    id: string;
    titleEn: string;
    classification: Classification;
    version: { number: number; sha256: string } | null;
  }[],
): RevisionDocument[] {
  return docs
    .filter((d) => d.version !== null)
    .map((d) => ({
      documentId: d.id,
      titleEn: d.titleEn,
      classification: d.classification,
      version: d.version!.number,
      sha256: d.version!.sha256,
    }))
    .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
}

export type DocumentChange = "unchanged" | "changed" | "added";

/**
 * How a document stands against a revision: "changed" when its released version is not the one
 * the revision recorded, "added" when the revision did not list it.
 */
export function changeSince(
  recorded: readonly Pick<RevisionDocument, "documentId" | "sha256">[],
  doc: { id: string; sha256: string | null },
): DocumentChange {
  const entry = recorded.find((r) => r.documentId === doc.id);
  if (!entry) return "added";
  return doc.sha256 === null || doc.sha256 === entry.sha256 ? "unchanged" : "changed";
}

// ── Inputs ───────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().trim().max(max);
const delegationCodes = z
  .array(z.string().trim().min(1).max(16))
  .max(20)
  .transform((codes) => [...new Set(codes)].sort());

/** A classification with its need-to-know list (required for NAMED_DELEGATIONS, empty otherwise). */
const classified = {
  classification: Classification,
  delegations: delegationCodes.default([]),
};
function checkDelegations(
  v: { classification: Classification; delegations: string[] },
  ctx: z.RefinementCtx,
) {
  if (v.classification === "NAMED_DELEGATIONS" && v.delegations.length === 0) {
    ctx.addIssue({ code: "custom", path: ["delegations"], message: "Name at least one delegation." });
  }
  if (v.classification !== "NAMED_DELEGATIONS" && v.delegations.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["delegations"],
      message: "Only a document for named delegations lists delegations.",
    });
  }
}

export const DOCUMENT_PAGE_SIZE_MAX = 100;

export const ListDocumentsInput = z
  .object({
    projectId: z.uuid(),
    folderId: z.uuid().optional(),
    /** Words in a title, description or file name (either language). */
    q: text(200).optional(),
    cursor: z.uuid().nullish(),
    limit: z.number().int().min(1).max(DOCUMENT_PAGE_SIZE_MAX).default(50),
  })
  .strict();

export const CreateFolderInput = z
  .object({
    projectId: z.uuid(),
    nameEn: text(80).min(1, "Give the folder an English name."),
    nameJa: text(80).min(1, "Give the folder a Japanese name."),
  })
  .strict();

/** What an upload says about the document it creates (sent as tus metadata, checked here). */
export const NewDocumentInput = z
  .object({
    projectId: z.uuid(),
    folderId: z.uuid(),
    titleEn: text(200).min(1, "Give the document an English title."),
    titleJa: text(200).default(""),
    descriptionEn: text(2000).default(""),
    descriptionJa: text(2000).default(""),
    ...classified,
    fileName: z.string().min(1).max(400),
    changeNote: text(500).default(""),
  })
  .strict()
  .superRefine(checkDelegations);

/** A further version of an existing document. */
export const NewVersionInput = z
  .object({
    documentId: z.uuid(),
    fileName: z.string().min(1).max(400),
    changeNote: text(500).min(1, "Say what changed in this version."),
  })
  .strict();

export const UploadInput = z.union([NewVersionInput, NewDocumentInput]);
export type UploadInput = z.output<typeof UploadInput>;

export const ClassifyDocumentInput = z
  .object({ documentId: z.uuid(), ...classified })
  .strict()
  .superRefine(checkDelegations);

export const EditDocumentInput = z
  .object({
    documentId: z.uuid(),
    folderId: z.uuid().optional(),
    titleEn: text(200).min(1, "Give the document an English title.").optional(),
    titleJa: text(200).optional(),
    descriptionEn: text(2000).optional(),
    descriptionJa: text(2000).optional(),
  })
  .strict();

export const DocumentIdInput = z.object({ documentId: z.uuid() }).strict();

/** Words a document is found by: titles, descriptions and file names, lower-cased. */
export function documentSearchText(d: {
  titleEn: string;
  titleJa: string;
  descriptionEn: string;
  descriptionJa: string;
  fileName: string;
}): string {
  return [d.titleEn, d.titleJa, d.descriptionEn, d.descriptionJa, d.fileName].join("\n").toLowerCase();
}
