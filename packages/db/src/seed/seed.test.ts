import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction } from "@lodestone/domain/audit";
import type { DelegationResult, Tally, VoteCounts } from "@lodestone/domain/decision";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balancesOf } from "@lodestone/domain/funding";
import { Prisma, ProjectStatus, Role, type PrismaClient } from "../generated/prisma/client.js";
import { createTestDatabase, testSigner, type TestDatabase } from "../testing.js";
import { canonicalJson } from "../decision-seal.js";
import { revisionContentHash } from "../content-hash.js";
import { DELEGATIONS, SEED_ACCOUNTS, SEED_DELEGATES } from "./data.js";
import { projectSearchText } from "@lodestone/domain/project-content";
import { seed, seedId, type SeedSummary } from "./seed.js";

// Every table of the schema, as the client names them.
const MODELS = [
  "delegation",
  "organisation",
  "user",
  "account",
  "session",
  "verificationToken",
  "outboxMail",
  "project",
  "projectSponsor",
  "revision",
  "reviewRound",
  "roundElector",
  "vote",
  "voteHistory",
  "decision",
  "comment",
  "commentEdit",
  "milestone",
  "milestoneReport",
  "milestoneReplan",
  "timelineEvent",
  "auditEvent",
  "domainEvent",
  "rateLimitHit",
  "follow",
  "emailPreference",
  "notification",
  "notificationMail",
  "notificationCursor",
  "jobLease",
  "milestoneEvidence",
  "dataRoomFolder",
  "document",
  "documentVersion",
  "documentUpload",
  "documentChunk",
  "stageGate",
  "gateEvidence",
  "gateSignOff",
  "gateSignatory",
  "fundingProgramme",
  "fundingFacility",
  "fundingEntry",
  "permitAuthorization",
  "permitMilestone",
  "permitDateChange",
  "permitPause",
  "permitPauseSummary",
] as const;
type Model = (typeof MODELS)[number];

interface AnyDelegate {
  count(): Promise<number>;
  findMany(args: { orderBy: object }): Promise<unknown[]>;
}
const table = (prisma: PrismaClient, model: Model) => prisma[model] as unknown as AnyDelegate;

const ORDER: Partial<Record<Model, object>> = {
  projectSponsor: [{ projectId: "asc" }, { delegationId: "asc" }],
  gateEvidence: [{ gateId: "asc" }, { kind: "asc" }],
  gateSignatory: [{ projectId: "asc" }, { delegationId: "asc" }],
  verificationToken: { token: "asc" },
  rateLimitHit: [{ key: "asc" }, { windowStart: "asc" }],
  roundElector: [{ roundId: "asc" }, { voterId: "asc" }],
  domainEvent: { position: "asc" },
  follow: [{ userId: "asc" }, { subjectType: "asc" }, { subjectId: "asc" }],
  emailPreference: [{ userId: "asc" }, { reason: "asc" }],
  jobLease: { name: "asc" },
  milestoneEvidence: [{ reportId: "asc" }, { versionId: "asc" }],
  documentChunk: [{ uploadId: "asc" }, { offset: "asc" }],
};

async function countAll(prisma: PrismaClient): Promise<Record<Model, number>> {
  const counts = {} as Record<Model, number>;
  for (const m of MODELS) counts[m] = await table(prisma, m).count();
  return counts;
}

/** Every row of every table, in a stable order. */
async function snapshot(prisma: PrismaClient): Promise<Record<Model, unknown[]>> {
  const rows = {} as Record<Model, unknown[]>;
  for (const m of MODELS) rows[m] = await table(prisma, m).findMany({ orderBy: ORDER[m] ?? { id: "asc" } });
  return rows;
}

