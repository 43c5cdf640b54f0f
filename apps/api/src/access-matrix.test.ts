// Every procedure of appRouter × every kind of caller, against DESIGN.md §4. The list of
// procedures comes from the router itself: a procedure without a row here fails the test.
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext, createServices, type InnerContext } from "./context.js";
import { buildHttpServer, createLogger } from "./http.js";
import { unsubscribeTokens } from "./modules/notifications/unsubscribe-token.js";
import { appRouter, createCaller } from "./root.js";
import {
  CALLERS as PEOPLE_AND_DEACTIVATED,
  approvedOf,
  callerFor,
  inDeliveryOf,
  callerWithToken,
  roundOf,
  createFixture,
  draftOf,
  proposalFields,
  sessionFor,
  financierOf,
  storedDocumentOf,
  submittedGateOf,
  submittedOf,
  type Fixture,
} from "./test/fixtures.js";

// The fixture's people (the deactivated one included), nobody, and the web's adapter.
const CALLERS = ["signedOut", ...PEOPLE_AND_DEACTIVATED, "internal"] as const;
type Caller = (typeof CALLERS)[number];
type Expect = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

const PEOPLE: Caller[] = ["usDelegate", "jpDelegate", "partnerA", "partnerB", "coordinator", "admin"];

/** Who may call: everyone signed in and active; only admins; only the web's adapter; anyone. */
function signedIn(): Record<Caller, Expect> {
  return {
    signedOut: "UNAUTHORIZED",
    deactivated: "UNAUTHORIZED",
    internal: "UNAUTHORIZED",
    ...Object.fromEntries(PEOPLE.map((p) => [p, "allowed"])),
  } as Record<Caller, Expect>;
}
function adminOnly(): Record<Caller, Expect> {
  return {
    ...signedIn(),
    ...Object.fromEntries(PEOPLE.filter((p) => p !== "admin").map((p) => [p, "FORBIDDEN"])),
  };
}
function internalOnly(): Record<Caller, Expect> {
  return {
    ...(Object.fromEntries(CALLERS.map((c) => [c, "FORBIDDEN"])) as Record<Caller, Expect>),
    internal: "allowed",
  };
}
/** Partners only by role; within partners, only organisation A (the owner) gets through. */
function ownerPartner(otherPartner: Expect): Record<Caller, Expect> {
  return { ...adminOnly(), admin: "FORBIDDEN", partnerA: "allowed", partnerB: otherPartner };
}
/** Every signed-in person may see a submitted project, except a partner of another organisation. */
function seesSubmitted(): Record<Caller, Expect> {
  return { ...signedIn(), partnerB: "NOT_FOUND" };
}
/** A role-only procedure: `roles` get through, every other person is FORBIDDEN. */
function onlyRoles(...roles: Caller[]): Record<Caller, Expect> {
  return {
    ...signedIn(),
    ...Object.fromEntries(PEOPLE.map((p) => [p, roles.includes(p) ? "allowed" : "FORBIDDEN"])),
  } as Record<Caller, Expect>;
}
const coordinators = () => onlyRoles("coordinator");
const delegates = () => onlyRoles("usDelegate", "jpDelegate");
const moderators = () => onlyRoles("coordinator", "admin");
/** The author (usDelegate) only; partner B cannot even see the project. */
function onlyAuthor(): Record<Caller, Expect> {
  return {
    ...onlyRoles("usDelegate", "jpDelegate", "coordinator", "partnerA", "partnerB"),
    jpDelegate: "FORBIDDEN",
    coordinator: "FORBIDDEN",
    partnerA: "FORBIDDEN",
    partnerB: "NOT_FOUND",
  };
}
function anyone(): Record<Caller, Expect> {
  return Object.fromEntries(CALLERS.map((c) => [c, "allowed"])) as Record<Caller, Expect>;
}

let db: TestDatabase;
let fx: Fixture;
let deactivatedToken: string;

/** A throw-away user for procedures that change someone. */
async function someone(deactivatedAt: Date | null = null): Promise<string> {
  const u = await db.prisma.user.create({
    data: {
      name: "Target",
      email: `target-${Math.random().toString(36).slice(2)}@test.example`,
      role: "COORDINATOR",
      deactivatedAt,
    },
  });
  return u.id;
}

