// Loads the demo data of ./data.ts. Idempotent: every row has a fixed id derived from a stable
// key and is inserted with ON CONFLICT DO NOTHING, nothing is ever updated, so a second run (even
// with a later `now`) changes nothing. Rows whose natural key already exists with another id
// (a delegation code, organisation name, user email, project reference) are left alone: users,
// delegations and organisations are then referred to by their existing id, and such a project
// is skipped together with everything hanging off it.
import { seedDataRoom } from "./documents.js";
import { seedGatesAndFunding } from "./funding.js";
import { seedPermitting } from "./permitting.js";
import { createHash } from "node:crypto";
import type { AuditAction, AuditEntityType } from "@lodestone/domain/audit";
import { isFinished } from "@lodestone/domain/delivery";
import { nextStatus, OUTCOME_EVENT, type ProjectEvent } from "@lodestone/domain/lifecycle";
import { revisionContent as domainRevisionContent } from "@lodestone/domain/proposal";
import {
  historyOrder,
  recordFrom,
  tallyRound,
  type SealedElector,
  type SealedVote,
} from "@lodestone/domain/decision-record";
import type { Prisma, PrismaClient, ProjectStatus, VoteChoice } from "../generated/prisma/client.js";
import { revisionContentHash } from "../content-hash.js";
import { canonicalJson, sealRecord, sha256Hex, type DecisionSigner } from "../decision-seal.js";
import {
  DEFAULT_RULE,
  DELEGATIONS,
  ORGANISATIONS,
  PROJECTS,
  USERS,
  proposalContent,
  type Assignee,
  type DelegationCode,
  type LifecycleStep,
  type MilestoneSeed,
  type OrganisationKey,
  type ProjectSeed,
  type ProposalContent,
  type UserKey,
  type VoteMap,
} from "./data.js";
import { DEFAULT_EMAIL_CHANNEL } from "@lodestone/domain/notifications";
import { projectSearchText } from "@lodestone/domain/project-content";

/** Rows per table after seeding. */
export interface SeedSummary {
  delegations: number;
  organisations: number;
  users: number;
  projects: number;
  projectSponsors: number;
  revisions: number;
  reviewRounds: number;
  votes: number;
  voteHistory: number;
  decisions: number;
  comments: number;
  commentEdits: number;
  milestones: number;
  milestoneReports: number;
  milestoneReplans: number;
  timelineEvents: number;
  auditEvents: number;
}

type Tx = Prisma.TransactionClient;

const DAY_MS = 86_400_000;

