// Review rounds, votes and decisions. One counted vote per delegate per round is guaranteed by
// the unique index on ("roundId", "voterId"); tallies are counted by the database.
import type { DecisionRule, VoteCounts } from "@lodestone/domain/decision";
import { EVENT_SCHEMA_VERSION } from "@lodestone/domain/events";
import type { DecisionOutcome, ProjectStatus, RoundStatus, VoteChoice } from "@lodestone/domain/enums";
import type { Tx } from "../client.js";
import { Prisma } from "../generated/prisma/client.js";
import { queryRows } from "../statement.js";
import type { ProjectAccess } from "./project.js";

export interface RoundRow {
  id: string;
  projectId: string;
  revisionId: string;
  status: RoundStatus;
  rule: DecisionRule;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  /** Delegates with a counted vote. */
  voteCount: number;
  hasDecision: boolean;
  /** The recorded decision's id, once there is one. */
  decisionId: string | null;
}

/** A round as read for one caller: with the delegation the frozen electorate gives them, if any. */
export type RoundForCaller = RoundRow & { electorDelegation: string | null };

/** A round as `RoundRow` needs it, through Prisma's model query (`toRound` makes the row). */
export const roundSelect = {
  id: true,
  projectId: true,
  revisionId: true,
  status: true,
  rule: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  decision: { select: { id: true } },
  _count: { select: { votes: true } },
} satisfies Prisma.ReviewRoundSelect;

type RoundSelected = Prisma.ReviewRoundGetPayload<{ select: typeof roundSelect }>;
export const toRound = ({ decision, rule, _count, ...r }: RoundSelected): RoundRow => ({
  ...r,
  rule: rule as unknown as DecisionRule,
  voteCount: _count.votes,
  hasDecision: decision !== null,
  decisionId: decision?.id ?? null,
});

/**
 * A round with its project's access record, in one written-out statement (every use-case on a
 * round checks both, and a vote starts with it). The same columns as `roundSelect`.
 */
export async function getRound(
  tx: Tx,
  id: string,
  callerId: string | null = null,
): Promise<{ round: RoundForCaller; project: ProjectAccess } | null> {
  const [row] = await queryRows<
    Omit<RoundForCaller, "hasDecision"> & {
      organisationId: string;
      projectStatus: ProjectStatus;
      projectVersion: number;
      projectSubmittedAt: Date | null;
    }
  >(
    tx,
    Prisma.sql`
      SELECT r.id, r."projectId", r."revisionId", r.status::text AS status, r.rule,
             r."opensAt", r."closesAt", r."closedAt",
             (SELECT count(*)::int FROM "Vote" v WHERE v."roundId" = r.id) AS "voteCount",
             d.id AS "decisionId",
             (SELECT dl.code FROM "RoundElector" e JOIN "Delegation" dl ON dl.id = e."delegationId"
              WHERE e."roundId" = r.id AND e."voterId" = ${callerId}::uuid) AS "electorDelegation",
             p."organisationId", p.status::text AS "projectStatus", p.version AS "projectVersion",
             p."submittedAt" AS "projectSubmittedAt"
      FROM "ReviewRound" r JOIN "Project" p ON p.id = r."projectId"
      LEFT JOIN "Decision" d ON d."roundId" = r.id
      WHERE r.id = ${id}::uuid`,
  );
  if (!row) return null;
  const { organisationId, projectStatus, projectVersion, projectSubmittedAt, ...round } = row;
  return {
    round: { ...round, hasDecision: round.decisionId !== null },
    project: {
      id: round.projectId,
      organisationId,
      status: projectStatus,
      version: projectVersion,
      submittedAt: projectSubmittedAt,
    },
  };
}