type Row = { expect: Record<Caller, Expect>; input: () => Promise<unknown> };
const none = async () => undefined;
const token = () => `tok-${Math.random().toString(36).slice(2)}-0123456789`;

const MATRIX: Record<string, Row> = {
  "auth.getUser": { expect: internalOnly(), input: async () => ({ userId: fx.users.usDelegate.id }) },
  "auth.getUserByEmail": {
    expect: internalOnly(),
    input: async () => ({ email: fx.users.usDelegate.email }),
  },
  "auth.getUserByAccount": {
    expect: internalOnly(),
    input: async () => ({ provider: "oidc", providerAccountId: "x" }),
  },
  "auth.markEmailVerified": {
    expect: internalOnly(),
    input: async () => ({ userId: fx.users.usDelegate.id, emailVerified: new Date() }),
  },
  "auth.admitSsoSignIn": {
    expect: internalOnly(),
    input: async () => ({
      provider: "oidc",
      providerAccountId: token(),
      email: fx.users.coordinator.email,
      emailVerified: true,
    }),
  },
  "auth.unlinkAccount": {
    expect: internalOnly(),
    input: async () => ({ provider: "oidc", providerAccountId: "x" }),
  },
  "auth.createSession": {
    expect: internalOnly(),
    input: async () => ({
      sessionToken: token(),
      userId: fx.users.jpDelegate.id,
      expires: new Date(Date.now() + 60_000),
    }),
  },
  "auth.getSessionAndUser": { expect: internalOnly(), input: async () => ({ sessionToken: token() }) },
  "auth.updateSession": {
    expect: internalOnly(),
    input: async () => ({ sessionToken: token(), expires: new Date() }),
  },
  "auth.deleteSession": { expect: internalOnly(), input: async () => ({ sessionToken: token() }) },
  "auth.createVerificationToken": {
    expect: internalOnly(),
    input: async () => ({
      identifier: "a@test.example",
      token: token(),
      expires: new Date(Date.now() + 60_000),
    }),
  },
  "auth.useVerificationToken": {
    expect: internalOnly(),
    input: async () => ({ identifier: "a@test.example", token: token() }),
  },
  "auth.sendSignInLink": {
    expect: internalOnly(),
    input: async () => ({
      email: "nobody@test.example",
      url: "http://localhost:3000/api/auth/callback/email?t=1",
    }),
  },
  "auth.me": { expect: signedIn(), input: none },
  "audit.list": { expect: moderators(), input: async () => ({ limit: 5 }) },
  "auth.signOutEverywhere": { expect: signedIn(), input: none },
  "dev.outbox": { expect: anyone(), input: async () => ({ limit: 5 }) },
  "project.list": { expect: signedIn(), input: async () => ({ limit: 5 }) },
  "project.get": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id }),
  },
  "project.revisions": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id }),
  },
  "project.revision": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id, number: 1 }),
  },
  "project.timeline": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id }),
  },
  "project.create": {
    expect: { ...ownerPartner("allowed") },
    input: async () => proposalFields(),
  },
  "project.update": {
    expect: ownerPartner("NOT_FOUND"),
    input: async () => {
      const d = await draftOf(db, fx.users.partnerA);
      return { ...proposalFields({ titleEn: "Edited" }), projectId: d.id, version: d.version };
    },
  },
  "project.submit": {
    expect: ownerPartner("NOT_FOUND"),
    input: async () => {
      const d = await draftOf(db, fx.users.partnerA);
      return { projectId: d.id, version: d.version };
    },
  },
  "project.withdraw": {
    expect: ownerPartner("NOT_FOUND"),
    input: async () => {
      const d = await draftOf(db, fx.users.partnerA);
      return { projectId: d.id, version: d.version };
    },
  },
  "comment.list": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id }),
  },
  "comment.stats": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id }),
  },
  "comment.history": {
    expect: seesSubmitted(),
    input: async () => ({ commentId: (await commentOf(fx.users.usDelegate)).id }),
  },
  "comment.post": {
    expect: { ...seesSubmitted(), admin: "FORBIDDEN" },
    input: async () => ({
      projectId: (await submittedOf(db, fx.users.partnerA)).id,
      stance: "SUPPORT",
      body: "Agreed.",
    }),
  },
  "comment.edit": {
    expect: onlyAuthor(),
    input: async () => ({ commentId: (await commentOf(fx.users.usDelegate)).id, body: "Edited." }),
  },
  "comment.delete": {
    expect: onlyAuthor(),
    input: async () => ({ commentId: (await commentOf(fx.users.usDelegate)).id }),
  },
  "comment.hide": {
    expect: moderators(),
    input: async () => ({ commentId: (await commentOf(fx.users.usDelegate)).id, reason: "Off topic" }),
  },
  "comment.unhide": {
    expect: moderators(),
    input: async () => {
      const c = await commentOf(fx.users.usDelegate);
      await callerFor(db, fx.users.coordinator).comment.hide({ commentId: c.id, reason: "Off topic" });
      return { commentId: c.id };
    },
  },
  "review.rounds": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await roundOf(db, fx)).project.id }),
  },
  "review.round": {
    expect: seesSubmitted(),
    input: async () => ({ roundId: (await roundOf(db, fx)).round.id }),
  },
  "review.open": {
    expect: coordinators(),
    input: async () => ({
      projectId: (await submittedOf(db, fx.users.partnerA)).id,
      closesAt: new Date(Date.now() + 3_600_000),
    }),
  },
  "review.updateRule": {
    expect: coordinators(),
    input: async () => ({
      roundId: (await roundOf(db, fx)).round.id,
      rule: {
        countedDelegations: ["US", "JP"],
        requiredDelegations: ["US"],
        quorum: 0.5,
        approval: "MORE_APPROVE_THAN_REJECT",
      },
    }),
  },
  "review.castVote": {
    expect: delegates(),
    input: async () => ({ roundId: (await roundOf(db, fx)).round.id, choice: "APPROVE", reason: null }),
  },
  "review.close": {
    expect: coordinators(),
    input: async () => ({
      roundId: (await roundOf(db, fx)).round.id,
      rationale: "Nobody voted; rejected.",
      ifNotApproved: "REJECTED",
    }),
  },
  "review.decision": { expect: seesSubmitted(), input: async () => ({ decisionId: await decided() }) },
  "review.verify": { expect: seesSubmitted(), input: async () => ({ decisionId: await decided() }) },
  // After close, everyone who may see the project reads the votes and their reasons.
  "review.votes": {
    expect: seesSubmitted(),
    input: async () => ({ roundId: (await decidedRound()).roundId }),
  },
  "review.signingKey": { expect: anyone(), input: none },
  "dashboard.pipeline": { expect: signedIn(), input: none },
  "dashboard.projectsCsv": { expect: signedIn(), input: none },
  "dashboard.milestonesCsv": { expect: signedIn(), input: none },
  "delivery.get": { expect: signedIn(), input: async () => ({ projectId: await inDeliveryOf(db, fx) }) },
  "delivery.mine": { expect: { ...signedIn(), admin: "FORBIDDEN" }, input: async () => ({}) },
  "delivery.history": { expect: signedIn(), input: async () => ({ milestoneId: (await milestoneOf()).id }) },
  "delivery.assignees": { expect: coordinators(), input: none },
  "delivery.start": {
    expect: coordinators(),
    input: async () => {
      const p = await approvedOf(db, fx);
      return { projectId: p.id, version: p.version };
    },
  },
  "delivery.complete": {
    expect: coordinators(),
    input: async () => {
      const m = await milestoneOf();
      await callerFor(db, fx.users.coordinator).delivery.report({
        milestoneId: m.id,
        version: m.version,
        status: "DONE",
        progress: 100,
        evidence: "Handed over",
      });
      const p = await callerFor(db, fx.users.partnerA).project.get({ projectId: m.projectId });
      return { projectId: p.id, version: p.version };
    },
  },
  "delivery.createMilestone": {
    expect: coordinators(),
    input: async () => ({
      projectId: await inDeliveryOf(db, fx),
      titleEn: "M",
      titleJa: "M",
      dueDate: "2031-01-31",
    }),
  },
  "delivery.replan": {
    expect: coordinators(),
    input: async () => {
      const m = await milestoneOf();
      return { milestoneId: m.id, version: m.version, dueDate: "2032-01-31", reason: "Supplier delay" };
    },
  },
  "delivery.setTimeZone": {
    expect: coordinators(),
    input: async () => {
      const p = await approvedOf(db, fx);
      return { projectId: p.id, version: p.version, timeZone: "Asia/Tokyo" };
    },
  },
  "delivery.report": {
    expect: {
      ...onlyRoles("coordinator", "partnerA", "partnerB", "usDelegate", "jpDelegate"),
      partnerB: "FORBIDDEN",
      usDelegate: "FORBIDDEN",
      jpDelegate: "FORBIDDEN",
    },
    input: async () => {
      const m = await milestoneOf();
      return { milestoneId: m.id, version: m.version, status: "IN_PROGRESS", progress: 20 };
    },
  },
  "user.list": { expect: adminOnly(), input: async () => ({}) },
  "user.get": { expect: adminOnly(), input: async () => ({ userId: fx.users.partnerA.id }) },
  "user.invite": {
    expect: adminOnly(),
    input: async () => ({ name: "New", email: `new-${token()}@test.example`, role: "COORDINATOR" }),
  },
  "user.changeRole": { expect: adminOnly(), input: async () => ({ userId: await someone(), role: "ADMIN" }) },
  "user.deactivate": { expect: adminOnly(), input: async () => ({ userId: await someone() }) },
  "user.reactivate": { expect: adminOnly(), input: async () => ({ userId: await someone(new Date()) }) },
  "user.updateProfile": { expect: signedIn(), input: async () => ({ timeZone: "Asia/Tokyo" }) },
  "delegation.list": { expect: signedIn(), input: none },
  "delegation.organisations": { expect: signedIn(), input: none },
  "delegation.create": {
    expect: adminOnly(),
    input: async () => ({
      code: `Z${token()
        .slice(4, 8)
        .toUpperCase()
        .replace(/[^A-Z]/g, "Q")}`,
      nameEn: "Z",
      nameJa: "Z",
      kind: "PARTNER",
    }),
  },
  // Subscribing is allowed to everyone signed in; what arrives is filtered per viewer (live.test.ts).
  "live.events": { expect: signedIn(), input: async () => ({}) },
  "notifications.list": { expect: signedIn(), input: async () => ({}) },
  "notifications.unread": { expect: signedIn(), input: none },
  // The count of one's own inbox, live (what arrives is one's own count: notifications.test.ts).
  "notifications.live": { expect: signedIn(), input: none },
  // Nobody may change a notification that is not theirs: it is not found.
  "notifications.update": {
    expect: { ...signedIn(), ...Object.fromEntries(PEOPLE.map((p) => [p, "NOT_FOUND"])) } as Record<
      Caller,
      Expect
    >,
    input: async () => ({ ids: [await someonesNotification()], read: true }),
  },
  "notifications.markAllRead": { expect: signedIn(), input: none },
  "notifications.followState": {
    expect: seesSubmitted(),
    input: async () => ({ type: "PROJECT", id: (await submittedOf(db, fx.users.partnerA)).id }),
  },
  "notifications.setFollow": {
    expect: seesSubmitted(),
    input: async () => ({
      subject: { type: "PROJECT", id: (await submittedOf(db, fx.users.partnerA)).id },
      state: "MUTED",
    }),
  },
  "notifications.preferences": { expect: signedIn(), input: none },
  "notifications.setPreferences": {
    expect: signedIn(),
    input: async () => ({ channels: { ACTIVITY: "WEEKLY" } }),
  },
  "notifications.mentionable": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: (await submittedOf(db, fx.users.partnerA)).id, query: "us" }),
  },
  // A signed unsubscribe link is its own proof: it works signed out (and for anyone holding it).
  "notifications.unsubscribePreview": {
    expect: anyone(),
    input: async () => ({
      token: unsubscribeTokens(secret()).create(await someone(), { kind: "reason", reason: "ACTIVITY" }),
    }),
  },
  "notifications.unsubscribe": {
    expect: anyone(),
    input: async () => ({
      token: unsubscribeTokens(secret()).create(await someone(), { kind: "reason", reason: "ACTIVITY" }),
    }),
  },
  "notifications.mailProblems": { expect: adminOnly(), input: async () => ({ limit: 10 }) },
  "notifications.retryMail": { expect: adminOnly(), input: async () => ({ id: await failedMail() }) },
  "documents.folders": { expect: seesSubmitted(), input: async () => ({ projectId: await submittedId() }) },
  "documents.createFolder": {
    expect: coordinators(),
    input: async () => ({ projectId: await submittedId(), nameEn: `06 ${token()}`, nameJa: "06 追加" }),
  },
  "documents.list": { expect: seesSubmitted(), input: async () => ({ projectId: await submittedId() }) },
  "documents.changes": { expect: seesSubmitted(), input: async () => ({ projectId: await submittedId() }) },
  "documents.export": { expect: seesSubmitted(), input: async () => ({ projectId: await submittedId() }) },
  "documents.evidenceChoices": {
    expect: seesSubmitted(),
    input: async () => ({ projectId: await submittedId() }),
  },
  // A Governments-only document of organisation A: administrators and other organisations do not see it.
  "documents.get": {
    expect: seesGovernmentsDoc(),
    input: async () => ({ documentId: await governmentsDoc() }),
  },
  "documents.classify": {
    expect: managesGovernmentsDoc(),
    input: async () => ({
      documentId: await governmentsDoc(),
      classification: "ORGANISATION",
      delegations: [],
    }),
  },
  "documents.edit": {
    expect: managesGovernmentsDoc(),
    input: async () => ({ documentId: await governmentsDoc(), titleEn: "Renamed" }),
  },
  "documents.accessList": {
    expect: managesGovernmentsDoc(),
    input: async () => ({ documentId: await governmentsDoc() }),
  },
  "documents.scanStatus": { expect: moderators(), input: none },
  "gates.overview": { expect: signedIn(), input: none },
  "gates.get": { expect: signedIn(), input: async () => ({ projectId: await approvedId() }) },
  "gates.people": { expect: coordinators(), input: async () => ({ projectId: await approvedId() }) },
  "gates.setUp": {
    expect: coordinators(),
    input: async () => {
      const projectId = (await approvedOf(db, fx)).id;
      await db.prisma.stageGate.deleteMany({ where: { projectId } });
      return { projectId };
    },
  },
  "gates.setSequence": {
    expect: coordinators(),
    input: async () => ({ projectId: (await approvedOf(db, fx)).id, kinds: ["SCOPING", "PERMITS"] }),
  },
  "gates.designate": {
    expect: coordinators(),
    input: async () => ({ projectId: await approvedId(), delegation: "US", userId: fx.users.usDelegate.id }),
  },
  // The project's organisation ticks the checklist; coordinators too; nobody else.
  "gates.update": {
    expect: gateWorkers(),
    input: async () => ({ ...(await firstGate()), checklist: [true] }),
  },
  "gates.cite": {
    expect: gateWorkers(),
    input: async () => ({ ...(await firstGate()), kind: "SCOPING_STUDY", versionId: null }),
  },
  "gates.act": {
    expect: coordinators(),
    input: async () => ({ ...(await firstGate(true)), action: "start" }),
  },
  // The coordinator and the delegates designated for the two sponsoring delegations.
  "gates.signOff": {
    expect: onlyRoles("coordinator", "usDelegate", "jpDelegate"),
    input: async () => {
      const gate = await sharedSubmittedGate();
      const current = (await callerFor(db, fx.users.coordinator).gates.get({ projectId: gate.projectId }))
        .gates[0]!;
      return { gateId: gate.gateId, version: current.version };
    },
  },
  "funding.financiers": { expect: signedIn(), input: none },
  "funding.project": { expect: signedIn(), input: async () => ({ projectId: await approvedId() }) },
  "funding.totals": { expect: signedIn(), input: async () => ({ by: "financier" }) },
  "funding.programmes": { expect: signedIn(), input: none },
  "funding.export": {
    expect: signedIn(),
    input: async () => ({ projectId: await approvedId(), format: "json" }),
  },
  // Coordinators, and a delegate of the financier's delegation (a US financier here).
  "funding.open": {
    expect: onlyRoles("coordinator", "usDelegate"),
    input: async () => ({
      projectId: await approvedId(),
      financierId: await usFinancier(),
      instrument: "LOAN",
      currency: "USD",
      amount: 1_000,
      usdRate: 1,
      rateDate: "2026-12-01",
      date: "2026-12-01",
    }),
  },
  "funding.record": {
    expect: onlyRoles("coordinator", "usDelegate"),
    input: async () => {
      const { id } = await callerFor(db, fx.users.coordinator).funding.open({
        projectId: await approvedId(),
        financierId: await usFinancier(),
        instrument: "LOAN",
        currency: "USD",
        amount: 1_000,
        usdRate: 1,
        rateDate: "2026-12-01",
        date: "2026-12-01",
      });
      return {
        facilityId: id,
        kind: "APPROVAL",
        amount: 1_000,
        usdRate: 1,
        rateDate: "2026-12-02",
        date: "2026-12-02",
      };
    },
  },
  "permitting.get": { expect: signedIn(), input: async () => ({ projectId: await approvedId() }) },
  "permitting.overview": { expect: signedIn(), input: async () => ({ jurisdiction: "US_FEDERAL" }) },
  "permitting.export": { expect: signedIn(), input: async () => ({}) },
  // Coordinators and the project's own organisation (partner A) edit; delegates read.
  "permitting.add": {
    expect: gateWorkers(),
    input: async () => ({ ...authorizationFields(), projectId: await approvedId() }),
  },
  "permitting.move": {
    expect: gateWorkers(),
    input: async () => {
      const m = (await freshAuthorization()).milestones[1]!;
      return {
        milestoneId: m.id,
        from: m.currentDate,
        to: "2031-01-01",
        reason: "CONSULTATION",
        justification: "Consultation extended.",
      };
    },
  },
  "permitting.complete": {
    expect: gateWorkers(),
    input: async () => ({
      milestoneId: (await freshAuthorization()).milestones[0]!.id,
      actualDate: "2026-01-10",
    }),
  },
  "permitting.setOutcome": {
    expect: gateWorkers(),
    input: async () => ({
      authorizationId: (await freshAuthorization()).id,
      outcome: "WITHDRAWN",
      reason: "Not needed.",
    }),
  },
  "permitting.pause": {
    expect: gateWorkers(),
    input: async () => ({
      projectId: (await freshAuthorization(true)).projectId,
      reason: "FUNDING",
      summary: "Awaiting finance.",
      startedOn: "2026-01-10",
    }),
  },
  "permitting.summarise": {
    expect: gateWorkers(),
    input: async () => ({ projectId: await pausedProject(), summary: "Still waiting." }),
  },
  "permitting.resume": {
    expect: gateWorkers(),
    input: async () => ({ projectId: await pausedProject(), resumedOn: "2026-01-10" }),
  },
  "permitting.decide": {
    expect: coordinators(),
    input: async () => {
      const m = (await freshAuthorization()).milestones.at(-1)!;
      const { changeId } = await callerFor(db, fx.users.partnerA).permitting.move({
        milestoneId: m.id,
        from: m.currentDate,
        to: "2035-01-01",
        reason: "LITIGATION",
        justification: "Appeal pending.",
      });
      return { changeId, approve: false, determination: "Not justified." };
    },
  },
  "delegation.update": {
    expect: adminOnly(),
    input: async () => ({
      delegationId: fx.delegations.JP,
      code: "JP",
      nameEn: "Japan",
      nameJa: "日本",
      kind: "FOUNDING",
    }),
  },
};