// The demo's closed rounds, written out by hand from the votes in data.ts and DESIGN.md §6's
// default rule (required: US and JP; quorum: half of a delegation's delegates voted; a delegation
// approves with more approvals than rejections). Every demo delegate is in every electorate:
// US 2, JP 2, AU 1, IN 1. Per delegation: approve, reject, abstain, and what that comes to.
const RULE = {
  countedDelegations: ["US", "JP", "AU", "IN"],
  requiredDelegations: ["US", "JP"],
  quorum: 0.5,
  approval: "MORE_APPROVE_THAN_REJECT",
};
const ELIGIBLE = { US: 2, JP: 2, AU: 1, IN: 1 } as const;
type Code = keyof typeof ELIGIBLE;
type Verdict = "approves" | "quorum, does not approve" | "no quorum";
type Cast = readonly [approve: number, reject: number, abstain: number, verdict: Verdict];
interface ClosedRound {
  votes: Record<Code, Cast>;
  approved: boolean;
  outcome: "APPROVED" | "REJECTED" | "CHANGES_REQUESTED";
}
const NONE: Cast = [0, 0, 0, "no quorum"];
const ALL_APPROVE: ClosedRound = {
  votes: {
    US: [2, 0, 0, "approves"],
    JP: [1, 0, 1, "approves"],
    AU: [1, 0, 0, "approves"],
    IN: [1, 0, 0, "approves"],
  },
  approved: true,
  outcome: "APPROVED",
};
const CLOSED_ROUNDS: Record<string, ClosedRound> = {
  "LD-0001#1": ALL_APPROVE,
  "LD-0002#1": ALL_APPROVE,
  "LD-0003#1": {
    votes: {
      US: [2, 0, 0, "approves"],
      JP: [2, 0, 0, "approves"],
      AU: [1, 0, 0, "approves"],
      IN: [0, 0, 1, "quorum, does not approve"],
    },
    approved: true,
    outcome: "APPROVED",
  },
  "LD-0004#1": {
    votes: {
      US: [2, 0, 0, "approves"],
      JP: [2, 0, 0, "approves"],
      AU: [1, 0, 0, "approves"],
      IN: [0, 1, 0, "quorum, does not approve"],
    },
    approved: true,
    outcome: "APPROVED",
  },
  "LD-0005#1": ALL_APPROVE,
  "LD-0006#1": {
    votes: {
      US: [0, 2, 0, "quorum, does not approve"],
      JP: [1, 1, 0, "quorum, does not approve"],
      AU: [1, 0, 0, "approves"],
      IN: [0, 0, 1, "quorum, does not approve"],
    },
    approved: false,
    outcome: "REJECTED",
  },
  "LD-0007#1": {
    votes: {
      US: [1, 1, 0, "quorum, does not approve"],
      JP: [0, 1, 1, "quorum, does not approve"],
      AU: NONE,
      IN: NONE,
    },
    approved: false,
    outcome: "CHANGES_REQUESTED",
  },
  "LD-0008#1": ALL_APPROVE,
  "LD-0009#1": {
    votes: {
      US: [0, 1, 1, "quorum, does not approve"],
      JP: [0, 2, 0, "quorum, does not approve"],
      AU: [0, 1, 0, "quorum, does not approve"],
      IN: NONE,
    },
    approved: false,
    outcome: "REJECTED",
  },
  "LD-0010#1": {
    votes: {
      US: [1, 1, 0, "quorum, does not approve"],
      JP: [0, 0, 1, "quorum, does not approve"],
      AU: [1, 0, 0, "approves"],
      IN: [0, 1, 0, "quorum, does not approve"],
    },
    approved: false,
    outcome: "CHANGES_REQUESTED",
  },
  "LD-0010#2": {
    votes: {
      US: [2, 0, 0, "approves"],
      JP: [0, 2, 0, "quorum, does not approve"],
      AU: [1, 0, 0, "approves"],
      IN: [1, 0, 0, "approves"],
    },
    approved: false,
    outcome: "CHANGES_REQUESTED",
  },
  "LD-0011#1": {
    votes: {
      US: [1, 0, 0, "approves"],
      JP: [2, 0, 0, "approves"],
      AU: [0, 0, 1, "quorum, does not approve"],
      IN: NONE,
    },
    approved: true,
    outcome: "APPROVED",
  },
  "LD-0012#1": ALL_APPROVE,
  "LD-0013#1": {
    votes: {
      US: [1, 1, 0, "quorum, does not approve"],
      JP: [0, 1, 1, "quorum, does not approve"],
      AU: [1, 0, 0, "approves"],
      IN: NONE,
    },
    approved: false,
    outcome: "CHANGES_REQUESTED",
  },
  "LD-0015#1": {
    votes: {
      US: [0, 0, 1, "quorum, does not approve"],
      JP: [1, 1, 0, "quorum, does not approve"],
      AU: [0, 0, 1, "quorum, does not approve"],
      IN: [1, 0, 0, "approves"],
    },
    approved: false,
    outcome: "CHANGES_REQUESTED",
  },
  "LD-0016#1": {
    votes: {
      US: [2, 0, 0, "approves"],
      JP: [1, 0, 1, "approves"],
      AU: NONE,
      IN: [1, 0, 0, "approves"],
    },
    approved: true,
    outcome: "APPROVED",
  },
};

