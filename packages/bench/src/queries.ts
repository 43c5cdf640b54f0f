// pnpm --filter @lodestone/bench queries [-- --scale 0.1 --rounds 5]
// The hot reads of the API, each three ways in the same run, on the generated dataset in a fresh
// PostgreSQL database (DATABASE_URL): through Prisma's model query (nested select); the
// repository's written-out statement through Prisma's `$queryRaw`; and the same statement as the
// repository runs it on PostgreSQL, straight through pg (packages/db/src/statement.ts). Reports the
// API process's CPU time per call (median of the rounds), which is what the load benchmark's
// throughput is bound by. Writes results/queries.md.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase, type Database, type Tx } from "@lodestone/db/client";
import { commentSelect, listComments } from "@lodestone/db/repositories/comment";
import {
  getProjectAccess,
  getProjectRecord,
  listProjects,
  projectAccessSelect,
  projectRecordSelect,
} from "@lodestone/db/repositories/project";
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

interface HotRead {
  name: string;
  calls: number;
  /** Prisma's model query for the same data. */
  model: () => Promise<unknown>;
  /** The repository's read, on the client given. */
  read: (tx: Tx) => Promise<unknown>;
}

async function hotReads(db: Database): Promise<HotRead[]> {
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
  return [
    {
      name: "project list, first page (20)",
      calls: 800,
      model: () =>
        prisma.project.findMany({
          where: { submittedAt: { not: null } },
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
            sponsors: { select: { delegation: { select: { code: true } } } },
          },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: 21,
        }),
      read: (tx) => listProjects(tx, { kind: "submitted" }, { sort: "updated", limit: 20 }),
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
          select: commentSelect,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 21,
        });
      },
      read: (tx) =>
        listComments(tx, { projectId: project!.id, parentId: null, cursor: cursor!.id, limit: 20 }),
    },
    {
      name: "session with its user and delegation",
      calls: 2000,
      model: () =>
        prisma.session.findUnique({
          where: { sessionToken: token },
          select: {
            expires: true,
            user: {
              select: {
                id: true,
                email: true,
                emailVerified: true,
                name: true,
                image: true,
                role: true,
                locale: true,
                timeZone: true,
                deactivatedAt: true,
                organisationId: true,
                delegation: { select: { code: true } },
              },
            },
          },
        }),
      read: (tx) => findSession(tx, token, now),
    },
    {
      name: "project record (texts, organisation, sponsors, revision)",
      calls: 1500,
      model: () => prisma.project.findUnique({ where: { id: project!.id }, select: projectRecordSelect }),
      read: (tx) => getProjectRecord(tx, project!.id),
    },
    {
      name: "project access record",
      calls: 2000,
      model: () => prisma.project.findUnique({ where: { id: project!.id }, select: projectAccessSelect }),
      read: (tx) => getProjectAccess(tx, project!.id),
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
    // An extended client is another object: queryRows sends its statements through `$queryRaw`.
    const throughPrisma = db.prisma.$extends({}) as unknown as Tx;
    const rows: (string | number)[][] = [];
    try {
      for (const h of await hotReads(db)) {
        const ways = [h.model, () => h.read(throughPrisma), () => h.read(db.prisma)];
        // Warm-up (JIT, Prisma's query plans, the database's caches), then alternating rounds.
        for (const way of ways) await cpuPerCall(way, h.calls / 4);
        const samples: number[][] = ways.map(() => []);
        for (let r = 0; r < rounds; r++) {
          for (const [i, way] of ways.entries()) samples[i]!.push(await cpuPerCall(way, h.calls));
        }
        const [model, raw, direct] = samples.map(median) as [number, number, number];
        rows.push([h.name, model.toFixed(0), raw.toFixed(0), direct.toFixed(0), (direct / model).toFixed(2)]);
        console.log(
          `${h.name}: model ${model.toFixed(0)} µs, $queryRaw ${raw.toFixed(0)} µs, pg ${direct.toFixed(0)} µs`,
        );
      }
    } finally {
      await db.close();
    }
    const md = [
      `# Hot reads: Prisma model query, written out through $queryRaw, and straight through pg — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
      "",
      `CPU time of the API's process per call (µs, median of ${rounds} rounds, 8 calls in flight) on PostgreSQL, ` +
        `dataset at scale ${scale}. The repositories use the last column: the written-out statement, sent by ` +
        "packages/db/src/statement.ts straight to the pool Prisma's adapter uses, as a named prepared statement.",
      "",
      markdownTable(
        ["read", "model query µs", "written out, $queryRaw µs", "written out, pg µs", "pg ÷ model"],
        rows,
      ),
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