const submittedId = async () => (await submittedOf(db, fx.users.partnerA)).id;

/** One approved project of organisation A for the gate and funding rows (made once). */
let approved: Promise<string> | undefined;
const approvedId = () => (approved ??= approvedOf(db, fx).then((p) => p.id));
let financier: Promise<string> | undefined;
const usFinancier = () => (financier ??= financierOf(db, "US", fx));
/** The first gate of the shared approved project (or of a fresh one), at its current version. */
async function firstGate(fresh = false) {
  const projectId = fresh ? (await approvedOf(db, fx)).id : await approvedId();
  const gate = (await callerFor(db, fx.users.coordinator).gates.get({ projectId })).gates[0]!;
  return { gateId: gate.id, version: gate.version };
}
let submittedGate: ReturnType<typeof submittedGateOf> | undefined;
const sharedSubmittedGate = () => (submittedGate ??= submittedGateOf(db, fx));
/** Coordinators and the project's own organisation (partner A). */
function gateWorkers(): Record<Caller, Expect> {
  return { ...coordinators(), partnerA: "allowed" };
}

const authorizationFields = () => ({
  jurisdiction: "US_FEDERAL" as const,
  authority: "Bureau of Land Management",
  instrument: "NEPA_EIS" as const,
  titleEn: "Mine plan EIS",
  titleJa: "採掘計画の環境影響評価書",
  startDate: "2026-01-05",
});
/** A new authorization (on the shared approved project, or on a fresh one), as the coordinator reads it. */
async function freshAuthorization(freshProject = false) {
  const projectId = freshProject ? (await approvedOf(db, fx)).id : await approvedId();
  const coordinator = callerFor(db, fx.users.coordinator);
  const { id } = await coordinator.permitting.add({ ...authorizationFields(), projectId });
  const view = await coordinator.permitting.get({ projectId });
  return { ...view.authorizations.find((a) => a.id === id)!, projectId };
}
/** A fresh approved project of organisation A whose permitting is paused. */
async function pausedProject(): Promise<string> {
  const { projectId } = await freshAuthorization(true);
  await callerFor(db, fx.users.coordinator).permitting.pause({
    projectId,
    reason: "LITIGATION",
    summary: "Injunction.",
    startedOn: "2026-01-08",
  });
  return projectId;
}

