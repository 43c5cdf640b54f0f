// pnpm --filter @lodestone/bench queries [-- --scale 0.1 --rounds 5]
// The hot reads of the API, each two ways in the same run: through Prisma's model query (nested
// select) and written out as one statement (`$queryRaw`), both from the db package's client on
// the generated dataset in a fresh PostgreSQL database (DATABASE_URL). Reports the API process's
// CPU time per call (median of the rounds), which is what the load benchmark's throughput is
// bound by. The repositories write a read out where that is clearly cheaper and keep the model
// query where the two cost about the same or the model query is cheaper. Writes results/queries.md.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase, type Database } from "@lodestone/db/client";
import { listComments } from "@lodestone/db/repositories/comment";
import { getProjectAccess, getProjectRecord, listProjects } from "@lodestone/db/repositories/project";
import { findSession } from "@lodestone/db/repositories/session";
import { LONG_THREAD_PROJECT, sizeAt } from "./dataset.js";
import { createDatabase, dropDatabase, generate } from "./generate.js";
import { markdownTable } from "./report.js";
import { pgDatabase } from "./sql-database.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    scale: { type: "string", default: "0.1" },
    rounds: { type: "string", default: "5" },
  },
});
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server: the comparison runs on a fresh database there.");
  process.exit(2);
}

/** CPU time (user + system, µs) per call of `f`, 8 calls in flight at a time. */
async function cpuPerCall(f: () => Promise<unknown>, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i += 8) await Promise.all(Array.from({ length: 8 }, f));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Pair {
  name: string;
  calls: number;
  model: () => Promise<unknown>;
  written: () => Promise<unknown>;
  /** Which one the repository uses. */
  used: "model" | "written";
}

async function pairs(db: Database): Promise<Pair[]> {
  const prisma = db.prisma;
  const [project] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "Project" WHERE number = ${LONG_THREAD_PROJECT}`;
  const [cursor] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "Comment" WHERE "projectId" = ${project!.id}::uuid AND "parentId" IS NULL
    ORDER BY "createdAt", id OFFSET 19979 LIMIT 1`;
  const user = await prisma.user.findFirstOrThrow({ where: { role: "DELEGATE" }, select: { id: true } });
  // Stored as the API stores it (a hash); the lookups below ask for the stored value.
  const token = `queries-${Date.now()}`;
  await prisma.session.create({
    data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) },
  });
  const now = new Date();
  const sponsors = { select: { delegation: { select: { code: true } } } } as const;
  return [
    {
      name: "project list, first page (20)",
      calls: 800,
      model: () =>
        prisma.project.findMany({
          where: { status: { not: "DRAFT" } },
          select: {
            id: true,
            reference: true,
            titleEn: true,
            titleJa: true,
            summaryEn: true,
            summaryJa: true,
            bindingLanguage: true,
            translationEn: true,
            translationJa: true,
            status: true,
            commodity: true,
            stage: true,
            siteCountry: true,
            siteRegion: true,
            capacityTpy: true,
            capexUsd: true,
            updatedAt: true,
            organisation: { select: { id: true, name: true } },
            sponsors,
          },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: 21,
        }),
      written: () => listProjects(prisma, { kind: "submitted" }, { sort: "updated", limit: 20 }),
      used: "written",
    },
    {
      name: "comment page 1,000 of a long thread (20)",
      calls: 800,
      model: async () => {
        const after = await prisma.comment.findUnique({
          where: { id: cursor!.id },
          select: { id: true, createdAt: true },
        });
        return prisma.comment.findMany({
          where: {
            projectId: project!.id,
            parentId: null,
            createdAt: { gte: after!.createdAt },
            OR: [{ createdAt: { gt: after!.createdAt } }, { id: { gt: after!.id } }],
          },
          select: {
            id: true,
            projectId: true,
            parentId: true,
            depth: true,
            stance: true,
            body: true,
            authorId: true,
            editedAt: true,
            deletedAt: true,
            hiddenAt: true,
            hiddenReason: true,
            replyCount: true,
            createdAt: true,
            author: { select: { name: true } },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 21,
        });
      },
      written: () =>
        listComments(prisma, { projectId: project!.id, parentId: null, cursor: cursor!.id, limit: 20 }),
      used: "written",
    },
    {
      name: "session with its user and delegation",
      calls: 2000,
      model: () => findSession(prisma, token, now),
      written: () => prisma.$queryRaw`
        SELECT s.expires, u.id, u.email, u."emailVerified", u.name, u.image, u.role::text AS role,
               u.locale::text AS locale, u."timeZone", u."deactivatedAt", u."organisationId", d.code AS delegation
        FROM "Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "Delegation" d ON d.id = u."delegationId"
        WHERE s."sessionToken" = ${token}`,
      used: "model",
    },
    {
      name: "project record (texts, organisation, sponsors, revision)",
      calls: 1500,
      model: () => getProjectRecord(prisma, project!.id),
      written: () => prisma.$queryRaw`
        SELECT p.*, o.name AS "organisationName",
               ARRAY(SELECT d.code FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                     WHERE ps."projectId" = p.id ORDER BY d.code) AS sponsors,
               r.id AS "revisionId", r.number AS "revisionNumber", r."contentHash", r."createdAt" AS "revisionAt"
        FROM "Project" p JOIN "Organisation" o ON o.id = p."organisationId"
        LEFT JOIN "Revision" r ON r.id = p."currentRevisionId"
        WHERE p.id = ${project!.id}::uuid`,
      used: "model",
    },
    {
      name: "project access record",
      calls: 2000,
      model: () => getProjectAccess(prisma, project!.id),
      written: () => prisma.$queryRaw`
        SELECT id, "organisationId", status::text AS status, version FROM "Project" WHERE id = ${project!.id}::uuid`,
      used: "model",
    },
  ];
}