/** A fixed, v4-shaped UUID for a stable key such as `project:LD-0001`. */
export function seedId(key: string): string {
  const h = createHash("sha256").update(`lodestone-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What a revision snapshots (the domain's rule, shared with real submissions). */
export function revisionContent(c: ProposalContent) {
  const { latitude, longitude } = c.site;
  return domainRevisionContent({
    ...c,
    site: {
      ...c.site,
      latitude: Number(latitude),
      longitude: Number(longitude),
    },
  });
}

const AUDIT_ACTION: Record<LifecycleStep["event"], AuditAction> = {
  submit: "project.submitted",
  resubmit: "project.resubmitted",
  openRound: "review_round.opened",
  closeRound: "decision.recorded",
  startDelivery: "project.delivery_started",
  complete: "project.completed",
  withdraw: "project.withdrawn",
};

interface Ids {
  delegation(code: DelegationCode): string;
  organisation(key: OrganisationKey): string;
  user(key: UserKey): string;
}

/** Everything one project brings, so a project that is not ours can be skipped as a whole. */
interface ProjectRows {
  project: Prisma.ProjectCreateManyInput;
  currentRevisionId: string | null;
  sponsors: Prisma.ProjectSponsorCreateManyInput[];
  revisions: Prisma.RevisionCreateManyInput[];
  rounds: Prisma.ReviewRoundCreateManyInput[];
  electors: Prisma.RoundElectorCreateManyInput[];
  votes: Prisma.VoteCreateManyInput[];
  voteHistory: Prisma.VoteHistoryCreateManyInput[];
  decisions: Prisma.DecisionCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  commentEdits: Prisma.CommentEditCreateManyInput[];
  milestones: Prisma.MilestoneCreateManyInput[];
  milestoneReports: Prisma.MilestoneReportCreateManyInput[];
  milestoneReplans: Prisma.MilestoneReplanCreateManyInput[];
  timelineEvents: Prisma.TimelineEventCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
}

const USER_BY_KEY = new Map(USERS.map((u) => [u.key, u]));

function userSeed(key: UserKey) {
  const u = USER_BY_KEY.get(key);
  if (!u) throw new Error(`Seed data: unknown user ${key}`);
  return u;
}

function fail(p: ProjectSeed, message: string): never {
  throw new Error(`Seed data for ${p.reference}: ${message}`);
}

class Clock {
  private readonly base: number;
  constructor(now: Date) {
    // Whole minutes, so that the demo times read naturally.
    this.base = Math.floor(now.getTime() / 60_000) * 60_000;
  }
  /** A moment `day` days from now (negative: in the past). */
  at(day: number): Date {
    return new Date(this.base + Math.round(day * DAY_MS));
  }
  /** The calendar date (UTC midnight, for `@db.Date`) `day` days from now. */
  date(day: number): Date {
    const d = this.at(day);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  }
}

interface OpenRound {
  id: string;
  revisionId: string;
  day: number;
  closesDay: number;
  step: Extract<LifecycleStep, { event: "openRound" }>;
}

/** What the demo's rounds are decided with: the electorate every round freezes, and the key that seals decisions. */
interface Sealing {
  electorate: SealedElector[];
  signer: DecisionSigner;
}

function buildProject(p: ProjectSeed, ids: Ids, clock: Clock, sealing: Sealing): ProjectRows {
  const ref = p.reference;
  const projectId = seedId(`project:${ref}`);
  const rows: Omit<ProjectRows, "project" | "currentRevisionId"> = {
    sponsors: p.sponsors.map((code) => ({ projectId, delegationId: ids.delegation(code) })),
    revisions: [],
    rounds: [],
    electors: [],
    votes: [],
    voteHistory: [],
    decisions: [],
    comments: [],
    commentEdits: [],
    milestones: [],
    milestoneReports: [],
    milestoneReplans: [],
    timelineEvents: [],
    auditEvents: [],
  };
  const timeline = (day: number, actor: UserKey | null, type: string, data: Prisma.InputJsonObject) =>
    rows.timelineEvents.push({
      id: seedId(`timeline:${ref}:${rows.timelineEvents.length + 1}`),
      projectId,
      actorId: actor ? ids.user(actor) : null,
      type,
      data,
      createdAt: clock.at(day),
    });
  const audit = (
    key: string,
    day: number,
    actor: UserKey,
    action: AuditAction,
    entityType: AuditEntityType,
    entityId: string,
    before: Prisma.InputJsonObject | undefined,
    after: Prisma.InputJsonObject,
  ) =>
    rows.auditEvents.push({
      id: seedId(`audit:${ref}:${key}`),
      actorId: ids.user(actor),
      action,
      entityType,
      entityId,
      ...(before ? { before } : {}),
      after,
      requestId: null,
      createdAt: clock.at(day),
    });

  timeline(p.createdDay, p.createdBy, "project_created", { reference: ref });
  audit("created", p.createdDay, p.createdBy, "project.created", "Project", projectId, undefined, {
    reference: ref,
    status: "DRAFT",
  });

  // ── the lifecycle, step by step, checked against the domain's transition table ──
  let status: ProjectStatus = "DRAFT";
  let version = 1;
  let lastDay = p.editedDay ?? p.createdDay;
  let submittedDay: number | null = null;
  let decidedDay: number | null = null;
  let openRound: OpenRound | null = null;
  let previousDay = p.createdDay;

  const castVotes = (round: OpenRound, endDay: number) => {
    const entries = Object.entries(round.step.votes ?? {}) as [UserKey, NonNullable<VoteMap[UserKey]>][];
    const spacing = Math.min(1, (endDay - round.day) / (entries.length + 1));
    const counted: SealedVote[] = [];
    entries.forEach(([voterKey, spec], i) => {
      const voter = userSeed(voterKey);
      if (voter.role !== "DELEGATE" || !voter.delegation) fail(p, `${voterKey} cannot vote`);
      const [choice, reason] = typeof spec === "string" ? [spec, null] : spec;
      if (choice === "REJECT" && !reason) fail(p, `${voterKey}'s REJECT needs a reason`);
      const finalDay = round.day + spacing * (i + 1);
      const first = round.step.firstVotes?.[voterKey];
      const history: { day: number; choice: VoteChoice; reason: string | null }[] = [];
      if (first) {
        const [firstChoice, firstReason] = typeof first === "string" ? [first, null] : first;
        history.push({ day: finalDay - spacing / 2, choice: firstChoice, reason: firstReason });
      }
      history.push({ day: finalDay, choice, reason });
      const voterId = ids.user(voterKey);
      rows.votes.push({
        id: seedId(`vote:${round.id}:${voterKey}`),
        roundId: round.id,
        voterId,
        delegationId: ids.delegation(voter.delegation),
        choice,
        reason,
        createdAt: clock.at(history[0]!.day),
        updatedAt: clock.at(finalDay),
      });
      history.forEach((h, n) =>
        rows.voteHistory.push({
          id: seedId(`vote-history:${round.id}:${voterKey}:${n + 1}`),
          roundId: round.id,
          voterId,
          choice: h.choice,
          reason: h.reason,
          createdAt: clock.at(h.day),
        }),
      );
      counted.push({
        voterId,
        delegation: voter.delegation,
        choice,
        reason,
        at: clock.at(finalDay).toISOString(),
      });
    });
    return counted;
  };

  p.steps.forEach((step, index) => {
    if (step.day <= previousDay || step.day >= 0)
      fail(p, `step ${index + 1} is out of order or in the future`);
    previousDay = step.day;
    const event: ProjectEvent = step.event === "closeRound" ? OUTCOME_EVENT[step.outcome] : step.event;
    const to = nextStatus(status, event);
    if (!to) fail(p, `a ${status} project cannot ${event}`);
    const actor: UserKey =
      step.event === "submit" || step.event === "resubmit"
        ? p.createdBy
        : (("by" in step ? step.by : undefined) ?? (step.event === "withdraw" ? p.createdBy : "coordinator"));
    const data: Record<string, Prisma.InputJsonValue> = { from: status, to, event };

    if (step.event === "submit" || step.event === "resubmit") {
      const number = rows.revisions.length + 1;
      const content = revisionContent(proposalContent(p, step.revision));
      const revisionId = seedId(`revision:${ref}:${number}`);
      rows.revisions.push({
        id: revisionId,
        projectId,
        number,
        content,
        contentHash: revisionContentHash(content),
        createdById: ids.user(p.createdBy),
        createdAt: clock.at(step.day),
      });
      submittedDay = step.day;
      data.revision = number;
    } else if (step.event === "openRound") {
      const revision = rows.revisions.at(-1);
      if (!revision?.id) fail(p, "a round needs a revision");
      const id = seedId(`round:${ref}:${rows.rounds.length + 1}`);
      openRound = {
        id,
        revisionId: revision.id,
        day: step.day,
        closesDay: step.day + step.closesAfterDays,
        step,
      };
      rows.rounds.push({
        id,
        projectId,
        revisionId: revision.id,
        status: "OPEN",
        rule: DEFAULT_RULE,
        opensAt: clock.at(step.day),
        closesAt: clock.at(openRound.closesDay),
        openedById: ids.user(actor),
        createdAt: clock.at(step.day),
        updatedAt: clock.at(step.day),
      });
      for (const e of sealing.electorate) {
        rows.electors.push({
          roundId: id,
          voterId: e.voterId,
          delegationId: ids.delegation(e.delegation as DelegationCode),
        });
      }
      data.roundId = id;
      data.revision = rows.revisions.length;
    } else if (step.event === "closeRound") {
      const round = openRound as OpenRound | null;
      if (!round) fail(p, "no open round to close");
      if (step.day > round.closesDay) fail(p, "the round closes after its closing time");
      const counted = castVotes(round, step.day);
      const result = tallyRound(DEFAULT_RULE, sealing.electorate, counted);
      if ((step.outcome === "APPROVED") !== result.approved) {
        fail(p, `outcome ${step.outcome} does not follow from the votes`);
      }
      const roundRow = rows.rounds.at(-1)!;
      roundRow.status = "CLOSED";
      roundRow.closedAt = clock.at(step.day);
      roundRow.closedById = ids.user(actor);
      roundRow.updatedAt = clock.at(step.day);
      const revision = rows.revisions.find((r) => r.id === round.revisionId)!;
      const decisionId = seedId(`decision:${round.id}`);
      const history = historyOrder(
        rows.voteHistory
          .filter((h) => h.roundId === round.id)
          .map((h) => ({
            voterId: h.voterId,
            choice: h.choice,
            reason: h.reason ?? null,
            at: (h.createdAt as Date).toISOString(),
          })),
      );
      const seal = sealRecord(
        recordFrom({
          decision: {
            id: decisionId,
            rule: DEFAULT_RULE,
            tallies: result,
            outcome: step.outcome,
            rationale: step.rationale,
            recordedBy: ids.user(actor),
            recordedAt: clock.at(step.day).toISOString(),
            revisionHash: revision.contentHash,
          },
          project: { id: projectId, reference: ref },
          revision: {
            id: round.revisionId,
            number: revision.number,
            storedHash: revision.contentHash,
            computedHash: revision.contentHash,
          },
          round: {
            id: round.id,
            opensAt: clock.at(round.day).toISOString(),
            closesAt: clock.at(round.closesDay).toISOString(),
            closedAt: clock.at(step.day).toISOString(),
            rule: DEFAULT_RULE,
          },
          electorate: sealing.electorate,
          votes: counted,
          voteHistory: { entries: history.length, sha256: sha256Hex(canonicalJson(history)) },
        }),
        sealing.signer,
      );
      rows.decisions.push({
        id: decisionId,
        roundId: round.id,
        projectId,
        revisionId: round.revisionId,
        revisionHash: revision.contentHash,
        rule: DEFAULT_RULE,
        tallies: result as unknown as Prisma.InputJsonObject,
        outcome: step.outcome,
        rationale: step.rationale,
        recordedById: ids.user(actor),
        recordedAt: clock.at(step.day),
        record: seal.text,
        recordHash: seal.sha256,
        signature: seal.signature,
        signingKeyFingerprint: seal.fingerprint,
      });
      audit(
        `decision:${rows.decisions.length}`,
        step.day,
        actor,
        "decision.recorded",
        "Decision",
        decisionId,
        undefined,
        {
          projectId,
          roundId: round.id,
          outcome: step.outcome,
          revisionHash: revision.contentHash,
        },
      );
      decidedDay = step.day;
      openRound = null;
      data.roundId = round.id;
      data.outcome = step.outcome;
    }

    timeline(step.day, actor, "status_changed", data);
    audit(
      `step:${index + 1}`,
      step.day,
      actor,
      AUDIT_ACTION[step.event],
      "Project",
      projectId,
      { status },
      {
        status: to,
        ...(data.revision !== undefined ? { revision: data.revision } : {}),
      },
    );
    status = to;
    version++;
    lastDay = Math.max(lastDay, step.day);
  });

  const stillOpen = openRound as OpenRound | null;
  if (stillOpen) {
    if (stillOpen.closesDay <= 0) fail(p, "an open round must close in the future");
    castVotes(stillOpen, 0);
  }
  if (status !== p.status) fail(p, `the steps lead to ${status}, not ${p.status}`);

  buildComments(p, projectId, ids, clock, rows, audit);
  buildMilestones(p, projectId, ids, clock, rows, audit);

  const content = proposalContent(p);
  const currentRevisionId = rows.revisions.at(-1)?.id ?? null;
  if (status !== "DRAFT" && !currentRevisionId) fail(p, "a submitted project needs a revision");
  const project: Prisma.ProjectCreateManyInput = {
    id: projectId,
    reference: ref,
    titleEn: content.titleEn,
    titleJa: content.titleJa,
    summaryEn: content.summaryEn,
    summaryJa: content.summaryJa,
    bodyEn: content.bodyEn,
    bodyJa: content.bodyJa,
    bindingLanguage: content.bindingLanguage,
    translationEn: content.translationEn,
    translationJa: content.translationJa,
    commodity: content.commodity,
    stage: content.stage,
    siteCountry: p.site.country,
    siteRegion: p.site.region,
    siteLatitude: p.site.latitude,
    siteLongitude: p.site.longitude,
    referenceTimeZone: p.site.timeZone,
    capacityTpy: content.capacityTpy,
    capexUsd: content.capexUsd,
    organisationId: ids.organisation(p.organisation),
    status,
    version,
    currentRevisionId: null,
    searchText: projectSearchText(ref, content),
    createdById: ids.user(p.createdBy),
    submittedAt: submittedDay === null ? null : clock.at(submittedDay),
    decidedAt: decidedDay === null ? null : clock.at(decidedDay),
    createdAt: clock.at(p.createdDay),
    updatedAt: clock.at(lastDay),
  };
  return { project, currentRevisionId, ...rows };
}

