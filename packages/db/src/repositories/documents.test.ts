// Parity: the documents' visibility condition selects exactly what the domain's `canSeeDocument`
// allows, for every classification, need-to-know list, uploading side and kind of reader.
import type { Actor } from "@lodestone/domain/access";
import { canSeeDocument, CLASSIFICATIONS, documentVisibility } from "@lodestone/domain/documents";
import { ROLES } from "@lodestone/domain/vocabulary";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../testing.js";
import { visibleDocumentWhere } from "./documents.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe(`visibleDocumentWhere agrees with canSeeDocument (${testDatabaseKind()})`, () => {
  it("for every reader and every kind of document", async () => {
    const p = db.prisma;
    const orgA = await p.organisation.create({ data: { name: "A", kind: "COMPANY", countryCode: "AU" } });
    const orgB = await p.organisation.create({ data: { name: "B", kind: "COMPANY", countryCode: "JP" } });
    const u1 = await p.user.create({ data: { name: "u1", email: "u1@test.example", role: "PARTNER" } });
    const u2 = await p.user.create({ data: { name: "u2", email: "u2@test.example", role: "DELEGATE" } });
    const project = await p.project.create({
      data: {
        reference: "LD-9001",
        titleEn: "P",
        titleJa: "P",
        summaryEn: "",
        summaryJa: "",
        bodyEn: "",
        bodyJa: "",
        bindingLanguage: "en",
        translationEn: "ORIGINAL",
        translationJa: "ORIGINAL",
        commodity: "NDPR",
        stage: "MINING",
        siteCountry: "AU",
        siteRegion: "",
        capacityTpy: 1,
        capexUsd: 1n,
        status: "APPROVED",
        submittedAt: new Date(),
        organisationId: orgA.id,
        createdById: u1.id,
      },
    });
    const folder = await p.dataRoomFolder.create({
      data: { projectId: project.id, position: 1, nameEn: "01", nameJa: "01" },
    });
    const docs = [];
    for (const classification of CLASSIFICATIONS) {
      for (const delegations of classification === "NAMED_DELEGATIONS"
        ? [["US"], ["JP"], ["JP", "US"]]
        : [[]]) {
        for (const organisationId of [null, orgA.id, orgB.id]) {
          for (const uploader of [u1.id, u2.id]) {
            const d = await p.document.create({
              data: {
                projectId: project.id,
                folderId: folder.id,
                titleEn: "d",
                classification,
                delegations,
                organisationId,
                createdById: uploader,
              },
            });
            docs.push({ id: d.id, classification, delegations, organisationId, uploadedById: uploader });
          }
        }
      }
    }
    const facts = { status: project.status, organisationId: orgA.id, submittedAt: project.submittedAt };
    let checked = 0;
    for (const role of ROLES) {
      for (const delegation of [null, "US", "JP"]) {
        for (const organisationId of [null, orgA.id, orgB.id]) {
          for (const id of [u1.id, u2.id]) {
            const actor: Actor = { id, role, delegation, organisationId };
            const rows = await p.document.findMany({
              where: { projectId: project.id, ...visibleDocumentWhere(documentVisibility(actor)) },
              select: { id: true },
            });
            const expected = docs.filter((d) => canSeeDocument(actor, facts, d)).map((d) => d.id);
            expect(rows.map((r) => r.id).sort()).toEqual(expected.sort());
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(ROLES.length * 18);
  });
});

describe(`a version is immutable (${testDatabaseKind()})`, () => {
  it("its chunks cannot be rewritten, nor its hash, size or file changed; its scan state moves", async () => {
    const p = db.prisma;
    const user = await p.user.create({ data: { name: "v", email: "v@test.example", role: "COORDINATOR" } });
    const [doc] = await p.document.findMany({ take: 1 });
    const upload = await p.documentUpload.create({
      data: { userId: user.id, projectId: doc!.projectId, length: 3n, offset: 3n, metadata: {} },
    });
    await p.documentChunk.create({
      data: { uploadId: upload.id, offset: 0n, data: new Uint8Array([1, 2, 3]) },
    });
    const version = await p.documentVersion.create({
      data: {
        documentId: doc!.id,
        number: 1,
        fileName: "a.txt",
        mimeType: "text/plain",
        size: 3n,
        sha256: "a".repeat(64),
        uploadedById: user.id,
        uploadId: upload.id,
        scanStatus: "PENDING",
      },
    });
    await expect(
      p.documentChunk.updateMany({ where: { uploadId: upload.id }, data: { data: new Uint8Array([9]) } }),
    ).rejects.toThrow(/immutable/);
    await expect(
      p.documentVersion.update({ where: { id: version.id }, data: { sha256: "b".repeat(64) } }),
    ).rejects.toThrow(/immutable/);
    await expect(
      p.documentVersion.update({ where: { id: version.id }, data: { fileName: "b.txt" } }),
    ).rejects.toThrow(/immutable/);
    await p.documentVersion.update({
      where: { id: version.id },
      data: { scanStatus: "CLEAN", scannedAt: new Date() },
    });
    const chunk = await p.documentChunk.findFirstOrThrow({ where: { uploadId: upload.id } });
    expect([...chunk.data]).toEqual([1, 2, 3]);
  });
});
