// People for router tests: one of each kind of caller DESIGN.md §4 distinguishes.
import type { SessionUser } from "@lodestone/auth/session";
import { createHash } from "node:crypto";
import { inTransaction, type Database } from "@lodestone/db/client";
import {
  appendChunk,
  completeUpload,
  createDocument,
  createUpload,
  createVersion,
  listFolders,
} from "@lodestone/db/repositories/documents";
import type { Classification } from "@lodestone/domain/documents";
import type { Role } from "@lodestone/domain/enums";
import { createInnerContext, hashToken, resolveSession, type InnerContext } from "../context.js";
import { release } from "../modules/documents/files.js";
import { createCaller } from "../root.js";

export const CALLERS = [
  "usDelegate",
  "jpDelegate",
  "partnerA",
  "partnerB",
  "coordinator",
  "admin",
  "deactivated",
] as const;
export type CallerName = (typeof CALLERS)[number];

export interface Fixture {
  users: Record<CallerName, SessionUser>;
  organisations: { a: string; b: string };
  delegations: { US: string; JP: string };
}

export async function createFixture(db: Database): Promise<Fixture> {
  const p = db.prisma;
  const us = await p.delegation.create({
    data: { code: "US", nameEn: "United States", nameJa: "アメリカ合衆国", kind: "FOUNDING" },
  });
  const jp = await p.delegation.create({
    data: { code: "JP", nameEn: "Japan", nameJa: "日本", kind: "FOUNDING" },
  });
  const a = await p.organisation.create({
    data: { name: "Alpha Minerals (fictional)", kind: "COMPANY", countryCode: "AU" },
  });
  const b = await p.organisation.create({
    data: { name: "Beta Separation (fictional)", kind: "COMPANY", countryCode: "JP" },
  });
  const make = async (
    key: CallerName,
    role: Role,
    extra: {
      delegationId?: string;
      organisationId?: string;
      deactivatedAt?: Date;
      locale?: "en" | "ja";
    } = {},
  ): Promise<SessionUser> => {
    const u = await p.user.create({
      data: {
        name: key,
        email: `${key.toLowerCase()}@test.example`,
        role,
        locale: extra.locale ?? "en",
        timeZone: extra.locale === "ja" ? "Asia/Tokyo" : "America/New_York",
        delegationId: extra.delegationId ?? null,
        organisationId: extra.organisationId ?? null,
        deactivatedAt: extra.deactivatedAt ?? null,
      },
    });
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      role,
      delegation: extra.delegationId === us.id ? "US" : extra.delegationId === jp.id ? "JP" : null,
      organisationId: u.organisationId,
      locale: u.locale,
      timeZone: u.timeZone,
    };
  };
  const users: Record<CallerName, SessionUser> = {
    usDelegate: await make("usDelegate", "DELEGATE", { delegationId: us.id }),
    jpDelegate: await make("jpDelegate", "DELEGATE", { delegationId: jp.id, locale: "ja" }),
    partnerA: await make("partnerA", "PARTNER", { organisationId: a.id }),
    partnerB: await make("partnerB", "PARTNER", { organisationId: b.id }),
    coordinator: await make("coordinator", "COORDINATOR"),
    admin: await make("admin", "ADMIN"),
    deactivated: await make("deactivated", "DELEGATE", { delegationId: us.id, deactivatedAt: new Date() }),
  };
  return { users, organisations: { a: a.id, b: b.id }, delegations: { US: us.id, JP: jp.id } };
}

/** A caller acting as `user` (null: signed out), through the real procedure ladder. */
export function callerFor(db: Database, user: SessionUser | null, extra: Partial<InnerContext> = {}) {
  return createCaller(createInnerContext({ db, session: user, ...extra }));
}

/** Creates a real database session for `userId` and returns its token. */
export async function sessionFor(db: Database, userId: string, expires = new Date(Date.now() + 86_400_000)) {
  const token = `test-session-${userId}-${Math.random().toString(36).slice(2)}`;
  await db.prisma.session.create({ data: { sessionToken: hashToken(token), userId, expires } });
  return token;
}