type AuditFn = (
  key: string,
  day: number,
  actor: UserKey,
  action: AuditAction,
  entityType: AuditEntityType,
  entityId: string,
  before: Prisma.InputJsonObject | undefined,
  after: Prisma.InputJsonObject,
) => void;

type ChildRows = Omit<ProjectRows, "project" | "currentRevisionId">;

function buildComments(
  p: ProjectSeed,
  projectId: string,
  ids: Ids,
  clock: Clock,
  rows: ChildRows,
  audit: AuditFn,
) {
  const seeds = p.comments ?? [];
  const depthOf = new Map<string, number>();
  for (const c of seeds) {
    const author = userSeed(c.author);
    if (author.role === "ADMIN") fail(p, "admins do not comment");
    if (author.role === "PARTNER" && author.organisation !== p.organisation) {
      fail(p, `${c.author} may only comment on their own organisation's projects`);
    }
    if (c.parent !== undefined && !depthOf.has(c.parent))
      fail(p, `comment ${c.key} replies to an unknown comment`);
    if ((c.parent === undefined) !== (c.stance !== undefined))
      fail(p, `only top-level comment ${c.key} has a stance`);
    const depth = c.parent === undefined ? 0 : depthOf.get(c.parent)! + 1;
    depthOf.set(c.key, depth);
    const id = seedId(`comment:${p.reference}:${c.key}`);
    const lastDay = Math.max(c.day, c.edited?.day ?? c.day, c.hidden?.day ?? c.day, c.deletedDay ?? c.day);
    if (lastDay >= 0) fail(p, `comment ${c.key} is in the future`);
    rows.comments.push({
      id,
      projectId,
      parentId: c.parent === undefined ? null : seedId(`comment:${p.reference}:${c.parent}`),
      depth,
      authorId: ids.user(c.author),
      stance: c.stance ?? null,
      body: c.body,
      editedAt: c.edited ? clock.at(c.edited.day) : null,
      deletedAt: c.deletedDay === undefined ? null : clock.at(c.deletedDay),
      hiddenAt: c.hidden ? clock.at(c.hidden.day) : null,
      hiddenReason: c.hidden?.reason ?? null,
      hiddenById: c.hidden ? ids.user(c.hidden.by) : null,
      replyCount: seeds.filter((r) => r.parent === c.key).length,
      createdAt: clock.at(c.day),
      updatedAt: clock.at(lastDay),
    });
    if (c.edited) {
      rows.commentEdits.push({
        id: seedId(`comment-edit:${p.reference}:${c.key}:1`),
        commentId: id,
        previousBody: c.edited.previousBody,
        editorId: ids.user(c.author),
        createdAt: clock.at(c.edited.day),
      });
    }
    if (c.hidden) {
      audit(
        `comment-hidden:${c.key}`,
        c.hidden.day,
        c.hidden.by,
        "comment.hidden",
        "Comment",
        id,
        { hidden: false },
        {
          hidden: true,
          reason: c.hidden.reason,
        },
      );
    }
  }
}

