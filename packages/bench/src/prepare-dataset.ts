// The dataset step: generate the dataset into a fresh database, create the sessions the load signs
// in with, and read what the load needs (ids, the deep comment page's cursor, the database's
// version); then close the database, so that on PGlite the servers can open it.
import {
  LONG_THREAD_PROJECT,
  roundPlan,
  roundProjectNumber,
  sizeAt,
  type DatasetSize,
  uuidOf,
} from "./dataset.js";
import { createSessions, generate, type Sessions, type Timed } from "./generate.js";
import { databaseLabel, type BenchMode } from "./mode.js";
import type { ScratchDatabases } from "./scratch-databases.js";
import { pgliteVersion, type SqlQueryable, type SqlTarget } from "./sql-database.js";

/** Top-level comments per page of comment.list. */
export const PAGE = 20;

export interface PreparedDataset {
  target: SqlTarget;
  size: DatasetSize;
  /** Each generation step's rows and time. */
  timings: Timed[];
  genMs: number;
  sessions: Sessions;
  /** The project with the long comment thread. */
  longThread: string;
  /** Its top-level comments. */
  threadLength: number;
  /** The deep page measured, and the cursor that reaches it. */
  deepPage: number;
  deepCursor: string;
  /** The open rounds the API and the baseline take votes in (one each, so the tallies are apart). */
  apiRound: string;
  baselineRound: string;
  /** The project the comments are posted to. */
  commentTarget: string;
  /** "PostgreSQL 15.14" or "PGlite 0.5.16 (PostgreSQL 17.5, WebAssembly)". */
  database: string;
}

async function idOf(db: SqlQueryable, n: number): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Project" WHERE number = $1`, [n]);
  return rows[0]!.id;
}

export async function prepareDataset(mode: BenchMode, databases: ScratchDatabases): Promise<PreparedDataset> {
  const size = sizeAt(mode.scale);
  console.log(`Dataset at scale ${mode.scale} on ${mode.kind}: ${JSON.stringify(size)}`);

  const { target, db: setup } = await databases.fresh("pglite");
  const genT0 = performance.now();
  const timings = await generate(setup, size);
  const genMs = performance.now() - genT0;
  console.log(`Generated in ${(genMs / 1000).toFixed(1)} s`);
  const sessions = await createSessions(setup, size, 400);

  const longThread = await idOf(setup, LONG_THREAD_PROJECT);
  const plan = roundPlan(size);
  const threadLength = Number(
    (
      await setup.query<{ n: string }>(
        `SELECT count(*) AS n FROM "Comment" WHERE "projectId" = $1 AND "parentId" IS NULL`,
        [longThread],
      )
    ).rows[0]!.n,
  );
  const deepPage = Math.max(2, Math.min(1000, Math.floor(threadLength / PAGE)));
  const {
    rows: [deepCursor],
  } = await setup.query<{ id: string }>(
    `SELECT id FROM "Comment" WHERE "projectId" = $1 AND "parentId" IS NULL
     ORDER BY "createdAt", id OFFSET $2 LIMIT 1`,
    [longThread, (deepPage - 1) * PAGE - 1],
  );
  const roundId = async (k: number) =>
    (await setup.query<{ id: string }>(`SELECT ${uuidOf("rr", "$1::int")}::text AS id`, [k])).rows[0]!.id;
  const apiRound = await roundId(plan.apiRound);
  const baselineRound = await roundId(plan.baselineRound);
  const commentTarget = await idOf(setup, roundProjectNumber(plan.apiRound));
  const [{ version } = { version: "?" }] = (await setup.query<{ version: string }>("SELECT version()")).rows;
  const database = databaseLabel(mode.kind, version, mode.kind === "pglite" ? pgliteVersion() : undefined);
  await setup.close();

  return {
    target,
    size,
    timings,
    genMs,
    sessions,
    longThread,
    threadLength,
    deepPage,
    deepCursor: deepCursor!.id,
    apiRound,
    baselineRound,
    commentTarget,
    database,
  };
}