/** A caller presenting a session token, resolved exactly as an HTTP request is. */
export async function callerWithToken(db: Database, token: string, now = new Date()) {
  const session = await resolveSession(db, token, now);
  return createCaller(createInnerContext({ db, session, sessionToken: token }));
}

/** A complete proposal, ready to submit. */
export function proposalFields(overrides: Record<string, unknown> = {}) {
  return {
    titleEn: "Dysprosium separation pilot",
    titleJa: "ジスプロシウム分離パイロット",
    summaryEn: "A pilot line separating heavy rare earths.",
    summaryJa: "重希土類を分離するパイロットライン。",
    bodyEn: "## Plan\n\nBuild and run the pilot line.",
    bodyJa: "## 計画\n\nパイロットラインを建設し、運転する。",
    bindingLanguage: "en" as const,
    translationEn: "ORIGINAL" as const,
    translationJa: "HUMAN_CHECKED" as const,
    commodity: "DY" as const,
    stage: "SEPARATION" as const,
    site: { country: "AU", region: "Western Australia", latitude: -31.95, longitude: 115.86 },
    capacityTpy: 1200,
    capexUsd: 340_000_000,
    sponsors: ["US", "JP"],
    ...overrides,
  };
}

/** A draft of `partner`'s organisation, created through the real procedure. */
export async function draftOf(db: Database, partner: SessionUser, overrides: Record<string, unknown> = {}) {
  return callerFor(db, partner).project.create(proposalFields(overrides));
}

/** A submitted proposal of `partner`'s organisation. */
export async function submittedOf(db: Database, partner: SessionUser) {
  const draft = await draftOf(db, partner);
  return callerFor(db, partner).project.submit({ projectId: draft.id, version: draft.version });
}

/** A submitted proposal of partner A under review, with a round closing in an hour. */
export async function roundOf(db: Database, fx: Fixture, closesAt = new Date(Date.now() + 3_600_000)) {
  const project = await submittedOf(db, fx.users.partnerA);
  const round = await callerFor(db, fx.users.coordinator).review.open({ projectId: project.id, closesAt });
  return { project, round };
}

/** More delegates of a delegation, as session users. */
export async function delegatesOf(db: Database, delegationId: string, code: string, count: number) {
  const created: SessionUser[] = [];
  for (let i = 0; i < count; i++) {
    const u = await db.prisma.user.create({
      data: {
        name: `${code} delegate ${i}`,
        email: `${code.toLowerCase()}-${i}-${Math.random().toString(36).slice(2)}@test.example`,
        role: "DELEGATE",
        delegationId,
      },
    });
    created.push({
      id: u.id,
      name: u.name,
      email: u.email,
      role: "DELEGATE",
      delegation: code,
      organisationId: null,
      locale: "en",
      timeZone: "UTC",
    });
  }
  return created;
}

/** An approved project of partner A (both founding delegates approved). */
export async function approvedOf(db: Database, fx: Fixture) {
  const { project, round } = await roundOf(db, fx);
  for (const who of [fx.users.usDelegate, fx.users.jpDelegate]) {
    await callerFor(db, who).review.castVote({ roundId: round.id, choice: "APPROVE", reason: null });
  }
  await callerFor(db, fx.users.coordinator).review.close({
    roundId: round.id,
    rationale: "Approved by both founding delegations.",
    ifNotApproved: "CHANGES_REQUESTED",
  });
  return callerFor(db, fx.users.partnerA).project.get({ projectId: project.id });
}

/** A project of partner A in delivery. */
export async function inDeliveryOf(db: Database, fx: Fixture) {
  const approved = await approvedOf(db, fx);
  await callerFor(db, fx.users.coordinator).delivery.start({
    projectId: approved.id,
    version: approved.version,
  });
  return approved.id;
}