function buildMilestones(
  p: ProjectSeed,
  projectId: string,
  ids: Ids,
  clock: Clock,
  rows: ChildRows,
  audit: AuditFn,
) {
  const seeds = p.milestones ?? [];
  if (seeds.length === 0) return;
  const start = p.steps.find((s) => s.event === "startDelivery");
  if (!start) fail(p, "milestones need a project in delivery");
  const createdDay = start.day + 1;
  const idOf = (key: string) => seedId(`milestone:${p.reference}:${key}`);
  const byKey = new Map(seeds.map((m) => [m.key, m]));
  const childrenOf = (key: string | undefined) => seeds.filter((m) => m.parent === key);

  interface Derived {
    dueDay: number;
    status: NonNullable<MilestoneSeed["status"]>;
    progress: number;
    completedDay: number | null;
    lastDay: number;
  }
  const derived = new Map<string, Derived>();
  const derive = (m: MilestoneSeed): Derived => {
    const known = derived.get(m.key);
    if (known) return known;
    const children = childrenOf(m.key);
    let d: Derived;
    if (children.length === 0) {
      if (m.dueDay === undefined) fail(p, `milestone ${m.key} needs a due date`);
      const status = m.status ?? "PLANNED";
      if (status !== "PLANNED" && !m.report) fail(p, `milestone ${m.key} needs a report`);
      if (status === "DONE" && !m.report?.evidence) fail(p, `milestone ${m.key} is DONE without evidence`);
      const progress = status === "DONE" ? 100 : (m.progress ?? 0);
      d = {
        dueDay: m.dueDay,
        status,
        progress,
        completedDay: status === "DONE" ? m.report!.day : null,
        lastDay: Math.max(createdDay, m.report?.day ?? createdDay, m.replan?.day ?? createdDay),
      };
    } else {
      const kids = children.map((c) => ({ seed: c, d: derive(c) }));
      const live = kids.filter((k) => k.d.status !== "CANCELLED");
      const weight = (k: { seed: MilestoneSeed }) => k.seed.weight ?? 1;
      const total = live.reduce((s, k) => s + weight(k), 0);
      const progress =
        total === 0 ? 0 : Math.round(live.reduce((s, k) => s + weight(k) * k.d.progress, 0) / total);
      const status: Derived["status"] =
        live.length === 0
          ? "CANCELLED"
          : live.every((k) => k.d.status === "DONE")
            ? "DONE"
            : live.some((k) => k.d.status === "IN_PROGRESS" || k.d.status === "DONE")
              ? "IN_PROGRESS"
              : live.some((k) => k.d.status === "BLOCKED")
                ? "BLOCKED"
                : "PLANNED";
      d = {
        dueDay: Math.max(...kids.map((k) => k.d.dueDay)),
        status,
        progress,
        completedDay: status === "DONE" ? Math.max(...live.map((k) => k.d.completedDay ?? -Infinity)) : null,
        lastDay: Math.max(...kids.map((k) => k.d.lastDay)),
      };
    }
    derived.set(m.key, d);
    return d;
  };

  const assigneeIds = (a: Assignee | undefined) =>
    a === undefined
      ? { assigneeUserId: null, assigneeOrganisationId: ids.organisation(p.organisation) }
      : "user" in a
        ? { assigneeUserId: ids.user(a.user), assigneeOrganisationId: null }
        : { assigneeUserId: null, assigneeOrganisationId: ids.organisation(a.organisation) };

  const reporter = (m: MilestoneSeed): UserKey => {
    if (m.report?.by) return m.report.by;
    const a = m.assignee;
    if (a && "user" in a) return a.user;
    const org = a && "organisation" in a ? a.organisation : p.organisation;
    return USERS.find((u) => u.role === "PARTNER" && u.organisation === org)?.key ?? "coordinator";
  };

  // Parents before children, so the rows can be inserted in one statement in order.
  const ordered: MilestoneSeed[] = [];
  const visit = (parent: string | undefined) => {
    for (const m of childrenOf(parent)) {
      ordered.push(m);
      visit(m.key);
    }
  };
  visit(undefined);
  if (ordered.length !== seeds.length) fail(p, "a milestone has an unknown parent");

  for (const m of ordered) {
    const d = derive(m);
    const id = idOf(m.key);
    const siblings = childrenOf(m.parent);
    rows.milestones.push({
      id,
      projectId,
      parentId: m.parent === undefined ? null : idOf(m.parent),
      position: siblings.indexOf(m),
      weight: m.weight ?? null,
      titleEn: m.titleEn,
      titleJa: m.titleJa,
      dueDate: clock.date(d.dueDay),
      ...assigneeIds(m.assignee),
      status: d.status,
      progress: d.progress,
      version: 1 + (m.report ? 1 : 0) + (m.replan ? 1 : 0),
      completedAt: d.completedDay === null ? null : clock.at(d.completedDay),
      createdAt: clock.at(createdDay),
      updatedAt: clock.at(d.lastDay),
    });
    if (m.report) {
      if (m.report.day <= createdDay || m.report.day >= 0)
        fail(p, `milestone ${m.key}'s report is out of range`);
      rows.milestoneReports.push({
        id: seedId(`milestone-report:${p.reference}:${m.key}`),
        milestoneId: id,
        authorId: ids.user(reporter(m)),
        status: d.status,
        progress: d.progress,
        note: m.report.note,
        evidence: m.report.evidence ?? null,
        createdAt: clock.at(m.report.day),
      });
    }
    if (m.replan) {
      const replanId = seedId(`milestone-replan:${p.reference}:${m.key}`);
      rows.milestoneReplans.push({
        id: replanId,
        milestoneId: id,
        oldDueDate: clock.date(m.replan.fromDueDay),
        newDueDate: clock.date(d.dueDay),
        reason: m.replan.reason,
        byId: ids.user(m.replan.by),
        createdAt: clock.at(m.replan.day),
      });
      audit(
        `milestone-replan:${m.key}`,
        m.replan.day,
        m.replan.by,
        "milestone.replanned",
        "Milestone",
        id,
        {
          dueDate: clock.date(m.replan.fromDueDay).toISOString().slice(0, 10),
        },
        { dueDate: clock.date(d.dueDay).toISOString().slice(0, 10), reason: m.replan.reason },
      );
    }
  }
  if (byKey.size !== seeds.length) fail(p, "milestone keys must be unique");
  if (p.status === "COMPLETED" && ordered.some((m) => !isFinished(derive(m).status))) {
    fail(p, "a completed project has open milestones");
  }
}

