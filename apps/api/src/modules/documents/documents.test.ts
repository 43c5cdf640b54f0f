// The data room over real HTTP (tus uploads, streamed downloads) and tRPC, on PGlite and on
// PostgreSQL; scanning against a real clamd; the memory and two-instance checks on PostgreSQL.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { inflateSync } from "node:zlib";
import { openDatabase } from "@lodestone/db/client";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import { liveEventFor, type LoggedEvent } from "@lodestone/domain/events";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../../context.js";
import { buildHttpServer, createLogger } from "../../http.js";
import { EICAR, startClamd } from "../../test/clamd.js";
import {
  approvedOf,
  callerFor,
  createFixture,
  draftOf,
  inDeliveryOf,
  sessionFor,
  storedDocumentOf,
  type CallerName,
  type Fixture,
} from "../../test/fixtures.js";
import { createScanWorker } from "./scan-worker.js";
import { createClamdScanner } from "./scanner.js";

async function startApi(
  db: TestDatabase | Awaited<ReturnType<typeof openDatabase>>,
  overrides: Partial<Services> = {},
) {
  const app = await buildHttpServer({
    services: createServices(db, overrides),
    logger: createLogger("silent"),
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** A tus upload as a client makes it: create, then append in `parts` PATCHes. */
async function tusUpload(
  base: string,
  token: string,
  input: Record<string, unknown>,
  bytes: Uint8Array | (() => AsyncIterable<Uint8Array>),
  length: number = (bytes as Uint8Array).byteLength,
) {
  const created = await fetch(`${base}/files/uploads`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "tus-resumable": "1.0.0",
      "upload-length": String(length),
      "upload-metadata": `input ${b64(JSON.stringify(input))},filename ${b64(String(input.fileName))}`,
    },
  });
  if (created.status !== 201)
    return { status: created.status, text: await created.text(), headers: created.headers };
  const location = created.headers.get("location")!;
  const body =
    typeof bytes === "function"
      ? (ReadableStream.from(bytes()) as unknown as RequestInit["body"])
      : (bytes as unknown as RequestInit["body"]);
  const res = await fetch(new URL(location, base), {
    method: "PATCH",
    headers: {
      authorization: `Bearer ${token}`,
      "tus-resumable": "1.0.0",
      "upload-offset": "0",
      "content-type": "application/offset+octet-stream",
    },
    body,
    duplex: "half",
  } as RequestInit);
  return { status: res.status, text: await res.text(), headers: res.headers, location };
}

async function samplePdf(pages = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++)
    pdf.addPage([595, 842]).drawText(`Feasibility study page ${i + 1}`, { x: 50, y: 700 });
  return pdf.save();
}

/** The text a PDF's content streams draw (inflated), to find a stamp in. */
function pdfStreams(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  let out = "";
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf("endstream", start);
    const data = Buffer.from(raw.slice(start, end), "latin1");
    try {
      out += inflateSync(data).toString("latin1");
    } catch {
      out += data.toString("latin1");
    }
  }
  return out;
}

// A full collection on demand (vitest does not start node with --expose-gc).
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
/**
 * Heap and buffers still referenced after a full collection. Buffers' memory is released by a
 * background sweeper after the collection, so it is given a moment and collected again before
 * reading: a reading taken straight after one collection can still count buffers already unreachable.
 */
async function held(): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const hexOf = (s: string) => Buffer.from(s, "latin1").toString("hex").toUpperCase();