/**
 * A released document in a project's first folder, stored as an upload would store it (one chunk),
 * without going through HTTP.
 */
export async function storedDocumentOf(
  db: Database,
  projectId: string,
  uploader: SessionUser,
  classification: Classification,
  bytes: Buffer = Buffer.from("A plain-text memorandum.\n"),
): Promise<{ documentId: string; versionId: string }> {
  const folder = (await listFolders(db.prisma, projectId, { kind: "all" }))[0]!;
  const uploadId = crypto.randomUUID();
  await createUpload(db.prisma, {
    id: uploadId,
    userId: uploader.id,
    projectId,
    length: bytes.byteLength,
    metadata: {},
  });
  await appendChunk(db, uploadId, 0, bytes);
  return inTransaction(db, async (tx) => {
    const documentId = await createDocument(tx, {
      projectId,
      folderId: folder.id,
      titleEn: `Memorandum ${classification}`,
      titleJa: "覚書",
      descriptionEn: "",
      descriptionJa: "",
      classification,
      delegations: classification === "NAMED_DELEGATIONS" ? ["JP"] : [],
      organisationId: uploader.organisationId,
      createdById: uploader.id,
      searchText: `memorandum ${classification.toLowerCase()}`,
    });
    const versionId = await createVersion(tx, {
      documentId,
      number: 1,
      fileName: "memorandum.txt",
      mimeType: "text/plain",
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      changeNote: "",
      uploadedById: uploader.id,
      uploadId,
      scanStatus: "UNSCANNED",
    });
    await completeUpload(tx, uploadId, new Date());
    await release(tx, versionId, uploader.id, null);
    return { documentId, versionId };
  });
}

/** An organisation that finances projects, of `delegation` (null: none). */
export async function financierOf(db: Database, delegation: "US" | "JP" | null, fx: Fixture) {
  const o = await db.prisma.organisation.create({
    data: {
      name: `Financier ${crypto.randomUUID().slice(0, 8)} (fictional)`,
      kind: "GOVERNMENT_BODY",
      countryCode: delegation ?? "AU",
      financierKind: "DEVELOPMENT_FINANCE",
      financierDelegationId: delegation ? fx.delegations[delegation] : null,
    },
  });
  return o.id;
}

/**
 * An approved project whose first gate is submitted for sign-off: US and JP delegates designated,
 * its evidence cited (released Project-level documents), its checklist done.
 */
export async function submittedGateOf(db: Database, fx: Fixture) {
  const project = await approvedOf(db, fx);
  const coordinator = callerFor(db, fx.users.coordinator);
  await coordinator.gates.designate({
    projectId: project.id,
    delegation: "US",
    userId: fx.users.usDelegate.id,
  });
  await coordinator.gates.designate({
    projectId: project.id,
    delegation: "JP",
    userId: fx.users.jpDelegate.id,
  });
  let gate = (await coordinator.gates.get({ projectId: project.id })).gates[0]!;
  await coordinator.gates.act({ gateId: gate.id, version: gate.version, action: "start" });
  for (const e of gate.evidence) {
    const { versionId } = await storedDocumentOf(db, project.id, fx.users.partnerA, "PROJECT");
    gate = (await coordinator.gates.get({ projectId: project.id })).gates[0]!;
    await coordinator.gates.cite({ gateId: gate.id, version: gate.version, kind: e.kind, versionId });
  }
  gate = (await coordinator.gates.get({ projectId: project.id })).gates[0]!;
  await coordinator.gates.update({
    gateId: gate.id,
    version: gate.version,
    checklist: gate.checklist.map(() => true),
  });
  gate = (await coordinator.gates.get({ projectId: project.id })).gates[0]!;
  await coordinator.gates.act({ gateId: gate.id, version: gate.version, action: "submit" });
  gate = (await coordinator.gates.get({ projectId: project.id })).gates[0]!;
  return { projectId: project.id, gateId: gate.id, version: gate.version };
}