/**
 * "Your vote is due" for each elector of a round still open who has not voted: what the notifier
 * would have written when the round opened (the seed writes history, not events), so the demo's
 * delegates find it in their inbox (and, on their default channel, in the development outbox).
 */
function voteDueNotifications(b: ProjectRows): Prisma.NotificationCreateManyInput[] {
  const voted = new Set(b.votes.map((v) => `${v.roundId}:${v.voterId}`));
  return b.rounds.flatMap((round) =>
    round.status !== "OPEN"
      ? []
      : b.electors
          .filter((e) => e.roundId === round.id && !voted.has(`${round.id}:${e.voterId}`))
          .map((e) => ({
            id: seedId(`notification:vote-due:${round.id}:${e.voterId}`),
            userId: e.voterId,
            key: `round-opened:${round.id}`,
            reason: "VOTE_DUE" as const,
            eventType: "review_round.opened",
            actorId: round.openedById,
            projectId: round.projectId,
            subjectType: "ROUND" as const,
            subjectId: round.id!,
            data: {
              roundId: round.id!,
              revision: b.revisions.findIndex((r) => r.id === round.revisionId) + 1,
            },
            emailChannel: DEFAULT_EMAIL_CHANNEL.VOTE_DUE,
            createdAt: round.opensAt!,
          })),
  );
}