/** A Governments-only document of organisation A on a submitted project. */
async function governmentsDoc(): Promise<string> {
  return (await storedDocumentOf(db, await submittedId(), fx.users.partnerA, "GOVERNMENTS")).documentId;
}
function seesGovernmentsDoc(): Record<Caller, Expect> {
  return { ...signedIn(), partnerB: "NOT_FOUND", admin: "NOT_FOUND" };
}
/** The uploading organisation and coordinators; delegates see it but may not change it. */
function managesGovernmentsDoc(): Record<Caller, Expect> {
  return { ...seesGovernmentsDoc(), usDelegate: "FORBIDDEN", jpDelegate: "FORBIDDEN" };
}

/** The secret the callers' contexts sign unsubscribe links with. */
const secret = () => createInnerContext({ db }).internalSecret;

/** A notification of a throw-away user (nobody else's to change). */
async function someonesNotification(): Promise<string> {
  const project = await submittedOf(db, fx.users.partnerA);
  const n = await db.prisma.notification.create({
    data: {
      userId: await someone(),
      key: token(),
      reason: "ACTIVITY",
      projectId: project.id,
      subjectType: "PROJECT",
      subjectId: project.id,
      data: {},
      emailChannel: "NEVER",
    },
  });
  return n.id;
}

/** A mail that failed for good. */
async function failedMail(): Promise<string> {
  const m = await db.prisma.notificationMail.create({
    data: {
      userId: await someone(),
      kind: "DAILY",
      key: token(),
      status: "FAILED",
      attempts: 8,
      lastError: "550 no such user",
    },
  });
  return m.id;
}