async function main() {
  const scale = Number(args.scale);
  const rounds = Number(args.rounds);
  const created = await createDatabase(serverUrl!);
  try {
    const pool = new pg.Pool({ connectionString: created.url, max: 2 });
    await generate(pgDatabase(pool), sizeAt(scale));
    await pool.end();
    const db = await openDatabase({ databaseUrl: created.url, dataDir: "memory://", holder: "bench" });
    const rows: (string | number)[][] = [];
    try {
      for (const p of await pairs(db)) {
        // Warm-up (JIT, Prisma's query plans, the database's caches), then alternating rounds.
        await cpuPerCall(p.model, p.calls / 4);
        await cpuPerCall(p.written, p.calls / 4);
        const model: number[] = [];
        const written: number[] = [];
        for (let r = 0; r < rounds; r++) {
          model.push(await cpuPerCall(p.model, p.calls));
          written.push(await cpuPerCall(p.written, p.calls));
        }
        const m = median(model);
        const w = median(written);
        rows.push([p.name, m.toFixed(0), w.toFixed(0), (w / m).toFixed(2), p.used]);
        console.log(`${p.name}: model ${m.toFixed(0)} µs, written out ${w.toFixed(0)} µs`);
      }
    } finally {
      await db.close();
    }
    const md = [
      `# Hot reads: Prisma model query vs written out — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
      "",
      `CPU time of the API's process per call (µs, median of ${rounds} rounds, 8 calls in flight), through the db ` +
        `package's client on PostgreSQL, dataset at scale ${scale}. The repositories write a read out where that is ` +
        "clearly cheaper, and keep Prisma's model query where the two cost about the same or it is cheaper.",
      "",
      markdownTable(["read", "model query µs", "written out µs", "written ÷ model", "used"], rows),
      "",
    ].join("\n");
    await mkdir(path.join(here, "..", "results"), { recursive: true });
    await writeFile(path.join(here, "..", "results", "queries.md"), md);
    console.log(`\n${md}`);
  } finally {
    await dropDatabase(serverUrl!, created.name);
  }
}

await main();