describe(`the data room (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;
  let api: Awaited<ReturnType<typeof startApi>>;
  let projectId: string;
  let folderId: string;
  const tokens = {} as Record<CallerName, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
    for (const name of Object.keys(fx.users) as CallerName[])
      tokens[name] = await sessionFor(db, fx.users[name].id);
    const approved = await approvedOf(db, fx);
    projectId = approved.id;
    const folders = await callerFor(db, fx.users.partnerA).documents.folders({ projectId });
    folderId = folders.folders.find((f) => f.nameEn.startsWith("01"))!.id;
    api = await startApi(db);
  });
  afterAll(async () => {
    await api?.app.close();
    await db?.close();
  });

  const newDoc = (extra: Record<string, unknown> = {}) => ({
    projectId,
    folderId,
    titleEn: "Bankable feasibility study",
    titleJa: "銀行融資可能な実現可能性調査",
    classification: "GOVERNMENTS",
    fileName: "feasibility.pdf",
    ...extra,
  });

  it("every project starts with the default folders; only coordinators add one, once per name", async () => {
    const view = await callerFor(db, fx.users.partnerA).documents.folders({ projectId });
    expect(view.folders.map((f) => f.nameEn)).toEqual([
      "01 Technical",
      "02 Environmental & social",
      "03 Supply & offtake",
      "04 Finance",
      "05 Legal & permits",
    ]);
    expect(view).toMatchObject({ canUpload: true, canOrganise: false, maxBytes: 50 * 1024 * 1024 });
    await expect(
      callerFor(db, fx.users.partnerA).documents.createFolder({ projectId, nameEn: "06 X", nameJa: "06 X" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const coordinator = callerFor(db, fx.users.coordinator).documents;
    await expect(
      coordinator.createFolder({ projectId, nameEn: "06 Offtake memoranda", nameJa: "06 引取覚書" }),
    ).resolves.toMatchObject({
      position: 6,
    });
    await expect(
      coordinator.createFolder({ projectId, nameEn: "06 offtake MEMORANDA", nameJa: "重複" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a Governments-only PDF: delegates read it stamped, another organisation never sees it, the access list shows who downloaded", async () => {
    const pdf = await samplePdf();
    const up = await tusUpload(api.url, tokens.partnerA, newDoc(), pdf);
    expect(up.status, up.text).toBe(204);
    const documentId = up.headers.get("lodestone-document-id")!;
    const versionId = up.headers.get("lodestone-version-id")!;

    const delegate = callerFor(db, fx.users.usDelegate).documents;
    const listed = await delegate.list({ projectId });
    const row = listed.items.find((d) => d.id === documentId)!;
    expect(row).toMatchObject({
      classification: "GOVERNMENTS",
      current: { number: 1, mimeType: "application/pdf", size: pdf.byteLength },
    });
    expect(row.current!.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect((await delegate.list({ projectId, q: "bankable" })).items.map((d) => d.id)).toContain(documentId);

    // Another organisation's partner: not in the list, not in search, not in the export, no page, no file.
    const other = callerFor(db, fx.users.partnerB).documents;
    expect((await other.list({ projectId })).items.map((d) => d.id)).not.toContain(documentId);
    expect((await other.list({ projectId, q: "bankable" })).items).toEqual([]);
    expect((await other.export({ projectId })).csv).not.toContain("Bankable");
    expect((await delegate.export({ projectId })).csv).toContain("Bankable feasibility study");
    await expect(other.get({ documentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const refused = await fetch(`${api.url}/files/versions/${versionId}`, {
      headers: { authorization: `Bearer ${tokens.partnerB}` },
    });
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe("There is no such document.");
    // Nor live: the event that announced it reaches the delegate and not partner B.
    const [added] = await db.prisma.domainEvent.findMany({
      where: { type: "document.added", subjectId: documentId },
    });
    const logged = {
      position: String(added!.position),
      type: added!.type,
      version: added!.version,
      actorId: added!.actorId,
      subject: { type: "Document", id: documentId },
      project: {
        id: projectId,
        status: added!.projectStatus!,
        organisationId: added!.projectOrganisationId!,
        submittedAt: added!.projectSubmittedAt!.toISOString(),
      },
      data: added!.data as Record<string, unknown>,
      createdAt: added!.createdAt.toISOString(),
    } as LoggedEvent;
    expect(liveEventFor(fx.users.usDelegate, logged)).not.toBeNull();
    expect(liveEventFor(fx.users.partnerB, logged)).toBeNull();

    const download = await fetch(`${api.url}/files/versions/${versionId}`, {
      headers: { authorization: `Bearer ${tokens.usDelegate}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="feasibility.pdf"');
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toContain("sandbox");
    const stamped = new Uint8Array(await download.arrayBuffer());
    const reread = await PDFDocument.load(stamped);
    expect(reread.getPageCount()).toBe(2);
    expect(pdfStreams(stamped)).toContain(
      hexOf("GOVERNMENTS ONLY - downloaded by usDelegate <usdelegate@test.example> at "),
    );

    const access = await callerFor(db, fx.users.partnerA).documents.accessList({ documentId });
    expect(access.items[0]).toMatchObject({
      action: "document.downloaded",
      userName: "usDelegate",
      delegation: "US",
      versionNumber: 1,
    });
    await expect(delegate.accessList({ documentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Opening the page is a view, recorded once per ten minutes.
    await delegate.get({ documentId });
    await delegate.get({ documentId });
    const views = (
      await callerFor(db, fx.users.coordinator).documents.accessList({ documentId })
    ).items.filter((e) => e.action === "document.viewed" && e.userName === "usDelegate");
    expect(views).toHaveLength(1);
  });

  it("a renamed executable is refused by its content, and nothing of it is kept", async () => {
    const exe = Buffer.alloc(512);
    exe.write("MZ", 0, "latin1");
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write("PE\0\0", 0x80, "latin1");
    const before = await db.prisma.documentUpload.count();
    const up = await tusUpload(
      api.url,
      tokens.partnerA,
      newDoc({ titleEn: "Totally a PDF", fileName: "study.pdf" }),
      exe,
    );
    expect(up.status).toBe(415);
    expect(up.text).toMatch(/does not accept/);
    expect(await db.prisma.documentUpload.count()).toBe(before);
    expect(await db.prisma.document.count({ where: { titleEn: "Totally a PDF" } })).toBe(0);
  });

  it("text becomes CSV by its name, and names are sanitised", async () => {
    const up = await tusUpload(
      api.url,
      tokens.partnerA,
      newDoc({ classification: "PROJECT", titleEn: "Tonnage", fileName: "../../etc/tonnage\u202E.csv" }),
      Buffer.from("year,tonnes\n2027,12000\n"),
    );
    expect(up.status, up.text).toBe(204);
    const doc = await callerFor(db, fx.users.partnerB).documents.get({
      documentId: up.headers.get("lodestone-document-id")!,
    });
    expect(doc.versions[0]).toMatchObject({
      fileName: "tonnage.csv",
      mimeType: "text/csv",
      previewable: false,
    });
  });

  it("refuses a file over the limit, and uploads from someone who may not add documents", async () => {
    const small = await startApi(db, { documents: { maxBytes: 4096, scanner: null } });
    try {
      const over = await tusUpload(small.url, tokens.partnerA, newDoc(), Buffer.alloc(5000));
      expect(over.status).toBe(413);
    } finally {
      await small.app.close();
    }
    const b = await tusUpload(api.url, tokens.partnerB, newDoc(), await samplePdf(1));
    expect(b.status).toBe(403);
    const admin = await tusUpload(api.url, tokens.admin, newDoc(), await samplePdf(1));
    expect(admin.status).toBe(403);
    const anonymous = await fetch(`${api.url}/files/uploads`, {
      method: "POST",
      headers: { "tus-resumable": "1.0.0", "upload-length": "10" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("resumes an upload after a dropped connection from where the database says it stands", async () => {
    const bytes = await samplePdf(40);
    const meta = `input ${b64(JSON.stringify(newDoc({ titleEn: "Resumed", classification: "PROJECT" })))}`;
    const headers = { authorization: `Bearer ${tokens.partnerA}`, "tus-resumable": "1.0.0" };
    const created = await fetch(`${api.url}/files/uploads`, {
      method: "POST",
      headers: { ...headers, "upload-length": String(bytes.byteLength), "upload-metadata": meta },
    });
    const location = new URL(created.headers.get("location")!, api.url);
    const half = Math.floor(bytes.byteLength / 2);
    const first = await fetch(location, {
      method: "PATCH",
      headers: { ...headers, "upload-offset": "0", "content-type": "application/offset+octet-stream" },
      body: bytes.subarray(0, half),
    });
    expect(first.status).toBe(204);
    const head = await fetch(location, { method: "HEAD", headers });
    expect(head.headers.get("upload-offset")).toBe(String(half));
    // Someone else cannot look at or continue it.
    expect(
      (
        await fetch(location, {
          method: "HEAD",
          headers: { ...headers, authorization: `Bearer ${tokens.usDelegate}` },
        })
      ).status,
    ).toBe(404);
    const rest = await fetch(location, {
      method: "PATCH",
      headers: {
        ...headers,
        "upload-offset": String(half),
        "content-type": "application/offset+octet-stream",
      },
      body: bytes.subarray(half),
    });
    expect(rest.status).toBe(204);
    const doc = await callerFor(db, fx.users.usDelegate).documents.get({
      documentId: rest.headers.get("lodestone-document-id")!,
    });
    expect(doc.versions[0]!.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const download = await fetch(`${api.url}/files/versions/${doc.versions[0]!.id}`, {
      headers: { authorization: `Bearer ${tokens.partnerB}` },
    });
    // PROJECT level: streamed as uploaded, not stamped.
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("classification: only the uploading organisation or a coordinator changes it, audited; named delegations see it", async () => {
    const up = await tusUpload(
      api.url,
      tokens.partnerA,
      newDoc({ titleEn: "Offtake term sheet", classification: "ORGANISATION" }),
      await samplePdf(1),
    );
    const documentId = up.headers.get("lodestone-document-id")!;
    const see = async (who: CallerName) =>
      (await callerFor(db, fx.users[who]).documents.list({ projectId, q: "offtake term" })).items.length ===
      1;
    expect([
      await see("usDelegate"),
      await see("jpDelegate"),
      await see("coordinator"),
      await see("partnerA"),
    ]).toEqual([false, false, true, true]);
    await expect(
      callerFor(db, fx.users.usDelegate).documents.classify({
        documentId,
        classification: "PROJECT",
        delegations: [],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerFor(db, fx.users.partnerA).documents.classify({
      documentId,
      classification: "NAMED_DELEGATIONS",
      delegations: ["JP"],
    });
    expect([await see("usDelegate"), await see("jpDelegate"), await see("partnerB")]).toEqual([
      false,
      true,
      false,
    ]);
    await expect(
      callerFor(db, fx.users.jpDelegate).documents.classify({
        documentId,
        classification: "PROJECT",
        delegations: [],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, fx.users.partnerA).documents.classify({
        documentId,
        classification: "NAMED_DELEGATIONS",
        delegations: ["XX"],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "document.classified", entityId: documentId },
    });
    expect(audit.before).toEqual({ classification: "ORGANISATION", delegations: [] });
    expect(audit.after).toEqual({ classification: "NAMED_DELEGATIONS", delegations: ["JP"] });
  });
});

describe(`documents bound into the revision (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
    api = await startApi(db);
  });
  afterAll(async () => {
    await api?.app.close();
    await db?.close();
  });

  it("a submission records each document's version hash; a later version shows as changed since that revision", async () => {
    const token = await sessionFor(db, fx.users.partnerA.id);
    const draft = await draftOf(db, fx.users.partnerA);
    const folderId = (await callerFor(db, fx.users.partnerA).documents.folders({ projectId: draft.id }))
      .folders[0]!.id;
    const first = await tusUpload(
      api.url,
      token,
      { projectId: draft.id, folderId, titleEn: "ESIA", classification: "GOVERNMENTS", fileName: "esia.txt" },
      Buffer.from("Environmental and social impact assessment, first edition\n"),
    );
    expect(first.status, first.text).toBe(204);
    const documentId = first.headers.get("lodestone-document-id")!;
    const submitted = await callerFor(db, fx.users.partnerA).project.submit({
      projectId: draft.id,
      version: draft.version,
    });
    const revision = await db.prisma.revision.findFirstOrThrow({ where: { projectId: draft.id, number: 1 } });
    const content = revision.content as {
      documents: { documentId: string; sha256: string; titleEn: string }[];
    };
    expect(content.documents).toEqual([
      {
        documentId,
        titleEn: "ESIA",
        classification: "GOVERNMENTS",
        version: 1,
        sha256: createHash("sha256")
          .update("Environmental and social impact assessment, first edition\n")
          .digest("hex"),
      },
    ]);
    expect(submitted.currentRevision).toMatchObject({ number: 1 });
    const delegate = callerFor(db, fx.users.usDelegate).documents;
    expect(await delegate.changes({ projectId: draft.id })).toEqual({ revision: 1, items: [] });

    const second = await tusUpload(
      api.url,
      token,
      { documentId, fileName: "esia-v2.txt", changeNote: "Added the water study" },
      Buffer.from("Environmental and social impact assessment, second edition\n"),
    );
    expect(second.status, second.text).toBe(204);
    expect((await delegate.changes({ projectId: draft.id })).items).toEqual([
      expect.objectContaining({ documentId, change: "changed", recordedVersion: 1, currentVersion: 2 }),
    ]);
    // A partner of another organisation does not see the project at all before approval.
    await expect(
      callerFor(db, fx.users.partnerB).documents.changes({ projectId: draft.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe(`milestone reports cite the data room (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;
  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("a report cites released versions of its own project's documents only", async () => {
    const projectId = await inDeliveryOf(db, fx);
    const other = (await approvedOf(db, fx)).id;
    const milestone = await callerFor(db, fx.users.coordinator).delivery.createMilestone({
      projectId,
      titleEn: "Feasibility study",
      titleJa: "実現可能性調査",
      dueDate: "2031-06-30",
      assigneeOrganisationId: fx.organisations.a,
    });
    const own = await storedDocumentOf(db, projectId, fx.users.partnerA, "PROJECT");
    const elsewhere = await storedDocumentOf(db, other, fx.users.partnerA, "PROJECT");
    const partner = callerFor(db, fx.users.partnerA).delivery;
    await expect(
      partner.report({
        milestoneId: milestone.id,
        version: milestone.version,
        status: "DONE",
        progress: 100,
        evidenceVersionIds: [elsewhere.versionId],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await partner.report({
      milestoneId: milestone.id,
      version: milestone.version,
      status: "DONE",
      progress: 100,
      evidenceVersionIds: [own.versionId],
    });
    const cited = await db.prisma.milestoneEvidence.findMany({ where: { versionId: own.versionId } });
    expect(cited).toHaveLength(1);
    expect(await db.prisma.milestoneEvidence.count({ where: { versionId: elsewhere.versionId } })).toBe(0);
  });
});

describe(`malware scanning against a real clamd (${testDatabaseKind()})`, () => {
  let db: TestDatabase;
  let fx: Fixture;
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  let api: Awaited<ReturnType<typeof startApi>>;
  let projectId: string;
  let folderId: string;
  let token: string;
  let delegateToken: string;
  let scanning: Services["documents"];

  beforeAll(async () => {
    clamd = await startClamd();
    db = await createTestDatabase();
    fx = await createFixture(db);
    projectId = (await approvedOf(db, fx)).id;
    folderId = (await callerFor(db, fx.users.partnerA).documents.folders({ projectId })).folders[0]!.id;
    token = await sessionFor(db, fx.users.partnerA.id);
    delegateToken = await sessionFor(db, fx.users.usDelegate.id);
    scanning = { maxBytes: 1 << 20, scanner: createClamdScanner(clamd.url) };
    api = await startApi(db, { documents: scanning });
  });
  afterAll(async () => {
    await api?.app.close();
    await db?.close();
    await clamd?.stop();
  });

  const upload = (title: string, body: Buffer) =>
    tusUpload(
      api.url,
      token,
      { projectId, folderId, titleEn: title, classification: "PROJECT", fileName: "x.txt" },
      body,
    );
  const fetchAs = (versionId: string) =>
    fetch(`${api.url}/files/versions/${versionId}`, {
      headers: { authorization: `Bearer ${delegateToken}` },
    });

  it("holds every version until clamd finds it clean; a threat is quarantined, never downloadable nor announced", async () => {
    const clean = await upload("Clean memo", Buffer.from("A clean memorandum.\n"));
    const infected = await upload("Infected memo", EICAR);
    expect([clean.status, infected.status]).toEqual([204, 204]);
    const cleanVersion = clean.headers.get("lodestone-version-id")!;
    const infectedVersion = infected.headers.get("lodestone-version-id")!;
    // Pending: not listed, not downloadable, not announced.
    expect((await callerFor(db, fx.users.usDelegate).documents.list({ projectId })).items).toEqual([]);
    expect((await fetchAs(cleanVersion)).status).toBe(409);
    expect(await db.prisma.domainEvent.count({ where: { type: "document.added" } })).toBe(0);

    const worker = createScanWorker({ db, scanner: createClamdScanner(clamd.url), intervalMs: 60_000 });
    expect(await worker.runOnce()).toBe(2);
    expect((await fetchAs(cleanVersion)).status).toBe(200);
    const refused = await fetchAs(infectedVersion);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/quarantined/);
    const listed = await callerFor(db, fx.users.usDelegate).documents.list({ projectId });
    expect(listed.items.map((d) => d.titleEn)).toEqual(["Clean memo"]);
    expect(await db.prisma.domainEvent.count({ where: { type: "document.added" } })).toBe(1);
    expect(await db.prisma.domainEvent.count({ where: { type: "document.quarantined" } })).toBe(1);
    const status = await callerFor(db, fx.users.admin, { documents: scanning }).documents.scanStatus();
    expect(status).toMatchObject({ configured: true, reachable: true });
    expect(status.problems).toEqual([
      expect.objectContaining({
        titleEn: "Infected memo",
        status: "QUARANTINED",
        signature: expect.stringContaining("Eicar-Test-Signature"),
      }),
    ]);
  });

  it("fails closed when clamd is down: the version stays pending with the error, visible to administrators", async () => {
    const up = await upload("During outage", Buffer.from("Written while the scanner was down.\n"));
    const versionId = up.headers.get("lodestone-version-id")!;
    const down = createClamdScanner("tcp://127.0.0.1:1", { timeoutMs: 500 });
    const worker = createScanWorker({ db, scanner: down, intervalMs: 60_000 });
    expect(await worker.runOnce()).toBe(0);
    expect((await fetchAs(versionId)).status).toBe(409);
    const status = await callerFor(db, fx.users.admin).documents.scanStatus();
    expect(status.problems).toContainEqual(
      expect.objectContaining({ versionId, status: "PENDING", attempts: 1, error: expect.any(String) }),
    );
    await expect(callerFor(db, fx.users.partnerA).documents.scanStatus()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe.runIf(testDatabaseKind() === "postgres")("50 MB through two API instances (postgres)", () => {
  let db: TestDatabase;
  let fx: Fixture;
  let a: Awaited<ReturnType<typeof startApi>>;
  let b: Awaited<ReturnType<typeof startApi>>;
  let second: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await createFixture(db);
    second = await openDatabase({ databaseUrl: db.url!, dataDir: "unused" });
    a = await startApi(db);
    b = await startApi(second);
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await second?.close();
    await db?.close();
  });

  it("uploads 50 MB through one instance and downloads it from the other with the heap flat", async () => {
    const projectId = (await approvedOf(db, fx)).id;
    const folderId = (await callerFor(db, fx.users.partnerA).documents.folders({ projectId })).folders[0]!.id;
    const token = await sessionFor(db, fx.users.partnerA.id);
    const size = 50 * 1024 * 1024;
    // A PDF header and then deterministic bytes, generated as they are sent: the test holds no copy either.
    const head = Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1");
    const block = Buffer.alloc(64 * 1024);
    for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
    // Memory is read at every tenth of each direction but the middle one. A copy of the file anywhere
    // (client, either instance, the driver) makes every reading in the second half at least 10 MB
    // more than every reading in the first, and the lowest of each at least 25 MB apart. What is held
    // otherwise does not grow with the file but comes and goes by several MB between readings
    // (chunks in flight between the database, the two instances and the client), so the lowest
    // reading of each half is compared.
    const marks = [1, 2, 3, 4, 6, 7, 8, 9].map((tenth) => (size * tenth) / 10);
    async function* body(atMark: () => Promise<void> = async () => {}) {
      yield head;
      let sent = head.byteLength;
      while (sent < size) {
        const n = Math.min(block.byteLength, size - sent);
        yield block.subarray(0, n);
        if (marks.some((m) => sent < m && sent + n >= m)) await atMark();
        sent += n;
      }
    }
    const expected = createHash("sha256");
    for await (const part of body()) expected.update(part);

    const upReadings: number[] = [];
    const up = await tusUpload(
      a.url,
      token,
      { projectId, folderId, titleEn: "Large model", classification: "PROJECT", fileName: "model.pdf" },
      () => body(async () => void upReadings.push(await held())),
      size,
    );
    expect(up.status, up.text).toBe(204);
    const versionId = up.headers.get("lodestone-version-id")!;
    const res = await fetch(`${b.url}/files/versions/${versionId}`, {
      headers: { authorization: `Bearer ${await sessionFor(db, fx.users.usDelegate.id)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(size));
    const got = createHash("sha256");
    const downReadings: number[] = [];
    let received = 0;
    for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
      got.update(part);
      const was = received;
      received += part.byteLength;
      if (marks.some((m) => was < m && received >= m)) downReadings.push(await held());
    }
    expect(received).toBe(size);
    expect(got.digest("hex")).toBe(expected.digest("hex"));
    expect([upReadings.length, downReadings.length]).toEqual([8, 8]);
    const lowest = (r: number[]) => Math.min(...r);
    const growth = [upReadings, downReadings].map((r) => lowest(r.slice(4)) - lowest(r.slice(0, 4)));
    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    console.info(
      `data room 50 MB: memory grew by ${mb(growth[0]!)} MB from the first half of the upload to the second, ${mb(growth[1]!)} MB over the download`,
    );
    // Half of the 25 MB a copy would add.
    for (const g of growth) expect(g).toBeLessThan(12.5 * 1024 * 1024);
  });
});