async function countRows(tx: Tx): Promise<SeedSummary> {
  const [
    delegations,
    organisations,
    users,
    projects,
    projectSponsors,
    revisions,
    reviewRounds,
    votes,
    voteHistory,
    decisions,
    comments,
    commentEdits,
    milestones,
    milestoneReports,
    milestoneReplans,
    timelineEvents,
    auditEvents,
  ] = [
    await tx.delegation.count(),
    await tx.organisation.count(),
    await tx.user.count(),
    await tx.project.count(),
    await tx.projectSponsor.count(),
    await tx.revision.count(),
    await tx.reviewRound.count(),
    await tx.vote.count(),
    await tx.voteHistory.count(),
    await tx.decision.count(),
    await tx.comment.count(),
    await tx.commentEdit.count(),
    await tx.milestone.count(),
    await tx.milestoneReport.count(),
    await tx.milestoneReplan.count(),
    await tx.timelineEvent.count(),
    await tx.auditEvent.count(),
  ];
  return {
    delegations,
    organisations,
    users,
    projects,
    projectSponsors,
    revisions,
    reviewRounds,
    votes,
    voteHistory,
    decisions,
    comments,
    commentEdits,
    milestones,
    milestoneReports,
    milestoneReplans,
    timelineEvents,
    auditEvents,
  };
}