/** The stored vote counts, tallies and outcome a closed round of the table above must have. */
function expectedRound(round: ClosedRound) {
  const counts: Record<string, VoteCounts> = {};
  const delegations: Record<string, DelegationResult> = {};
  for (const [code, [approve, reject, abstain, verdict]] of Object.entries(round.votes) as [Code, Cast][]) {
    if (approve + reject + abstain > 0) counts[code] = { approve, reject, abstain };
    delegations[code] = {
      approve,
      reject,
      abstain,
      eligible: ELIGIBLE[code],
      didNotVote: ELIGIBLE[code] - approve - reject - abstain,
      required: code === "US" || code === "JP",
      quorumMet: verdict !== "no quorum",
      approved: verdict === "approves",
    };
  }
  const tallies: Tally = { delegations, approved: round.approved };
  return { counts, tallies, outcome: round.outcome };
}

const DAY = 86_400_000;
const now = new Date();
let db: TestDatabase;
let prisma: PrismaClient;
let first: SeedSummary;
let second: SeedSummary;
let countsAfterFirst: Record<Model, number>;
let countsAfterSecond: Record<Model, number>;
let rowsAfterFirst: Record<Model, unknown[]>;
let rowsAfterSecond: Record<Model, unknown[]>;
let firstRunMs: number;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  const started = Date.now();
  first = await seed(prisma, testSigner(), now);
  firstRunMs = Date.now() - started;
  countsAfterFirst = await countAll(prisma);
  rowsAfterFirst = await snapshot(prisma);
  // A later run, three days on: nothing may move.
  second = await seed(prisma, testSigner(), new Date(now.getTime() + 3 * DAY));
  countsAfterSecond = await countAll(prisma);
  rowsAfterSecond = await snapshot(prisma);
});

afterAll(async () => {
  await db?.close();
});