/** A comment by `author` on a submitted project of organisation A. */
async function commentOf(author: Fixture["users"][keyof Fixture["users"]]) {
  const projectId = (await submittedOf(db, fx.users.partnerA)).id;
  return callerFor(db, author).comment.post({ projectId, stance: "NEUTRAL", body: "A remark." });
}

/** A milestone of organisation A's project in delivery, assigned to organisation A. */
async function milestoneOf() {
  const projectId = await inDeliveryOf(db, fx);
  return callerFor(db, fx.users.coordinator).delivery.createMilestone({
    projectId,
    titleEn: "Pilot line",
    titleJa: "パイロットライン",
    dueDate: "2031-06-30",
    assigneeOrganisationId: fx.organisations.a,
  });
}

/** A recorded decision (rejected: nobody voted) and its round. */
async function decidedRound(): Promise<{ roundId: string; decisionId: string }> {
  const { round } = await roundOf(db, fx);
  const closed = await callerFor(db, fx.users.coordinator).review.close({
    roundId: round.id,
    rationale: "Nobody voted; rejected.",
    ifNotApproved: "REJECTED",
  });
  return { roundId: round.id, decisionId: closed.decisionId };
}

const decided = async () => (await decidedRound()).decisionId;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  deactivatedToken = await sessionFor(db, fx.users.deactivated.id);
});
afterAll(() => db.close());

