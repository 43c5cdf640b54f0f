// The baseline: the queries the API runs for each benchmarked procedure, sent through `pg` (or
// PGlite's query API) directly from a minimal node:http server (no Fastify, no tRPC, no Prisma, no validation
// library). It answers the same URLs as the API so that the load generator sends the same
// requests to both. Run as its own process: PORT and DATABASE_URL (PostgreSQL through `pg`) or
// LODESTONE_DATA_DIR (PGlite through its own query API, opened in this process) from the environment.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { openSqlDatabase, sqlTargetFromEnv, type SqlQueryable } from "./sql-database.js";

// Named prepared statements for every query, as the API's hot statements use (packages/db/src/statement.ts).
const pool = await openSqlDatabase(sqlTargetFromEnv(process.env), "the benchmark's baseline", 10, {
  prepared: true,
});

interface Principal {
  id: string;
  role: string;
  delegation: string | null;
  organisationId: string | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Queryable = SqlQueryable;

async function session(req: IncomingMessage): Promise<Principal> {
  const auth = req.headers.authorization;
  const token = auth?.startsWith("Bearer ") ? auth.slice(7).trim() : "";
  if (!token) throw new HttpError(401, "Sign in.");
  const hash = createHash("sha256").update(token).digest("hex");
  const { rows } = await pool.query(
    `SELECT s.expires, u.id, u.name, u.email, u."emailVerified", u.image, u.role, u.locale, u."timeZone",
            u."deactivatedAt", u."organisationId", d.code AS delegation
     FROM "Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "Delegation" d ON d.id = u."delegationId"
     WHERE s."sessionToken" = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row || row.expires <= new Date() || row.deactivatedAt) throw new HttpError(401, "Sign in.");
  return { id: row.id, role: row.role, delegation: row.delegation, organisationId: row.organisationId };
}

const SPONSORS = `ARRAY(SELECT d.code FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                        WHERE ps."projectId" = p.id ORDER BY d.code) AS sponsors`;

/** The project as the use-cases load it (visibleProject): fields, organisation, sponsors, revision. */
async function projectRecord(db: Queryable, who: Principal, id: string) {
  const { rows } = await db.query(
    `SELECT p.id, p.reference, p."organisationId", p.status, p.version, p."titleEn", p."titleJa", p."summaryEn",
            p."summaryJa", p."bodyEn", p."bodyJa", p."bindingLanguage", p."translationEn", p."translationJa",
            p.commodity, p.stage, p."siteCountry", p."siteRegion", p."siteLatitude", p."siteLongitude",
            p."capacityTpy", p."capexUsd"::text, p."submittedAt", p."createdAt", p."updatedAt", p."workingCopy",
            o.name AS "organisationName", ${SPONSORS},
            r.id AS "revisionId", r.number AS "revisionNumber", r."contentHash", r."createdAt" AS "revisionAt"
     FROM "Project" p JOIN "Organisation" o ON o.id = p."organisationId"
     LEFT JOIN "Revision" r ON r.id = p."currentRevisionId"
     WHERE p.id = $1`,
    [id],
  );
  return visibleOr404(who, rows[0]);
}

/** The project's access record (visibleProject): what use-cases on its comments and rounds check. */
async function projectAccess(db: Queryable, who: Principal, id: string) {
  const { rows } = await db.query(
    `SELECT id, "organisationId", status, version, "submittedAt" FROM "Project" WHERE id = $1`,
    [id],
  );
  return visibleOr404(who, rows[0]);
}

function visibleOr404<P extends { status: string; organisationId: string; submittedAt: Date | null }>(
  who: Principal,
  row: P | undefined,
) {
  const visible =
    row &&
    (who.role !== "PARTNER"
      ? row.submittedAt !== null
      : row.organisationId === who.organisationId ||
        ["APPROVED", "IN_DELIVERY", "COMPLETED"].includes(row.status));
  if (!visible) throw new HttpError(404, "There is no such project.");
  return row;
}

async function listProjects(who: Principal, input: Record<string, unknown>) {
  const limit = Number(input.limit ?? 20);
  const q = typeof input.q === "string" && input.q.trim() ? `%${input.q.trim().toLowerCase()}%` : null;
  const { rows } = await pool.query(
    `SELECT p.id, p.reference, p."titleEn", p."titleJa", p."summaryEn", p."summaryJa", p."bindingLanguage",
            p."translationEn", p."translationJa", p.status, p.commodity, p.stage, p."siteCountry", p."siteRegion",
            p."capacityTpy", p."capexUsd"::text, p."updatedAt", o.id AS "organisationId", o.name AS "organisationName",
            ${SPONSORS}
     FROM "Project" p JOIN "Organisation" o ON o.id = p."organisationId"
     WHERE p."submittedAt" IS NOT NULL
       AND ($1::"ProjectStatus"[] IS NULL OR p.status = ANY($1::"ProjectStatus"[]))
       AND ($2::"Commodity" IS NULL OR p.commodity = $2::"Commodity")
       AND ($3::text IS NULL OR p."searchText" LIKE $3)
     ORDER BY p."updatedAt" DESC, p.id DESC
     LIMIT $4`,
    [
      (input.status as string[] | undefined) ?? null,
      (input.commodity as string | undefined) ?? null,
      q,
      limit + 1,
    ],
  );
  void who;
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

async function listComments(who: Principal, input: Record<string, unknown>) {
  const projectId = String(input.projectId);
  await projectAccess(pool, who, projectId);
  const limit = Number(input.limit ?? 20);
  const parentId = (input.parentId as string | undefined) ?? null;
  const cursor = (input.cursor as string | undefined) ?? null;
  // The conditions are written per case so that the (projectId, parentId, createdAt, id) index applies.
  const { rows } = await pool.query(
    `SELECT c.id, c."projectId", c."parentId", c.depth, c.stance, c.body, c."authorId", c."editedAt", c."deletedAt",
            c."hiddenAt", c."hiddenReason", c."replyCount", c."createdAt", u.name AS "authorName"
     FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
     WHERE c."projectId" = $1 AND ${parentId ? `c."parentId" = $2::uuid` : `c."parentId" IS NULL AND $2::uuid IS NULL`}
       ${cursor ? `AND (c."createdAt", c.id) > (SELECT "createdAt", id FROM "Comment" WHERE id = $3::uuid)` : "AND $3::uuid IS NULL"}
     ORDER BY c."createdAt", c.id
     LIMIT $4`,
    [projectId, parentId, cursor, limit + 1],
  );
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

async function pipeline(who: Principal) {
  void who;
  const by = (col: string) =>
    pool
      .query(
        `SELECT ${col} AS key, count(*)::int AS count FROM "Project" WHERE "submittedAt" IS NOT NULL GROUP BY ${col}`,
      )
      .then((r) => r.rows);
  const [byStatus, byCommodity, byStage, byCountry, approved, milestones] = await Promise.all([
    by("status"),
    by("commodity"),
    by("stage"),
    by(`"siteCountry"`),
    pool
      .query(
        `SELECT count(*)::int AS projects, sum("capexUsd")::text AS capex, sum("capacityTpy")::int AS capacity
         FROM "Project" WHERE "submittedAt" IS NOT NULL AND status IN ('APPROVED', 'IN_DELIVERY', 'COMPLETED')`,
      )
      .then((r) => r.rows[0]),
    pool
      .query(
        `WITH today AS (
           SELECT zone, (now() AT TIME ZONE zone)::date AS day
           FROM (SELECT DISTINCT "referenceTimeZone" AS zone FROM "Project") AS zones
         )
         SELECT
           count(*) FILTER (WHERE m."dueDate" < t.day) AS overdue,
           count(*) FILTER (WHERE m."dueDate" >= date_trunc('month', t.day)
                              AND m."dueDate" < date_trunc('month', t.day) + interval '1 month') AS "dueThisMonth"
         FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" JOIN today t ON t.zone = p."referenceTimeZone"
         WHERE m.status NOT IN ('DONE', 'CANCELLED') AND p."submittedAt" IS NOT NULL`,
      )
      .then((r) => r.rows[0]),
  ]);
  return { byStatus, byCommodity, byStage, bySiteCountry: byCountry, approved, milestones };
}

function inTransaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
  return pool.transaction(work);
}

const audit = (db: Queryable, actorId: string, action: string, type: string, id: string, after: unknown) =>
  db.query(
    `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
    [actorId, action, type, id, JSON.stringify(after)],
  );

function postComment(who: Principal, input: Record<string, unknown>) {
  return inTransaction(async (db) => {
    const project = await projectAccess(db, who, String(input.projectId));
    const { rows } = await db.query(
      `INSERT INTO "Comment" (id, "projectId", "parentId", depth, "authorId", stance, body, "updatedAt")
       VALUES (gen_random_uuid(), $1, NULL, 0, $2, $3, $4, now())
       RETURNING id, "projectId", "parentId", depth, stance, body, "authorId", "createdAt"`,
      [project.id, who.id, input.stance, input.body],
    );
    const created = rows[0];
    await audit(db, who.id, "comment.posted", "Comment", created.id, {
      projectId: created.projectId,
      parentId: null,
      stance: created.stance,
    });
    return created;
  });
}

async function castVote(who: Principal, input: Record<string, unknown>) {
  if (who.role !== "DELEGATE") throw new HttpError(403, "Only delegates vote.");
  // As the API: the round with its project's access record and the caller's place in its frozen
  // electorate, then one statement writing the vote, its history row and its audit event while the
  // round is open and counts the elector's delegation.
  const { rows: rounds } = await pool.query(
    `SELECT r.id, r.status, r.rule, r."closesAt", p.id AS "projectId", p."organisationId", p.status AS "projectStatus",
            p."submittedAt" AS "projectSubmittedAt",
            (SELECT dl.code FROM "RoundElector" e JOIN "Delegation" dl ON dl.id = e."delegationId"
             WHERE e."roundId" = r.id AND e."voterId" = $2::uuid) AS "electorDelegation"
     FROM "ReviewRound" r JOIN "Project" p ON p.id = r."projectId" WHERE r.id = $1`,
    [input.roundId, who.id],
  );
  const round = rounds[0];
  if (!round) throw new HttpError(404, "There is no such review round.");
  visibleOr404(who, {
    status: round.projectStatus,
    organisationId: round.organisationId,
    submittedAt: round.projectSubmittedAt,
  });
  if (round.status !== "OPEN" || round.closesAt <= new Date())
    throw new HttpError(409, "The round is closed.");
  if (!round.electorDelegation) throw new HttpError(403, "You are not in this round's electorate.");
  if (!round.rule.countedDelegations.includes(round.electorDelegation)) {
    throw new HttpError(403, "Your delegation does not vote in this round.");
  }
  const { rows } = await pool.query(
    `WITH open_round AS (
       SELECT r.id, e."voterId", e."delegationId" FROM "ReviewRound" r
       JOIN "RoundElector" e ON e."roundId" = r.id AND e."voterId" = $2::uuid
       JOIN "Delegation" dl ON dl.id = e."delegationId"
       WHERE r.id = $1::uuid AND r.status = 'OPEN' AND r."closesAt" > $4
         AND r.rule -> 'countedDelegations' @> jsonb_build_array(dl.code)
       FOR SHARE OF r
     ), counted AS (
       INSERT INTO "Vote" (id, "roundId", "voterId", "delegationId", choice, reason, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), open_round.id, open_round."voterId", open_round."delegationId", $3::"VoteChoice", NULL, $4, $4
       FROM open_round
       ON CONFLICT ("roundId", "voterId") DO UPDATE
         SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, "updatedAt" = EXCLUDED."updatedAt"
       RETURNING "roundId", "voterId", choice, reason, "updatedAt", (xmax = 0) AS inserted
     ), kept AS (
       INSERT INTO "VoteHistory" (id, "roundId", "voterId", choice, reason, "createdAt")
       SELECT gen_random_uuid(), "roundId", "voterId", choice, reason, "updatedAt" FROM counted
     ), audited AS (
       INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after, "createdAt")
       SELECT gen_random_uuid(), "voterId", CASE WHEN inserted THEN 'vote.cast' ELSE 'vote.changed' END,
              'ReviewRound', "roundId"::text, jsonb_build_object('choice', choice, 'reason', reason), "updatedAt"
       FROM counted
     )
     SELECT inserted FROM counted`,
    [round.id, who.id, input.choice, new Date()],
  );
  if (!rows[0]) throw new HttpError(409, "The round is closed.");
  return { choice: input.choice, changed: !rows[0].inserted };
}

type Handler = (who: Principal, input: Record<string, unknown>) => Promise<unknown>;
const handlers: Record<string, Handler> = {
  "project.list": listProjects,
  "project.get": async (who, input) => projectRecord(pool, who, String(input.projectId)),
  "comment.list": listComments,
  "dashboard.pipeline": pipeline,
  "comment.post": postComment,
  "review.castVote": castVote,
};

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") {
    // Through the pool, as the API's: it waits behind queries still running.
    await pool.query("SELECT 1");
    return send(res, 200, { ok: true });
  }
  const names = url.pathname.replace(/^\/trpc\//, "").split(",");
  const batch = url.searchParams.get("batch") === "1";
  const raw = req.method === "POST" ? await readBody(req) : (url.searchParams.get("input") ?? "{}");
  const input = JSON.parse(raw || "{}") as Record<string, unknown>;
  const who = await session(req);
  const results = await Promise.all(
    names.map((name, i) => {
      const handler = handlers[name];
      if (!handler) throw new HttpError(404, `No procedure ${name}.`);
      return handler(who, (batch ? input[String(i)] : input) as Record<string, unknown>);
    }),
  );
  const wrap = (data: unknown) => ({ result: { data } });
  send(res, 200, batch ? results.map(wrap) : wrap(results[0]));
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json" });
  res.end(text);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    const status = error instanceof HttpError ? error.status : 500;
    send(res, status, { error: { message: (error as Error).message } });
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === "object" && address ? address.port : "?"}`);
});
process.on("SIGTERM", () => {
  // The database closes once the last connection has been answered (PGlite writes its files then).
  server.close(() => void pool.close());
  server.closeIdleConnections();
});