/** The project's rounds, newest first. */
export async function listRounds(tx: Tx, projectId: string): Promise<RoundRow[]> {
  const rows = await tx.reviewRound.findMany({
    where: { projectId },
    select: roundSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toRound);
}

export async function createRound(
  tx: Tx,
  round: { projectId: string; revisionId: string; rule: DecisionRule; closesAt: Date; openedById: string },
): Promise<RoundRow> {
  const row = await tx.reviewRound.create({
    data: { ...round, rule: round.rule as unknown as Prisma.InputJsonValue },
    select: roundSelect,
  });
  // The electorate is frozen now: every active delegate, under their delegation of today.
  await tx.$executeRaw`
    INSERT INTO "RoundElector" ("roundId", "voterId", "delegationId")
    SELECT ${row.id}::uuid, u.id, u."delegationId" FROM "User" u
    WHERE u.role = 'DELEGATE' AND u."deactivatedAt" IS NULL AND u."delegationId" IS NOT NULL`;
  return toRound(row);
}

/**
 * Changes the rule only while nobody has voted; false when a vote came first. The round is locked
 * first (votes hold it FOR SHARE until they commit), so the count that follows sees every vote.
 */
export async function updateRuleIfNoVotes(tx: Tx, roundId: string, rule: DecisionRule): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "ReviewRound" WHERE id = ${roundId}::uuid FOR UPDATE`;
  if ((await tx.vote.count({ where: { roundId } })) > 0) return false;
  const { count } = await tx.reviewRound.updateMany({
    where: { id: roundId, status: "OPEN" },
    data: { rule: rule as unknown as Prisma.InputJsonValue },
  });
  return count === 1;
}

/**
 * Casts or changes a delegate's vote in an open round whose frozen electorate holds the voter and
 * whose rule counts the delegation the electorate gives them (the vote is counted under it),
 * in one statement (so one transaction, without a round trip to begin and commit it): the vote,
 * its history row, its event and audit event ("vote.cast", or "vote.changed" when the delegate had
 * voted before: the rows `recordEvent` would write, written here to keep the vote one statement). The round is held open (FOR SHARE) while the statement runs: closing it or changing its
 * rule waits for the vote, and a vote that comes after either is refused. Nothing else of the
 * round is written, so concurrent votes never wait for each other. Returns null when the round
 * is closed, past its closing time or no longer counts the delegation.
 */
export async function castVote(
  tx: Tx,
  vote: {
    roundId: string;
    voterId: string;
    choice: VoteChoice;
    reason: string | null;
    at: Date;
    requestId: string | null;
  },
): Promise<{ changed: boolean } | null> {
  const rows = await queryRows<{ inserted: boolean }>(
    tx,
    Prisma.sql`
    WITH open_round AS (
      SELECT r.id, e."voterId", e."delegationId" FROM "ReviewRound" r
      JOIN "RoundElector" e ON e."roundId" = r.id AND e."voterId" = ${vote.voterId}::uuid
      JOIN "Delegation" dl ON dl.id = e."delegationId"
      WHERE r.id = ${vote.roundId}::uuid AND r.status = 'OPEN' AND r."closesAt" > ${vote.at}::timestamptz
        AND r.rule -> 'countedDelegations' @> jsonb_build_array(dl.code)
      FOR SHARE OF r
    ), counted AS (
      INSERT INTO "Vote" (id, "roundId", "voterId", "delegationId", choice, reason, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), open_round.id, open_round."voterId", open_round."delegationId",
             ${vote.choice}::"VoteChoice", ${vote.reason}::text, ${vote.at}::timestamptz, ${vote.at}::timestamptz
      FROM open_round
      ON CONFLICT ("roundId", "voterId") DO UPDATE
        SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "roundId", "voterId", choice, reason, "updatedAt", (xmax = 0) AS inserted
    ), kept AS (
      INSERT INTO "VoteHistory" (id, "roundId", "voterId", choice, reason, "createdAt")
      SELECT gen_random_uuid(), "roundId", "voterId", choice, reason, "updatedAt" FROM counted
    ), audited AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after, "requestId", "createdAt")
      SELECT gen_random_uuid(), "voterId", CASE WHEN inserted THEN 'vote.cast' ELSE 'vote.changed' END,
             'ReviewRound', "roundId"::text, jsonb_build_object('choice', choice, 'reason', reason),
             ${vote.requestId}::text, "updatedAt"
      FROM counted
    ), logged AS (
      -- The vote's event (as recordEvent writes it: turnout only, never the choice).
      INSERT INTO "DomainEvent" (type, version, "actorId", "subjectType", "subjectId", "projectId",
        "projectStatus", "projectOrganisationId", "projectSubmittedAt", data, "createdAt")
      SELECT CASE WHEN c.inserted THEN 'vote.cast' ELSE 'vote.changed' END, ${EVENT_SCHEMA_VERSION}::int,
             c."voterId", 'ReviewRound', c."roundId"::text, p.id, p.status, p."organisationId", p."submittedAt",
             jsonb_build_object('roundId', c."roundId"), c."updatedAt"
      FROM counted c JOIN "ReviewRound" r ON r.id = c."roundId" JOIN "Project" p ON p.id = r."projectId"
    )
    SELECT inserted FROM counted`,
  );
  const result = rows[0];
  return result ? { changed: !result.inserted } : null;
}

export async function getVote(
  tx: Tx,
  roundId: string,
  voterId: string,
): Promise<{ choice: VoteChoice; reason: string | null; updatedAt: Date } | null> {
  return tx.vote.findUnique({
    where: { roundId_voterId: { roundId, voterId } },
    select: { choice: true, reason: true, updatedAt: true },
  });
}

export async function voteHistory(
  tx: Tx,
  roundId: string,
  voterId: string,
): Promise<{ choice: VoteChoice; reason: string | null; createdAt: string }[]> {
  const rows = await tx.voteHistory.findMany({
    where: { roundId, voterId },
    select: { choice: true, reason: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Counted votes per delegation code, from one aggregate query. */
export async function voteCounts(tx: Tx, roundId: string): Promise<Record<string, VoteCounts>> {
  const groups = await tx.vote.groupBy({
    by: ["delegationId", "choice"],
    where: { roundId },
    _count: { _all: true },
  });
  const codes = await delegationCodes(tx, [...new Set(groups.map((g) => g.delegationId))]);
  const counts: Record<string, VoteCounts> = {};
  for (const g of groups) {
    const code = codes.get(g.delegationId)!;
    const c = (counts[code] ??= { approve: 0, reject: 0, abstain: 0 });
    if (g.choice === "APPROVE") c.approve += g._count._all;
    if (g.choice === "REJECT") c.reject += g._count._all;
    if (g.choice === "ABSTAIN") c.abstain += g._count._all;
  }
  return counts;
}

async function delegationCodes(tx: Tx, ids: string[]) {
  const rows = await tx.delegation.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The frozen electorate of a round, per delegation code. */
export async function electorateCounts(tx: Tx, roundId: string): Promise<Record<string, number>> {
  const rows = await tx.$queryRaw<{ code: string; n: number }[]>`
    SELECT dl.code, count(*)::int AS n FROM "RoundElector" e JOIN "Delegation" dl ON dl.id = e."delegationId"
    WHERE e."roundId" = ${roundId}::uuid GROUP BY dl.code`;
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

export interface ElectorRow {
  voterId: string;
  name: string;
  /** The delegation the electorate gives them (frozen when the round opened). */
  delegation: string;
  /** Deactivated, no longer a delegate, or in another delegation since the round opened. */
  changedSince: boolean;
}

/** The frozen electorate of a round, by voter id. */
export async function listElectors(tx: Tx, roundId: string): Promise<ElectorRow[]> {
  return tx.$queryRaw<ElectorRow[]>`
    SELECT e."voterId", u.name, dl.code AS delegation,
           (u."deactivatedAt" IS NOT NULL OR u.role <> 'DELEGATE'
            OR u."delegationId" IS DISTINCT FROM e."delegationId") AS "changedSince"
    FROM "RoundElector" e JOIN "User" u ON u.id = e."voterId" JOIN "Delegation" dl ON dl.id = e."delegationId"
    WHERE e."roundId" = ${roundId}::uuid
    ORDER BY e."voterId"`;
}

export interface CountedVoteRow {
  voterId: string;
  name: string;
  delegation: string;
  choice: VoteChoice;
  reason: string | null;
  at: Date;
}

/** The counted votes of a round (the last of each delegate), by voter id, a keyset page at a time. */
export async function countedVotes(
  tx: Tx,
  roundId: string,
  page: { after?: string | null; limit?: number } = {},
): Promise<CountedVoteRow[]> {
  return tx.$queryRaw<CountedVoteRow[]>`
    SELECT v."voterId", u.name, dl.code AS delegation, v.choice::text AS choice, v.reason, v."updatedAt" AS at
    FROM "Vote" v JOIN "User" u ON u.id = v."voterId" JOIN "Delegation" dl ON dl.id = v."delegationId"
    WHERE v."roundId" = ${roundId}::uuid AND (${page.after ?? null}::uuid IS NULL OR v."voterId" > ${page.after ?? null}::uuid)
    ORDER BY v."voterId"
    LIMIT ${page.limit ?? 1_000_000}`;
}

/** Every vote cast or changed in a round (of the given voters, or everyone's), oldest first. */
export async function roundHistory(
  tx: Tx,
  roundId: string,
  voterIds: string[] | null = null,
): Promise<{ voterId: string; choice: VoteChoice; reason: string | null; at: Date }[]> {
  return tx.voteHistory
    .findMany({
      where: { roundId, ...(voterIds ? { voterId: { in: voterIds } } : {}) },
      select: { voterId: true, choice: true, reason: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    })
    .then((rows) => rows.map(({ createdAt, ...r }) => ({ ...r, at: createdAt })));
}

/** Active delegates per delegation code: who would vote in a round opened now. */
export async function electorate(tx: Tx): Promise<Record<string, number>> {
  const groups = await tx.user.groupBy({
    by: ["delegationId"],
    where: { role: "DELEGATE", deactivatedAt: null, delegationId: { not: null } },
    _count: { _all: true },
  });
  const codes = await delegationCodes(
    tx,
    groups.flatMap((g) => (g.delegationId ? [g.delegationId] : [])),
  );
  return Object.fromEntries(groups.map((g) => [codes.get(g.delegationId!)!, g._count._all]));
}

/** Closes an open round once: true only for the caller that closed it. */
export async function closeRoundIfOpen(
  tx: Tx,
  roundId: string,
  at: Date,
  byId: string | null,
): Promise<boolean> {
  const { count } = await tx.reviewRound.updateMany({
    where: { id: roundId, status: "OPEN" },
    data: { status: "CLOSED", closedAt: at, closedById: byId },
  });
  return count === 1;
}

/**
 * Closes every open round whose time has come, exactly once across any number of API
 * instances (the database decides which statement wins). Returns the closed rounds.
 */
export async function closeDueRounds(tx: Tx, now: Date): Promise<{ id: string; projectId: string }[]> {
  return tx.$queryRaw<{ id: string; projectId: string }[]>`
    UPDATE "ReviewRound" SET status = 'CLOSED', "closedAt" = "closesAt", "updatedAt" = ${now}
    WHERE status = 'OPEN' AND "closesAt" <= ${now}
    RETURNING id, "projectId"`;
}

export async function createDecision(
  tx: Tx,
  d: {
    id: string;
    roundId: string;
    projectId: string;
    revisionId: string;
    revisionHash: string;
    rule: DecisionRule;
    tallies: unknown;
    outcome: DecisionOutcome;
    rationale: string;
    recordedById: string;
    recordedAt: Date;
    record: string;
    recordHash: string;
    signature: string;
    signingKeyFingerprint: string;
  },
): Promise<string> {
  const row = await tx.decision.create({
    data: {
      ...d,
      rule: d.rule as unknown as Prisma.InputJsonValue,
      tallies: d.tallies as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return row.id;
}

const decisionSelect = {
  id: true,
  roundId: true,
  revisionHash: true,
  rule: true,
  tallies: true,
  outcome: true,
  rationale: true,
  recordedAt: true,
  record: true,
  recordHash: true,
  signature: true,
  signingKeyFingerprint: true,
  recordedBy: { select: { id: true, name: true } },
  round: { select: { id: true, rule: true, opensAt: true, closesAt: true, closedAt: true } },
  revision: { select: { id: true, number: true, contentHash: true, content: true } },
  project: {
    select: {
      id: true,
      reference: true,
      titleEn: true,
      titleJa: true,
      organisationId: true,
      status: true,
      submittedAt: true,
    },
  },
} satisfies Prisma.DecisionSelect;

export type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>;

export async function getDecision(tx: Tx, id: string): Promise<DecisionRow | null> {
  return tx.decision.findUnique({ where: { id }, select: decisionSelect });
}

/** The revision a round reviews, with its hash. */
export async function getRevisionRef(tx: Tx, revisionId: string) {
  return tx.revision.findUniqueOrThrow({
    where: { id: revisionId },
    select: { id: true, number: true, contentHash: true, project: { select: { reference: true } } },
  });
}