describe("canonicalJson / revisionContentHash", () => {
  it("sorts keys recursively and leaves out whitespace (RFC 8785)", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
    expect(canonicalJson("レアアース")).toBe('"レアアース"');
    // RFC 8785 §3.2.2.3 numbers, and keys sorted by UTF-16 code units.
    expect(canonicalJson({ "\u20ac": 1, "\r": 2, "1": 1e21, a: 0.000001 })).toBe(
      '{"\\r":2,"1":1e+21,"a":0.000001,"€":1}',
    );
  });

  it("hashes the same content to the same SHA-256, whatever the key order", () => {
    expect(revisionContentHash({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(revisionContentHash({ x: 1, y: [1, 2] })).toBe(revisionContentHash({ y: [1, 2], x: 1 }));
    expect(revisionContentHash({ x: 1 })).not.toBe(revisionContentHash({ x: 2 }));
  });

  it("refuses BigInt (amounts are stored as strings) and lone surrogates", () => {
    expect(() => canonicalJson({ capex: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ title: "\ud800" })).toThrow(/surrogate/);
  });
});

describe("seed", () => {
  it("covers the whole schema in its table list", () => {
    const names = Object.values(Prisma.ModelName).map((n) => n.charAt(0).toLowerCase() + n.slice(1));
    expect([...names].sort()).toEqual([...MODELS].sort());
  });

  it("is idempotent: a second run, later, changes no count and no row", () => {
    console.info(`seed: first run ${firstRunMs} ms on ${db.kind}`, first);
    expect(second).toEqual(first);
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    expect(rowsAfterSecond).toEqual(rowsAfterFirst);
    expect(first.projects).toBeGreaterThanOrEqual(20);
    expect(first.projects).toBe(countsAfterFirst.project);
  });

  it("uses fixed, UUID-shaped ids", async () => {
    const project = await prisma.project.findUniqueOrThrow({ where: { reference: "LD-0001" } });
    expect(project.id).toBe(seedId("project:LD-0001"));
    expect(project.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has every project status and unique LD-nnnn references", async () => {
    const projects = await prisma.project.findMany({ select: { status: true, reference: true } });
    expect(new Set(projects.map((p) => p.status))).toEqual(new Set(Object.values(ProjectStatus)));
    for (const p of projects) expect(p.reference).toMatch(/^LD-\d{4}$/);
    expect(new Set(projects.map((p) => p.reference)).size).toBe(projects.length);
  });

  it("has every role, delegates in every delegation and the documented accounts", async () => {
    const users = await prisma.user.findMany({ include: { delegation: true, organisation: true } });
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(Object.values(Role)));
    const delegates = (code: string) =>
      users.filter((u) => u.role === "DELEGATE" && u.delegation?.code === code);
    for (const { code } of DELEGATIONS) expect(delegates(code).length, code).toBeGreaterThanOrEqual(1);
    expect(delegates("US").length).toBeGreaterThanOrEqual(2);
    expect(delegates("JP").length).toBeGreaterThanOrEqual(2);
    expect(users.filter((u) => u.role === "COORDINATOR")).toHaveLength(2);
    const partners = users.filter((u) => u.role === "PARTNER");
    expect(partners.length).toBeGreaterThanOrEqual(3);
    expect(new Set(partners.map((u) => u.organisationId)).size).toBeGreaterThanOrEqual(2);
    for (const u of partners) expect(u.organisation, u.email).not.toBeNull();
    for (const u of delegates("JP")) {
      expect(u.locale).toBe("ja");
      expect(u.timeZone).toBe("Asia/Tokyo");
    }
    for (const [role, email] of Object.entries(SEED_ACCOUNTS)) {
      expect(users.find((u) => u.email === email)?.role, email).toBe(role);
    }
    for (const [code, email] of Object.entries(SEED_DELEGATES)) {
      expect(users.find((u) => u.email === email)?.delegation?.code, email).toBe(code);
    }
    for (const u of users) expect(u.email).toMatch(/\.example$/);
  });

  it("snapshots every submitted project in numbered, hashed revisions", async () => {
    const projects = await prisma.project.findMany({
      include: { revisions: { orderBy: { number: "asc" } }, sponsors: true },
    });
    for (const p of projects) {
      expect(p.sponsors.length, p.reference).toBeGreaterThan(0);
      expect(p.searchText).toBe(projectSearchText(p.reference, p));
      if (p.status === "DRAFT") {
        expect(p.revisions, p.reference).toHaveLength(0);
        expect(p.currentRevisionId).toBeNull();
        continue;
      }
      expect(
        p.revisions.map((r) => r.number),
        p.reference,
      ).toEqual(p.revisions.map((_, i) => i + 1));
      expect(p.currentRevisionId).toBe(p.revisions.at(-1)?.id);
      expect(p.submittedAt).not.toBeNull();
      for (const r of p.revisions) expect(r.contentHash).toBe(revisionContentHash(r.content));
      const current = p.revisions.at(-1)!.content as Record<string, unknown>;
      expect(current.titleEn).toBe(p.titleEn);
      expect(current.bodyJa).toBe(p.bodyJa);
      expect(current.capexUsd).toBe(p.capexUsd.toString());
    }
    expect(projects.some((p) => p.revisions.length >= 2)).toBe(true);
  });

  it("has an open round with votes, kept consistent with its counter and history", async () => {
    const open = await prisma.reviewRound.findMany({
      where: { status: "OPEN" },
      include: { project: true, votes: { include: { voter: true } }, voteHistory: true, decision: true },
    });
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.some((r) => r.votes.length > 0)).toBe(true);
    for (const r of open) {
      expect(r.project.status).toBe("IN_REVIEW");
      expect(r.closesAt.getTime()).toBeGreaterThan(now.getTime());
      expect(r.opensAt.getTime()).toBeLessThan(now.getTime());
      expect(r.decision).toBeNull();
    }
    const rounds = await prisma.reviewRound.findMany({
      include: { votes: { include: { voter: true } }, voteHistory: { orderBy: { createdAt: "asc" } } },
    });
    for (const r of rounds) {
      for (const v of r.votes) {
        expect(v.voter.role).toBe("DELEGATE");
        expect(v.delegationId).toBe(v.voter.delegationId);
        if (v.choice === "REJECT") expect(v.reason).toBeTruthy();
        const history = r.voteHistory.filter((h) => h.voterId === v.voterId);
        expect(history.at(-1)?.choice).toBe(v.choice);
        expect(v.createdAt.getTime()).toBeGreaterThanOrEqual(r.opensAt.getTime());
        expect(v.updatedAt.getTime()).toBeLessThanOrEqual((r.closedAt ?? now).getTime());
      }
    }
    expect(rounds.some((r) => r.voteHistory.length > r.votes.length)).toBe(true);
  });

  it("records a decision for every closed round, bound to the revision's hash", async () => {
    const closed = await prisma.reviewRound.findMany({
      where: { status: "CLOSED" },
      include: { decision: { include: { recordedBy: true } }, revision: true },
    });
    expect(closed.length).toBeGreaterThanOrEqual(1);
    for (const r of closed) {
      const d = r.decision;
      expect(d, r.id).not.toBeNull();
      expect(d!.revisionHash).toBe(r.revision.contentHash);
      expect(d!.revisionId).toBe(r.revisionId);
      expect(d!.recordedBy.role).toBe("COORDINATOR");
      expect(d!.rationale.length).toBeGreaterThan(20);
      expect(r.closedAt).not.toBeNull();
    }
    const outcomes = new Set(closed.map((r) => r.decision?.outcome));
    expect(outcomes).toEqual(new Set(["APPROVED", "REJECTED", "CHANGES_REQUESTED"]));
  });

  it("records the tallies and outcomes that the demo's votes give, figure by figure", async () => {
    const rounds = await prisma.reviewRound.findMany({
      where: { status: "CLOSED" },
      orderBy: { opensAt: "asc" },
      select: {
        project: { select: { reference: true } },
        rule: true,
        decision: { select: { tallies: true, outcome: true } },
        votes: { select: { choice: true, delegation: { select: { code: true } } } },
      },
    });
    const seen = new Map<string, number>();
    const found: Record<string, unknown> = {};
    for (const r of rounds) {
      const n = (seen.get(r.project.reference) ?? 0) + 1;
      seen.set(r.project.reference, n);
      const key = `${r.project.reference}#${n}`;
      expect(r.rule, key).toEqual(RULE);
      // The stored votes, counted here.
      const counts: Record<string, VoteCounts> = {};
      for (const v of r.votes) {
        const c = (counts[v.delegation.code] ??= { approve: 0, reject: 0, abstain: 0 });
        c[v.choice === "APPROVE" ? "approve" : v.choice === "REJECT" ? "reject" : "abstain"]++;
      }
      found[key] = { counts, tallies: r.decision?.tallies, outcome: r.decision?.outcome };
    }
    const expected = Object.fromEntries(
      Object.entries(CLOSED_ROUNDS).map(([key, round]) => [key, expectedRound(round)]),
    );
    expect(found).toEqual(expected);
  });

  it("tracks delivery with milestones: done with evidence, in progress, blocked, overdue, re-planned", async () => {
    const milestones = await prisma.milestone.findMany({
      include: { project: true, reports: true, children: true },
    });
    expect(milestones.length).toBeGreaterThan(0);
    for (const m of milestones) {
      expect(["IN_DELIVERY", "COMPLETED"]).toContain(m.project.status);
      expect(m.assigneeUserId === null).not.toBe(m.assigneeOrganisationId === null);
      expect(m.dueDate.getUTCHours() + m.dueDate.getUTCMinutes()).toBe(0);
      if (m.status === "DONE" && m.children.length === 0) {
        expect(m.reports.some((r) => r.status === "DONE" && r.evidence)).toBe(true);
        expect(m.completedAt).not.toBeNull();
      }
      if (m.project.status === "COMPLETED") expect(["DONE", "CANCELLED"]).toContain(m.status);
    }
    const statuses = new Set(milestones.map((m) => m.status));
    for (const s of ["DONE", "IN_PROGRESS", "BLOCKED", "PLANNED", "CANCELLED"]) expect(statuses).toContain(s);
    expect(milestones.some((m) => m.parentId !== null && m.weight !== null)).toBe(true);
    const overdue = milestones.filter(
      (m) => m.dueDate.getTime() < now.getTime() && m.status !== "DONE" && m.status !== "CANCELLED",
    );
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    const replans = await prisma.milestoneReplan.findMany({ include: { milestone: true } });
    expect(replans.length).toBeGreaterThanOrEqual(1);
    for (const r of replans) expect(r.newDueDate).toEqual(r.milestone.dueDate);
  });

  it("has threaded comments in both languages, one hidden by a coordinator and one deleted", async () => {
    const comments = await prisma.comment.findMany({
      include: { replies: true, parent: true, hiddenBy: true },
    });
    expect(new Set(comments.map((c) => c.projectId)).size).toBeGreaterThanOrEqual(3);
    expect(comments.some((c) => /[ぁ-んァ-ン一-龯]/.test(c.body))).toBe(true);
    expect(comments.some((c) => !/[ぁ-んァ-ン一-龯]/.test(c.body))).toBe(true);
    for (const c of comments) {
      expect(c.replyCount).toBe(c.replies.length);
      expect(c.depth).toBe(c.parent ? c.parent.depth + 1 : 0);
      expect(c.stance === null).toBe(c.parentId !== null);
    }
    expect(comments.some((c) => c.depth >= 2)).toBe(true);
    const hidden = comments.filter((c) => c.hiddenAt);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.hiddenReason).toBeTruthy();
    expect(hidden[0]!.hiddenBy?.role).toBe("COORDINATOR");
    expect(comments.filter((c) => c.deletedAt)).toHaveLength(1);
    expect(await prisma.commentEdit.count()).toBeGreaterThanOrEqual(1);
  });

  it("finds Japanese words inside sentences and English words in the search text", async () => {
    for (const word of ["レアアース", "分離", "磁石", "ネオジム", "magnet", "separation"]) {
      const n = await prisma.project.count({ where: { searchText: { contains: word } } });
      expect(n, word).toBeGreaterThanOrEqual(2);
    }
    // No LIKE wildcard characters in the searchable texts, so a search for "%" or "_" shows that
    // they are taken literally (it finds nothing).
    const texts = await prisma.project.findMany({ select: { searchText: true } });
    for (const t of texts) expect(t.searchText).not.toMatch(/[%_]/);
  });

  it("keeps a timeline of status changes and an audit trail", async () => {
    const projects = await prisma.project.findMany({
      include: { timeline: { orderBy: { createdAt: "asc" } } },
    });
    for (const p of projects) {
      const changes = p.timeline.filter((e) => e.type === "status_changed");
      expect(changes.length, p.reference).toBe(p.version - 1);
      const last = changes.at(-1)?.data as { to?: string } | undefined;
      expect(last?.to ?? "DRAFT").toBe(p.status);
      // The demo's own times, not the moment the seed ran.
      expect(p.updatedAt.getTime()).toBeLessThan(now.getTime());
      if (p.status !== "DRAFT") expect(p.updatedAt).toEqual(changes.at(-1)?.createdAt);
    }
    const actions = new Set(
      (await prisma.auditEvent.findMany({ select: { action: true } })).map((a) => a.action),
    );
    for (const a of ["decision.recorded", "comment.hidden", "milestone.replanned", "user.invited"] as const) {
      expect(actions).toContain(a);
    }
    // Only the domain's actions, as the audit log's filter and labels know them.
    expect([...actions].filter((a) => !AUDIT_ACTIONS.includes(a as AuditAction))).toEqual([]);
    // Named as the audit log's filter and labels name them (lower-case names showed as raw keys).
    const types = await prisma.auditEvent.groupBy({ by: ["entityType"], _count: { _all: true } });
    expect(types.map((t) => t.entityType).filter((t) => !AUDIT_ENTITY_TYPES.some((k) => k === t))).toEqual(
      [],
    );
  });
  it("puts approved projects at different gates, each passed gate with its evidence and sign-offs, and ledgers that add up", async () => {
    const gates = await prisma.stageGate.findMany({
      include: {
        evidence: true,
        signOffs: true,
        project: { include: { sponsors: { include: { delegation: true } } } },
      },
      orderBy: [{ projectId: "asc" }, { position: "asc" }],
    });
    const current = new Map<string, string>();
    for (const g of gates) {
      if (g.state === "PASSED") {
        expect(
          g.evidence.every((e) => e.versionId !== null),
          `${g.project.reference} ${g.kind}`,
        ).toBe(true);
        const parties = g.signOffs.map((s) => s.party).sort();
        expect(parties).toEqual(["COORDINATOR", ...g.project.sponsors.map((s) => s.delegation.code)].sort());
      }
      if (!["PASSED", "WAIVED"].includes(g.state) && !current.has(g.project.reference)) {
        current.set(g.project.reference, `${g.kind}:${g.state}`);
      }
    }
    expect(Object.fromEntries(current)).toMatchObject({
      "LD-0003": "CONSTRUCTION:IN_PROGRESS",
      "LD-0004": "FINAL_INVESTMENT_DECISION:SUBMITTED",
      "LD-0008": "SCOPING:NOT_STARTED",
      "LD-0012": "BANKABLE_FEASIBILITY:IN_PROGRESS",
    });
    const facilities = await prisma.fundingFacility.findMany({
      include: { entries: { orderBy: { sequence: "asc" } }, project: true },
    });
    expect(new Set(facilities.map((f) => f.project.reference)).size).toBeGreaterThanOrEqual(6);
    const committedUsd = new Map<string, number>();
    for (const f of facilities) {
      const b = balancesOf(
        f.entries.map((e) => ({ kind: e.kind, amount: Number(e.amount), bucket: e.bucket })),
        f.instrument,
      );
      expect([f.pledged, f.approved, f.committed, f.disbursed, f.repaid, f.cancelled].map(Number)).toEqual([
        b.PLEDGED,
        b.APPROVED,
        b.COMMITTED,
        b.DISBURSED,
        b.REPAID,
        b.CANCELLED,
      ]);
      const ref = f.project.reference;
      committedUsd.set(
        ref,
        (committedUsd.get(ref) ?? 0) + (b.COMMITTED + b.DISBURSED + b.REPAID) * Number(f.usdRate),
      );
    }
    // A passed investment decision has its capex committed; the one awaiting sign-off does not yet.
    for (const g of gates.filter((x) => x.kind === "FINAL_INVESTMENT_DECISION" && x.state === "PASSED")) {
      if (!committedUsd.has(g.project.reference)) continue;
      expect(committedUsd.get(g.project.reference)).toBeGreaterThanOrEqual(Number(g.project.capexUsd));
    }
    const ld4 = gates.find((g) => g.project.reference === "LD-0004")!.project;
    expect(committedUsd.get("LD-0004")).toBeLessThan(Number(ld4.capexUsd));
  });

  it("has a permitting timetable on approved projects: US, Japanese and other authorizations, some late, one project paused", async () => {
    const authorizations = await prisma.permitAuthorization.findMany({
      include: { project: true, milestones: { orderBy: { position: "asc" } }, changes: true },
    });
    const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
    expect(new Set(authorizations.map((a) => a.jurisdiction))).toEqual(
      new Set(["US_FEDERAL", "US_STATE", "JP_NATIONAL", "JP_PREFECTURE", "OTHER"]),
    );
    for (const a of authorizations) {
      expect(["APPROVED", "IN_DELIVERY", "COMPLETED"]).toContain(a.project.status);
      // Actual dates in order, none in the future; a current target that differs from its baseline has its recorded change.
      const actuals = a.milestones.flatMap((m) => (m.actualDate ? [m.actualDate.getTime()] : []));
      expect(actuals).toEqual([...actuals].sort((x, y) => x - y));
      expect(actuals.every((t) => t <= today.getTime())).toBe(true);
      for (const m of a.milestones) {
        const moved = a.changes.filter((c) => c.milestoneId === m.id && c.state === "APPLIED");
        const shift = moved.reduce((sum, c) => sum + (c.toDate.getTime() - c.fromDate.getTime()), 0);
        expect(m.currentDate.getTime() - m.baselineDate.getTime()).toBe(shift);
      }
    }
    const late = authorizations.filter((a) =>
      a.milestones.some((m) => m.actualDate === null && m.currentDate.getTime() < today.getTime()),
    );
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(authorizations.some((a) => a.milestones.every((m) => m.actualDate !== null))).toBe(true);
    const paused = await prisma.permitPause.findMany({
      where: { endedOn: null },
      include: { project: true, summaries: true },
    });
    expect(paused.map((p) => [p.project.reference, p.summaries.length])).toEqual([["LD-0012", 1]]);
    // The browser test's projects start empty.
    expect(authorizations.some((a) => ["LD-0002", "LD-0016"].includes(a.project.reference))).toBe(false);
  });
});