async function callerOf(who: Caller) {
  if (who === "signedOut") return createCaller(createInnerContext({ db }));
  if (who === "internal")
    return createCaller(
      createInnerContext({ db, internal: true } as Partial<InnerContext> & { db: TestDatabase }),
    );
  if (who === "deactivated") return callerWithToken(db, deactivatedToken);
  // Real sessions, resolved as HTTP requests are (signing out everywhere only ends a throw-away one).
  return callerWithToken(db, await sessionFor(db, fx.users[who].id));
}

function procedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures).sort();
}

describe("authorization matrix", () => {
  it("has a row for every procedure of the router, and no row for a procedure that is gone", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(procedurePaths());
  });

  const cells = procedurePaths().flatMap((path) => CALLERS.map((who) => [path, who] as const));
  it.each(cells)("%s as %s", async (path, who) => {
    const row = MATRIX[path];
    if (!row) throw new Error(`No matrix row for ${path}`);
    const api = (await callerOf(who)) as unknown as Record<
      string,
      Record<string, (i: unknown) => Promise<unknown>>
    >;
    const [area, name] = path.split(".") as [string, string];
    const outcome = await api[area]![name]!(await row.input()).then(
      () => "allowed",
      (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
    );
    const expected = row.expect[who];
    // Each input is valid for an allowed caller, so an allowed call succeeds outright.
    expect(outcome).toBe(expected);
  });
});

