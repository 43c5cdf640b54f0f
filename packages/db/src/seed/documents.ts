// The demo data room: a few documents on the projects whose discussions point at them, at each
// classification level. Stored as an upload stores them (one chunk per file).
import { createHash } from "node:crypto";
import { DEFAULT_FOLDERS, documentSearchText, type Classification } from "@lodestone/domain/documents";
import type { Prisma } from "../generated/prisma/client.js";

type Tx = Prisma.TransactionClient;

/** A one-page PDF with a title and lines of text (Latin-1), written out by hand: the demo needs no PDF library. */
export function simplePdf(title: string, lines: readonly string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [
    "BT /F1 18 Tf 56 770 Td",
    `(${esc(title)}) Tj`,
    "/F1 11 Tf 0 -30 Td 15 TL",
    ...lines.map((l) => `(${esc(l)}) '`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** How the demo's rows are named and dated. */
export interface SeedIds {
  seedId: (key: string) => string;
  user: (key: string) => string;
  organisationOf: (userKey: string) => string | null;
  at: (days: number) => Date;
}

export interface DemoDocument {
  project: string;
  folder: number;
  by: string;
  classification: Classification;
  delegations?: string[];
  titleEn: string;
  titleJa: string;
  descriptionEn: string;
  descriptionJa: string;
  fileName: string;
  content: () => Buffer;
  mimeType: string;
  daysAgo: number;
}

const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    project: "LD-0017",
    folder: 3,
    by: "shiranamiPartner",
    classification: "PROJECT",
    titleEn: "Memorandum of understanding with Larkspur (Appendix C)",
    titleJa: "Larkspur との覚書（付属書C）",
    descriptionEn: "Feedstock supply of separated NdPr oxide for the magnet line's first five years.",
    descriptionJa: "磁石ライン最初の5年間の分離NdPr酸化物の原料供給。",
    fileName: "appendix-c-mou-larkspur.pdf",
    mimeType: "application/pdf",
    content: () =>
      simplePdf("Memorandum of understanding - Appendix C", [
        "Parties: Shiranami Magnetics and Larkspur Rare Earths (fictional).",
        "Scope: NdPr oxide, 1,200 t/y from 2028, for five years.",
        "Pricing: index-linked, with a floor; terms in the finance folder.",
      ]),
    daysAgo: 20,
  },
  {
    project: "LD-0017",
    folder: 4,
    by: "coordinator",
    classification: "GOVERNMENTS",
    titleEn: "Cost comparison: sintered and hot-deformed magnets",
    titleJa: "焼結磁石と熱間加工磁石のコスト比較",
    descriptionEn: "Prepared by the secretariat for the delegations.",
    descriptionJa: "事務局が代表団向けに作成。",
    fileName: "cost-comparison.pdf",
    mimeType: "application/pdf",
    content: () =>
      simplePdf("Cost comparison (secretariat)", [
        "Sintered, low-Dy grain-boundary diffusion: 100 (index).",
        "Hot-deformed, Dy-free: 108 (index), falling to 97 at full scale.",
      ]),
    daysAgo: 12,
  },
  {
    project: "LD-0017",
    folder: 4,
    by: "shiranamiPartner",
    classification: "ORGANISATION",
    titleEn: "Confidential pricing schedule",
    titleJa: "機密価格表",
    descriptionEn: "Moved here from the discussion: confidential pricing information.",
    descriptionJa: "議論から移動：機密の価格情報。",
    fileName: "pricing-schedule.csv",
    mimeType: "text/csv",
    content: () => Buffer.from("year,price_usd_per_kg\n2028,118\n2029,112\n2030,109\n"),
    daysAgo: 9,
  },
  {
    project: "LD-0004",
    folder: 1,
    by: "larkspurPartner",
    classification: "PROJECT",
    titleEn: "Pilot report TR-2024-118",
    titleJa: "パイロット報告書 TR-2024-118",
    descriptionEn: "Full pilot report of the separation circuit.",
    descriptionJa: "分離回路のパイロット試験報告書（全文）。",
    fileName: "tr-2024-118-pilot-report.pdf",
    mimeType: "application/pdf",
    content: () =>
      simplePdf("Pilot report TR-2024-118", [
        "Recovery: 94.2 per cent NdPr over 600 hours.",
        "Purity: 99.5 per cent oxide, within the offtaker's specification.",
      ]),
    daysAgo: 60,
  },
  {
    project: "LD-0004",
    folder: 3,
    by: "larkspurPartner",
    classification: "NAMED_DELEGATIONS",
    delegations: ["JP"],
    titleEn: "Offtake term sheet (draft)",
    titleJa: "引取契約タームシート（草案）",
    descriptionEn: "Draft terms with the Japanese offtaker, shared with the JP delegation only.",
    descriptionJa: "日本の引取者との草案条件。日本代表団のみに共有。",
    fileName: "offtake-term-sheet-draft.pdf",
    mimeType: "application/pdf",
    content: () =>
      simplePdf("Offtake term sheet - draft", ["Volume: 800 t/y NdPr oxide.", "Term: 10 years."]),
    daysAgo: 30,
  },
  {
    project: "LD-0003",
    folder: 2,
    by: "quandongPartner",
    classification: "PROJECT",
    titleEn: "Water balance, dry-year case",
    titleJa: "水収支（渇水年ケース）",
    descriptionEn: "The expanded plant's water balance in a dry year.",
    descriptionJa: "拡張後のプラントの渇水年における水収支。",
    fileName: "water-balance-dry-year.csv",
    mimeType: "text/csv",
    content: () => Buffer.from("stream,megalitres\nfresh intake,1500\nrecycled,3500\nevaporation,-420\n"),
    daysAgo: 45,
  },
];

/** Default folders for every demo project, and the demo documents (idempotent: fixed ids). */
export async function seedDataRoom(
  tx: Tx,
  projects: readonly { id: string; reference: string }[],
  ids: SeedIds,
): Promise<void> {
  await tx.dataRoomFolder.createMany({
    data: projects.flatMap((p) =>
      DEFAULT_FOLDERS.map((f, i) => ({
        id: ids.seedId(`folder:${p.reference}:${i + 1}`),
        projectId: p.id,
        position: i + 1,
        nameEn: f.nameEn,
        nameJa: f.nameJa,
      })),
    ),
    skipDuplicates: true,
  });
  const ours = new Map(projects.map((p) => [p.reference, p.id]));
  for (const d of DEMO_DOCUMENTS) {
    const projectId = ours.get(d.project);
    if (projectId) await seedDocument(tx, projectId, d, ids);
  }
}

/** One demo document with its single released version (idempotent: fixed ids); its version's id. */
export async function seedDocument(
  tx: Tx,
  projectId: string,
  d: DemoDocument,
  ids: SeedIds,
): Promise<string> {
  const key = `${d.project}:${d.fileName}`;
  const documentId = ids.seedId(`document:${key}`);
  const versionId = ids.seedId(`version:${key}`);
  if (await tx.document.findUnique({ where: { id: documentId }, select: { id: true } })) return versionId;
  const bytes = d.content();
  const uploadId = ids.seedId(`upload:${key}`);
  const at = ids.at(-d.daysAgo);
  const userId = ids.user(d.by);
  await tx.documentUpload.create({
    data: {
      id: uploadId,
      userId,
      projectId,
      length: BigInt(bytes.byteLength),
      offset: BigInt(bytes.byteLength),
      metadata: {},
      createdAt: at,
      completedAt: at,
    },
  });
  await tx.documentChunk.create({ data: { uploadId, offset: 0n, data: bytes as Uint8Array<ArrayBuffer> } });
  await tx.document.create({
    data: {
      id: documentId,
      projectId,
      folderId: ids.seedId(`folder:${d.project}:${d.folder}`),
      titleEn: d.titleEn,
      titleJa: d.titleJa,
      descriptionEn: d.descriptionEn,
      descriptionJa: d.descriptionJa,
      classification: d.classification,
      delegations: d.delegations ?? [],
      organisationId: ids.organisationOf(d.by),
      createdById: userId,
      searchText: documentSearchText({ ...d, fileName: d.fileName }),
      createdAt: at,
      updatedAt: at,
    },
  });
  await tx.documentVersion.create({
    data: {
      id: versionId,
      documentId,
      number: 1,
      fileName: d.fileName,
      mimeType: d.mimeType,
      size: BigInt(bytes.byteLength),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedById: userId,
      uploadId,
      scanStatus: "UNSCANNED",
      createdAt: at,
    },
  });
  await tx.document.update({
    where: { id: documentId },
    data: { currentVersionId: versionId, updatedAt: at },
  });
  return versionId;
}