describe("seed next to existing data", () => {
  it("refers to existing users by email and leaves a project whose reference is taken alone", async () => {
    const other = await createTestDatabase();
    try {
      const p = other.prisma;
      const org = await p.organisation.create({
        data: { name: "Someone Else Ltd", kind: "COMPANY", countryCode: "GB" },
      });
      const user = await p.user.create({
        data: { email: "delegate.us@lodestone.example", name: "Already Here", role: "DELEGATE" },
      });
      const taken = await p.project.create({
        data: {
          reference: "LD-0017",
          titleEn: "Someone else's project",
          titleJa: "別のプロジェクト",
          summaryEn: "",
          summaryJa: "",
          bodyEn: "",
          bodyJa: "",
          bindingLanguage: "en",
          translationEn: "ORIGINAL",
          translationJa: "MISSING",
          commodity: "LA",
          stage: "MINING",
          siteCountry: "GB",
          siteRegion: "Cornwall",
          capacityTpy: 1,
          capexUsd: 1n,
          organisationId: org.id,
          createdById: user.id,
        },
      });

      const summary = await seed(p, testSigner(), now);
      expect(summary.projects).toBe(25);
      expect(await p.project.findUnique({ where: { reference: "LD-0017" } })).toEqual(taken);
      expect(await p.reviewRound.count({ where: { projectId: taken.id } })).toBe(0);
      expect(await p.comment.count({ where: { projectId: taken.id } })).toBe(0);
      expect(await p.user.findUnique({ where: { id: user.id } })).toMatchObject({ name: "Already Here" });
      expect(await p.vote.count({ where: { voterId: user.id } })).toBeGreaterThan(0);

      expect(await seed(p, testSigner(), now)).toEqual(summary);
    } finally {
      await other.close();
    }
  });
});