function lookup<K extends string>(kind: string, map: Map<K, string>): (key: K) => string {
  return (key) => {
    const id = map.get(key);
    if (!id) throw new Error(`Seed: no ${kind} ${key}`);
    return id;
  };
}

async function seedInTransaction(tx: Tx, clock: Clock, signer: DecisionSigner): Promise<SeedSummary> {
  // ── delegations, organisations, users ──
  await tx.delegation.createMany({
    data: DELEGATIONS.map((d) => ({
      id: seedId(`delegation:${d.code}`),
      code: d.code,
      nameEn: d.nameEn,
      nameJa: d.nameJa,
      kind: d.kind,
      createdAt: clock.at(-820),
      updatedAt: clock.at(-820),
    })),
    skipDuplicates: true,
  });
  const delegationIds = new Map(
    (
      await tx.delegation.findMany({
        where: { code: { in: DELEGATIONS.map((d) => d.code) } },
        select: { id: true, code: true },
      })
    ).map((d) => [d.code as DelegationCode, d.id]),
  );

  await tx.organisation.createMany({
    data: ORGANISATIONS.map((o, i) => ({
      id: seedId(`organisation:${o.key}`),
      name: o.name,
      nameJa: o.nameJa,
      kind: o.kind,
      countryCode: o.countryCode,
      createdAt: clock.at(-815 + i),
      updatedAt: clock.at(-815 + i),
    })),
    skipDuplicates: true,
  });
  const orgIdByName = new Map(
    (
      await tx.organisation.findMany({
        where: { name: { in: ORGANISATIONS.map((o) => o.name) } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.name, o.id]),
  );
  const organisationIds = new Map(
    ORGANISATIONS.flatMap((o) => {
      const id = orgIdByName.get(o.name);
      return id ? [[o.key, id] as const] : [];
    }),
  );

  const lookupDelegation = lookup("delegation", delegationIds);
  const lookupOrganisation = lookup("organisation", organisationIds);
  await tx.user.createMany({
    data: USERS.map((u, i) => ({
      id: seedId(`user:${u.key}`),
      email: u.email,
      emailVerified: clock.at(-800 + i),
      name: u.name,
      locale: u.locale,
      timeZone: u.timeZone,
      role: u.role,
      delegationId: u.delegation ? lookupDelegation(u.delegation) : null,
      organisationId: u.organisation ? lookupOrganisation(u.organisation) : null,
      createdAt: clock.at(-800 + i),
      updatedAt: clock.at(-800 + i),
    })),
    skipDuplicates: true,
  });
  const userIdByEmail = new Map(
    (
      await tx.user.findMany({
        where: { email: { in: USERS.map((u) => u.email) } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  );
  const userIds = new Map(
    USERS.flatMap((u) => {
      const id = userIdByEmail.get(u.email);
      return id ? [[u.key, id] as const] : [];
    }),
  );
  const ids: Ids = {
    delegation: lookupDelegation,
    organisation: lookupOrganisation,
    user: lookup("user", userIds),
  };

  const userAudit: Prisma.AuditEventCreateManyInput[] = USERS.filter((u) => u.role !== "ADMIN").map((u) => ({
    id: seedId(`audit:user-invited:${u.key}`),
    actorId: ids.user("admin"),
    action: "user.invited" satisfies AuditAction,
    entityType: "User" satisfies AuditEntityType,
    entityId: ids.user(u.key),
    after: {
      email: u.email,
      role: u.role,
      delegation: u.delegation ?? null,
      organisationId: u.organisation ? ids.organisation(u.organisation) : null,
    },
    requestId: null,
    createdAt: clock.at(-800 + USERS.indexOf(u)),
  }));

  // ── projects and everything that hangs off them ──
  // Every demo delegate is active, so every round's frozen electorate is all of them.
  const electorate = USERS.flatMap((u) =>
    u.role === "DELEGATE" && u.delegation ? [{ voterId: ids.user(u.key), delegation: u.delegation }] : [],
  );
  const built = PROJECTS.map((p) => buildProject(p, ids, clock, { electorate, signer }));
  await tx.project.createMany({ data: built.map((b) => b.project), skipDuplicates: true });
  const existing = await tx.project.findMany({
    where: { reference: { in: built.map((b) => b.project.reference) } },
    select: { id: true, reference: true },
  });
  const ours = new Set(existing.filter((e) => e.id === seedId(`project:${e.reference}`)).map((e) => e.id));
  const mine = built.filter((b) => ours.has(b.project.id!));

  await tx.projectSponsor.createMany({ data: mine.flatMap((b) => b.sponsors), skipDuplicates: true });
  await tx.revision.createMany({ data: mine.flatMap((b) => b.revisions), skipDuplicates: true });
  for (const b of mine) {
    if (!b.currentRevisionId) continue;
    // Only on the first run (the circular reference needs the revision first); `updatedAt` is
    // written explicitly so that it keeps the demo's value.
    await tx.project.updateMany({
      where: { id: b.project.id!, currentRevisionId: null },
      data: { currentRevisionId: b.currentRevisionId, updatedAt: b.project.updatedAt! },
    });
  }
  await tx.reviewRound.createMany({ data: mine.flatMap((b) => b.rounds), skipDuplicates: true });
  await tx.roundElector.createMany({ data: mine.flatMap((b) => b.electors), skipDuplicates: true });
  await tx.vote.createMany({ data: mine.flatMap((b) => b.votes), skipDuplicates: true });
  await tx.voteHistory.createMany({ data: mine.flatMap((b) => b.voteHistory), skipDuplicates: true });
  await tx.notification.createMany({ data: mine.flatMap(voteDueNotifications), skipDuplicates: true });
  await tx.decision.createMany({ data: mine.flatMap((b) => b.decisions), skipDuplicates: true });
  await tx.comment.createMany({ data: mine.flatMap((b) => b.comments), skipDuplicates: true });
  await tx.commentEdit.createMany({ data: mine.flatMap((b) => b.commentEdits), skipDuplicates: true });
  await tx.milestone.createMany({ data: mine.flatMap((b) => b.milestones), skipDuplicates: true });
  await tx.milestoneReport.createMany({
    data: mine.flatMap((b) => b.milestoneReports),
    skipDuplicates: true,
  });
  await tx.milestoneReplan.createMany({
    data: mine.flatMap((b) => b.milestoneReplans),
    skipDuplicates: true,
  });
  await tx.timelineEvent.createMany({ data: mine.flatMap((b) => b.timelineEvents), skipDuplicates: true });
  const seedIds = {
    seedId,
    user: (key: string) => ids.user(key as Parameters<typeof ids.user>[0]),
    organisationOf: (key: string) => {
      const org = USERS.find((u) => u.key === key)?.organisation;
      return org ? ids.organisation(org) : null;
    },
    at: (day: number) => clock.at(day),
  };
  await seedDataRoom(
    tx,
    mine.map((b) => ({ id: b.project.id!, reference: b.project.reference })),
    seedIds,
  );
  await seedGatesAndFunding(
    tx,
    mine.map((b) => ({
      id: b.project.id!,
      reference: b.project.reference,
      stage: b.project.stage,
      decidedAt: b.project.decidedAt ? new Date(b.project.decidedAt) : null,
    })),
    seedIds,
  );
  await seedPermitting(
    tx,
    mine.map((b) => ({ id: b.project.id!, reference: b.project.reference })),
    seedIds,
  );
  await tx.auditEvent.createMany({
    data: [...userAudit, ...mine.flatMap((b) => b.auditEvents)],
    skipDuplicates: true,
  });

  return countRows(tx);
}

/**
 * Loads the demo data (DESIGN.md §3) in one transaction, its decisions sealed with `signer`. Times are relative to `now`; running it
 * again, with any `now`, changes nothing. Returns the number of rows in each table afterwards.
 */
export async function seed(
  prisma: PrismaClient,
  signer: DecisionSigner,
  now: Date = new Date(),
): Promise<SeedSummary> {
  const clock = new Clock(now);
  return prisma.$transaction((tx) => seedInTransaction(tx, clock, signer), {
    timeout: 120_000,
    maxWait: 30_000,
  });
}
