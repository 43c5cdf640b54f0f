// Documents as the API gives them, for the data room's component tests.
import type { UploadOptions } from "tus-js-client";
import type { DataRoomFolders, DetailVersion, DocumentDetail, DocumentRow, VersionRow } from "./types";
import type { CreateUpload, TusUpload } from "./use-tus-upload";

export const PROJECT_ID = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
export const FOLDER_TECH = "0a000000-0000-4000-8000-000000000001";
export const FOLDER_FINANCE = "0a000000-0000-4000-8000-000000000004";

export const FOLDERS: DataRoomFolders = {
  folders: [
    { id: FOLDER_TECH, position: 1, nameEn: "01 Technical", nameJa: "01 技術", documentCount: 2 },
    { id: FOLDER_FINANCE, position: 4, nameEn: "04 Finance", nameJa: "04 財務", documentCount: 1 },
  ],
  canUpload: true,
  canOrganise: false,
  maxBytes: 1024 * 1024,
  delegations: [
    { code: "US", nameEn: "United States", nameJa: "米国" },
    { code: "JP", nameEn: "Japan", nameJa: "日本" },
    { code: "AU", nameEn: "Australia", nameJa: "オーストラリア" },
  ],
};

let counter = 0;

export function makeVersion(overrides: Partial<VersionRow> = {}): VersionRow {
  counter += 1;
  return {
    id: `0b000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    number: 1,
    fileName: "feasibility-study.pdf",
    mimeType: "application/pdf",
    size: 1_572_864,
    sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    changeNote: "",
    uploadedByName: "Rachel Morgan",
    createdAt: "2026-11-20T01:30:00.000Z",
    scanStatus: "CLEAN",
    scanSignature: null,
    ...overrides,
  };
}

export function makeDocument(overrides: Partial<DocumentRow> = {}): DocumentRow {
  counter += 1;
  return {
    id: `0c000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    projectId: PROJECT_ID,
    folderId: FOLDER_TECH,
    titleEn: "Bankable feasibility study",
    titleJa: "銀行融資向け事業化調査",
    descriptionEn: "",
    descriptionJa: "",
    classification: "PROJECT",
    delegations: [],
    organisationName: "Larkspur Minerals",
    organisationNameJa: "ラークスパー・ミネラルズ",
    current: makeVersion(),
    updatedAt: "2026-11-20T01:30:00.000Z",
    ...overrides,
  } as DocumentRow;
}

export function makeDetail(
  document: DocumentRow,
  versions: Partial<DetailVersion>[] = [{}],
  canManage = true,
): DocumentDetail {
  return {
    document,
    project: {
      id: PROJECT_ID,
      reference: "LD-0011",
      titleEn: "Larkspur Separation",
      titleJa: "ラークスパー分離",
    },
    versions: versions.map((v, i) => ({
      ...(i === 0 && document.current ? document.current : makeVersion({ number: versions.length - i })),
      downloadable: true,
      previewable: false,
      ...v,
    })),
    canManage,
  } as DocumentDetail;
}

/** A tus upload the test drives: what it was made with, and its callbacks to call. */
export interface FakeUpload extends TusUpload {
  file: File;
  options: UploadOptions;
  started: number;
  aborted: (boolean | undefined)[];
  resumedFrom: unknown[];
}

export function fakeUploads(previous: { metadata: Record<string, string> }[] = []) {
  const made: FakeUpload[] = [];
  const create: CreateUpload = (file, options) => {
    const upload: FakeUpload = {
      file,
      options,
      url: null,
      started: 0,
      aborted: [],
      resumedFrom: [],
      start() {
        upload.started += 1;
      },
      abort(terminate) {
        upload.aborted.push(terminate);
        return Promise.resolve();
      },
      findPreviousUploads: () => Promise.resolve(previous),
      resumeFromPreviousUpload(found) {
        upload.resumedFrom.push(found);
      },
    };
    made.push(upload);
    return upload;
  };
  return { create, made };
}

/** The final PATCH's answer, naming the new document and version. */
export function finalResponse(documentId: string | null, versionId: string | null) {
  const headers: Record<string, string | null> = {
    "lodestone-document-id": documentId,
    "lodestone-version-id": versionId,
  };
  return {
    getStatus: () => 204,
    getHeader: (name: string) => headers[name.toLowerCase()] ?? undefined,
    getBody: () => "",
    getUnderlyingObject: () => null,
  };
}