// The data room's HTTP routes (bytes do not travel over tRPC), under the same rules.
describe("authorization matrix: file routes", () => {
  type Status = number;
  const people = [
    "signedOut",
    "deactivated",
    "usDelegate",
    "jpDelegate",
    "partnerA",
    "partnerB",
    "coordinator",
    "admin",
  ] as const;
  const tokenOf = async (who: (typeof people)[number]) =>
    who === "signedOut" ? null : who === "deactivated" ? deactivatedToken : sessionFor(db, fx.users[who].id);
  const headers = (t: string | null, extra: Record<string, string> = {}) => ({
    ...(t ? { authorization: `Bearer ${t}` } : {}),
    ...extra,
  });

  it.each(people)("GET /files/versions/:id of a Governments-only document as %s", async (who) => {
    const expected: Record<(typeof people)[number], Status> = {
      signedOut: 401,
      deactivated: 401,
      usDelegate: 200,
      jpDelegate: 200,
      partnerA: 200,
      partnerB: 404,
      coordinator: 200,
      admin: 404,
    };
    const { versionId } = await storedDocumentOf(db, await submittedId(), fx.users.partnerA, "GOVERNMENTS");
    const app = await buildHttpServer({ services: createServices(db), logger: createLogger("silent") });
    try {
      const t = await tokenOf(who);
      const res = await app.inject({
        method: "GET",
        url: `/files/versions/${versionId}`,
        headers: headers(t),
      });
      expect(res.statusCode).toBe(expected[who]);
      // A preview is a read too, and a plain-text file has none.
      const preview = await app.inject({
        method: "GET",
        url: `/files/versions/${versionId}/preview`,
        headers: headers(t),
      });
      expect(preview.statusCode).toBe(expected[who] === 200 ? 415 : expected[who]);
    } finally {
      await app.close();
    }
  });

  it.each(people)("POST /files/uploads (tus creation) into a submitted project as %s", async (who) => {
    const expected: Record<(typeof people)[number], Status> = {
      signedOut: 401,
      deactivated: 401,
      usDelegate: 201,
      jpDelegate: 201,
      partnerA: 201,
      partnerB: 404,
      coordinator: 201,
      admin: 403,
    };
    const projectId = await submittedId();
    const folderId = (await callerFor(db, fx.users.coordinator).documents.folders({ projectId })).folders[0]!
      .id;
    const input = { projectId, folderId, titleEn: "Memo", classification: "PROJECT", fileName: "memo.txt" };
    const app = await buildHttpServer({ services: createServices(db), logger: createLogger("silent") });
    try {
      const res = await app.inject({
        method: "POST",
        url: "/files/uploads",
        headers: headers(await tokenOf(who), {
          "tus-resumable": "1.0.0",
          "upload-length": "10",
          "upload-metadata": `input ${Buffer.from(JSON.stringify(input)).toString("base64")}`,
        }),
      });
      expect(res.statusCode).toBe(expected[who]);
    } finally {
      await app.close();
    }
  });
});
