// pnpm bench [-- --db postgres|pglite --scale 0.1 --duration 5 --concurrency 1,16,64 --keep]
// Generates the dataset into a fresh PostgreSQL database (DATABASE_URL set) or a fresh PGlite data
// directory (otherwise, or --db pglite), starts the built API and the raw-SQL baseline as child
// processes, loads both with autocannon, checks the vote tallies, measures the scaling curve, and
// writes packages/bench/results/latest.md (PostgreSQL) or pglite.md (PGlite), and prints it.
//
// PGlite is single-process: the bench opens the data directory to generate the dataset and
// closes it; then the API (PGlite in-process, its embedded mode) runs every endpoint and stops;
// then the baseline (PGlite's query API in-process) does; then the bench reads the tallies back.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  baseSql,
  LONG_THREAD_PROJECT,
  roundPlan,
  roundProjectNumber,
  sizeAt,
  type DatasetSize,
  uuidOf,
} from "./dataset.js";
import {
  createDatabase,
  createPgliteDatabase,
  createSessions,
  dropDatabase,
  generate,
  growProjects,
  type Sessions,
  type Timed,
} from "./generate.js";
import { generateSigningKey } from "@lodestone/db/decision-seal";
import { freePort } from "./free-port.js";
import { batchPath, queryPath, runLoad, type RequestSpec } from "./load.js";
import {
  DEFAULT_SCALE,
  databaseLabel,
  resolveMode,
  targetPhases,
  type BenchMode,
  type Target,
} from "./mode.js";
import { checkTargets, loadTable, markdownTable, targetsTable, type LoadResult } from "./report.js";
import {
  openSqlDatabase,
  pgliteVersion,
  type SqlDatabase,
  type SqlQueryable,
  type SqlTarget,
} from "./sql-database.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, "..");
const repoRoot = path.resolve(packageDir, "../..");

const { values: args } = parseArgs({
  // `pnpm bench -- --scale 0.1` passes the "--" through.
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    db: { type: "string" },
    scale: { type: "string" },
    duration: { type: "string", default: "5" },
    concurrency: { type: "string", default: "1,16,64" },
    keep: { type: "boolean", default: false },
    "skip-scaling": { type: "boolean", default: false },
  },
  allowPositionals: true,
});
let mode: BenchMode;
try {
  mode = resolveMode({ db: args.db, scale: args.scale, databaseUrl: process.env.DATABASE_URL });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { scale, serverUrl } = mode;
const durationS = Number(args.duration);
const concurrencies = args.concurrency.split(",").map(Number);
const TARGET_CONCURRENCY = concurrencies.includes(16) ? 16 : concurrencies.at(-1)!;
/** The warm-up before each endpoint's runs, per target: seconds of reads, or votes. */
const WARM_UP_S = 3;
const WARM_UP_VOTES = 500;
/** Votes per run (at least 10 per connection): a fixed number, so every vote sent is answered. */
const VOTES_PER_RUN = 2000;
const children: ChildProcess[] = [];
const databases: string[] = [];
/** Temporary directories holding PGlite data directories (removed at the end unless --keep). */
const scratchDirs: string[] = [];

async function waitForHealth(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

/** The child's environment for a database: DATABASE_URL, or LODESTONE_DATA_DIR and no DATABASE_URL. */
function databaseEnv(target: SqlTarget): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, LODESTONE_DATA_DIR: _dir, ...rest } = process.env;
  return target.kind === "postgres"
    ? { ...rest, DATABASE_URL: target.url }
    : { ...rest, LODESTONE_DATA_DIR: target.dataDir };
}

interface Server {
  url: string;
  child: ChildProcess;
}

/**
 * The API's start command (apps/api's `start` script, as `pnpm start` runs it): its Node flags
 * are given to the baseline too, so both run on the same runtime settings.
 */
const apiStart = (
  JSON.parse(readFileSync(path.join(repoRoot, "apps/api/package.json"), "utf8")) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .slice(1);
const nodeFlags = apiStart.filter((arg) => arg.startsWith("--"));

async function startApi(target: SqlTarget): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, apiStart, {
    cwd: path.join(repoRoot, "apps/api"),
    env: {
      ...databaseEnv(target),
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      // The embedded database starts as `pnpm start` starts it: pending migrations applied (none).
      ...(target.kind === "postgres" ? { LODESTONE_AUTO_MIGRATE: "0" } : {}),
      LODESTONE_SEED_DEMO: "0",
      LODESTONE_INTERNAL_SECRET: randomBytes(24).toString("hex"),
      LODESTONE_DECISION_SIGNING_KEY: generateSigningKey(),
      // Counted as in production (one statement per mutation), but never refusing: the whole
      // load comes from one client address.
      RATE_LIMIT_MUTATIONS_PER_USER: "1000000",
      RATE_LIMIT_MUTATIONS_PER_IP: "1000000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  watchExit(child, "the API");
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, "the API");
  return { url, child };
}

async function startBaseline(target: SqlTarget): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, path.join(here, "baseline.js")], {
    env: { ...databaseEnv(target), PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  watchExit(child, "the baseline");
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, "the baseline");
  return { url, child };
}

const stopping = new WeakSet<ChildProcess>();
/** Servers that exited before the bench stopped them (named in the report). */
const unexpectedExits: string[] = [];

function watchExit(child: ChildProcess, name: string): void {
  child.once("exit", (code, signal) => {
    if (stopping.has(child)) return;
    const what = `${name} (process ${child.pid}) exited on its own with ${signal ?? `code ${code}`}`;
    unexpectedExits.push(what);
    console.error(what);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  stopping.add(child);
  // Let requests still in flight when the load generator stopped finish first.
  await new Promise((r) => setTimeout(r, 500));
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

/** A fresh, empty database with the schema: a PostgreSQL database or a PGlite directory. */
async function freshDatabase(label: string): Promise<{ target: SqlTarget; db: SqlDatabase }> {
  if (mode.kind === "postgres") {
    const created = await createDatabase(serverUrl!);
    databases.push(created.name);
    const target: SqlTarget = { kind: "postgres", url: created.url };
    return { target, db: await openSqlDatabase(target, "the benchmark") };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "lodestone-bench-"));
  scratchDirs.push(dir);
  const target: SqlTarget = { kind: "pglite", dataDir: path.join(dir, label) };
  return { target, db: await createPgliteDatabase(target.dataDir) };
}

async function withDatabase<T>(target: SqlTarget, work: (db: SqlDatabase) => Promise<T>): Promise<T> {
  const db = await openSqlDatabase(target, "the benchmark");
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

interface Endpoint {
  name: string;
  read: boolean;
  api: RequestSpec;
  baseline: RequestSpec;
  tokens: readonly string[];
  /** Tokens answered with a 2xx, per target (for the vote tally check). */
  succeeded?: { api: Set<string>; baseline: Set<string> };
}

async function idOf(db: SqlQueryable, n: number): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Project" WHERE number = $1`, [n]);
  return rows[0]!.id;
}

const PAGE = 20;

async function main() {
  const size = sizeAt(scale);
  const started = new Date();
  console.log(`Dataset at scale ${scale} on ${mode.kind}: ${JSON.stringify(size)}`);

  // Generate, create the sessions and read what the load needs; then close the database, so that
  // on PGlite the servers can open it.
  const dataset = await freshDatabase("pglite");
  const target = dataset.target;
  let setup: SqlDatabase | undefined = dataset.db;
  const genT0 = performance.now();
  const timings = await generate(setup, size);
  const genMs = performance.now() - genT0;
  console.log(`Generated in ${(genMs / 1000).toFixed(1)} s`);
  const sessions = await createSessions(setup, size, 400);
  const delegateTokens = sessions.delegates.map((d) => d.token);

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
    (await setup!.query<{ id: string }>(`SELECT ${uuidOf("rr", "$1::int")}::text AS id`, [k])).rows[0]!.id;
  const apiRound = await roundId(plan.apiRound);
  const baselineRound = await roundId(plan.baselineRound);
  const commentTarget = await idOf(setup, roundProjectNumber(plan.apiRound));
  const [{ version } = { version: "?" }] = (await setup.query<{ version: string }>("SELECT version()")).rows;
  const database = databaseLabel(mode.kind, version, mode.kind === "pglite" ? pgliteVersion() : undefined);
  await setup.close();
  setup = undefined;

  const same = (spec: RequestSpec) => ({ api: spec, baseline: spec });
  const readTokens = delegateTokens.slice(0, 50);
  const endpoints: Endpoint[] = [
    { name: "project list, first page", read: true, tokens: readTokens, ...same(get("project.list", {})) },
    {
      name: "project list, filtered (in review, Dy)",
      read: true,
      tokens: readTokens,
      ...same(get("project.list", { status: ["IN_REVIEW"], commodity: "DY" })),
    },
    {
      name: "project list, search q=分離",
      read: true,
      tokens: readTokens,
      ...same(get("project.list", { q: "分離" })),
    },
    {
      name: "project page + first comments",
      read: true,
      tokens: readTokens,
      ...same({
        method: "GET",
        path: batchPath([
          ["project.get", { id: longThread }],
          ["comment.list", { projectId: longThread }],
        ]),
      }),
    },
    {
      name: `comment page ${deepPage} (deep)`,
      read: true,
      tokens: readTokens,
      ...same(get("comment.list", { projectId: longThread, cursor: deepCursor!.id })),
    },
    {
      name: "dashboard.pipeline",
      read: true,
      tokens: readTokens,
      ...same(get("dashboard.pipeline", undefined)),
    },
    {
      name: "post a comment",
      read: false,
      tokens: delegateTokens,
      ...same(
        post("comment.post", { projectId: commentTarget, stance: "SUPPORT", body: "Bench: looks sound." }),
      ),
    },
    {
      name: "cast a vote",
      read: false,
      tokens: delegateTokens,
      api: post("review.castVote", { roundId: apiRound, choice: "APPROVE" }),
      baseline: post("review.castVote", { roundId: baselineRound, choice: "APPROVE" }),
      succeeded: { api: new Set(), baseline: new Set() },
    },
  ];

  const results: LoadResult[] = [];
  const commentPages: LoadResult[] = [];
  let apiRoundVoters = Number.NaN;
  let apiRoundCounted = Number.NaN;
  // PostgreSQL: both servers at once, their runs interleaved. PGlite: the API, then the baseline.
  for (const phase of targetPhases(mode.kind)) {
    const up: Partial<Record<Target, Server>> = {};
    for (const t of phase) up[t] = t === "api" ? await startApi(target) : await startBaseline(target);
    const urlOf = (t: Target) => up[t]!.url;

    // Correctness first: every request answers 200 on every target.
    for (const e of endpoints.filter((e) => e.read)) {
      for (const t of phase) {
        const res = await fetch(urlOf(t) + e[t].path, {
          headers: { authorization: `Bearer ${e.tokens[0]}` },
        });
        if (!res.ok) throw new Error(`${e.name} on ${t}: ${res.status} ${await res.text()}`);
      }
    }

    for (const e of endpoints) {
      // A warm-up per endpoint and target, not counted: JIT, Prisma's query plans, the pools'
      // connections and prepared statements, the database's caches. A freshly started API is
      // still compiling its hot paths for several seconds: after 1 s at concurrency 4 (the warm-up
      // before), its first page cost 1.3 ms of CPU per request instead of 0.97 in steady state,
      // and the first endpoint measured read low (0.50 of the baseline; 0.58 after this warm-up).
      for (const t of phase) {
        await runLoad({
          ...(e.succeeded ? { amount: WARM_UP_VOTES } : {}),
          durationS: WARM_UP_S,
          endpoint: e.name,
          target: t,
          baseUrl: urlOf(t),
          concurrency: TARGET_CONCURRENCY,
          request: e[t],
          tokens: e.tokens,
          ...(e.succeeded ? { onSuccess: (token: string) => e.succeeded![t].add(token) } : {}),
        });
      }
      for (const c of concurrencies) {
        for (const t of phase) {
          // Votes run a fixed number of requests, so that every request sent is answered and the
          // distinct voters are known exactly.
          const amount = e.succeeded ? Math.max(c * 10, VOTES_PER_RUN) : undefined;
          const r = await runLoad({
            ...(amount ? { amount } : {}),
            endpoint: e.name,
            target: t,
            baseUrl: urlOf(t),
            concurrency: c,
            durationS,
            request: e[t],
            tokens: e.tokens,
            ...(e.succeeded ? { onSuccess: (token: string) => e.succeeded![t].add(token) } : {}),
          });
          results.push(r);
          console.log(
            `${e.name} c=${c} ${t}: ${r.rps.toFixed(0)} req/s p95 ${r.p95.toFixed(1)} ms errors ${r.errors}`,
          );
        }
      }
    }

    if (up.api) {
      // The API's own tally of its round, through review.round as a coordinator.
      const res = await fetch(urlOf("api") + queryPath("review.round", { roundId: apiRound }), {
        headers: { authorization: `Bearer ${sessions.coordinator}` },
      });
      const body = (await res.json()) as {
        result: { data: { voters: number; results: unknown } };
      };
      apiRoundVoters = body.result.data.voters;
      apiRoundCounted = countVotesIn(body.result.data.results);

      // Comment page 1 versus the deep page (API, target concurrency).
      for (const [name, input] of [
        ["comment page 1", { projectId: longThread }],
        [`comment page ${deepPage}`, { projectId: longThread, cursor: deepCursor!.id }],
      ] as const) {
        commentPages.push(
          await runLoad({
            endpoint: name,
            target: "api",
            baseUrl: urlOf("api"),
            concurrency: TARGET_CONCURRENCY,
            durationS,
            request: get("comment.list", input),
            tokens: readTokens,
          }),
        );
      }
    }
    await Promise.all(phase.map((t) => stop(up[t]!.child)));
  }

  // Tallies: one counted vote per distinct voter, by SQL (read back once the servers have
  // stopped) and through review.round as a coordinator.
  const votes = endpoints.find((e) => e.succeeded)!;
  const tallyRows: (string | number)[][] = [];
  let talliesExact = true;
  await withDatabase(target, async (db) => {
    for (const [t, roundId] of [
      ["api", apiRound],
      ["baseline", baselineRound],
    ] as const) {
      const voters = votes.succeeded![t].size;
      const {
        rows: [bySql],
      } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Vote" WHERE "roundId" = $1`, [roundId]);
      const viaApi = t === "api" ? apiRoundVoters : Number.NaN;
      if (t === "api" && apiRoundCounted !== voters) talliesExact = false;
      const exact = Number(bySql!.n) === voters && (t !== "api" || viaApi === voters);
      if (t === "api" && !exact) talliesExact = false;
      tallyRows.push([t, voters, bySql!.n, Number.isNaN(viaApi) ? "–" : viaApi, exact ? "yes" : "**no**"]);
    }
  });

  // Project list p95 as the table grows (a separate database: 1k, 10k, 100k projects at scale 1).
  // On PGlite the bench closes the directory before each API start and opens it again to grow it.
  const listCurve: { projects: number; growS: number; result: LoadResult }[] = [];
  if (!args["skip-scaling"]) {
    const steps = [...new Set([1_000, 10_000, 100_000].map((n) => Math.max(100, Math.round(n * scale))))];
    const curveSize: DatasetSize = { ...size, projects: steps.at(-1)! };
    const curve = await freshDatabase("pglite-curve");
    let curveSessions: Sessions;
    try {
      await curve.db.query(baseSql(curveSize).join(";\n"));
      curveSessions = await createSessions(curve.db, curveSize, 50);
    } finally {
      await curve.db.close();
    }
    let have = 0;
    for (const n of steps) {
      const growMs = await withDatabase(curve.target, (db) => growProjects(db, curveSize, have + 1, n));
      have = n;
      const curveApi = await startApi(curve.target);
      const listRequest = get("project.list", {});
      const curveTokens = curveSessions.delegates.map((d) => d.token);
      await runLoad({
        endpoint: "warm-up",
        target: "api",
        baseUrl: curveApi.url,
        concurrency: TARGET_CONCURRENCY,
        durationS: WARM_UP_S,
        request: listRequest,
        tokens: curveTokens,
      });
      const result = await runLoad({
        endpoint: `project list, ${n.toLocaleString("en-US")} projects`,
        target: "api",
        baseUrl: curveApi.url,
        concurrency: TARGET_CONCURRENCY,
        durationS,
        request: listRequest,
        tokens: curveTokens,
      });
      await stop(curveApi.child);
      listCurve.push({ projects: n, growS: growMs / 1000, result });
      console.log(`${result.endpoint}: p95 ${result.p95.toFixed(1)} ms`);
    }
  }

  const readNames = endpoints.filter((e) => e.read).map((e) => e.name);
  const checks = checkTargets({
    // Every API run counts for the errors target, the scaling runs too.
    results: [...results, ...commentPages, ...listCurve.map((l) => l.result)],
    readEndpoints: readNames,
    voteEndpoint: "cast a vote",
    concurrency: TARGET_CONCURRENCY,
    commentPage1P95: commentPages[0]!.p95,
    commentPageNP95: commentPages[1]!.p95,
    listSmallP95: listCurve[0]?.result.p95 ?? Number.NaN,
    listLargeP95: listCurve.at(-1)?.result.p95 ?? Number.NaN,
    talliesExact,
  });

  const md = report({
    started,
    size,
    timings,
    genMs,
    results,
    tallyRows,
    commentPages,
    listCurve,
    checks,
    database,
    deepPage,
    threadLength,
  });
  await mkdir(path.join(packageDir, "results"), { recursive: true });
  await writeFile(path.join(packageDir, "results", mode.resultsFile), md);
  console.log(`\n${md}`);
}

function countVotesIn(results: unknown): number {
  // review.round's results: per delegation, approve / reject / abstain counts.
  let n = 0;
  const walk = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.approve === "number" && typeof o.reject === "number" && typeof o.abstain === "number") {
      n += o.approve + o.reject + o.abstain;
      return;
    }
    for (const child of Object.values(o)) walk(child);
  };
  walk(results);
  return n;
}

function get(procedure: string, input: unknown): RequestSpec {
  return {
    method: "GET",
    path: input === undefined ? `/trpc/${procedure}` : queryPath(procedure, input),
  };
}

function post(procedure: string, input: unknown): RequestSpec {
  return { method: "POST", path: `/trpc/${procedure}`, body: JSON.stringify(input) };
}

interface ReportInput {
  started: Date;
  size: DatasetSize;
  timings: Timed[];
  genMs: number;
  results: LoadResult[];
  tallyRows: (string | number)[][];
  commentPages: LoadResult[];
  listCurve: { projects: number; growS: number; result: LoadResult }[];
  checks: ReturnType<typeof checkTargets>;
  /** "PostgreSQL 15.14" or "PGlite 0.5.16 (PostgreSQL 17.5, WebAssembly)". */
  database: string;
  deepPage: number;
  threadLength: number;
}

function report(r: ReportInput): string {
  const cpus = os.cpus();
  const pglite = mode.kind === "pglite";
  const lines = [
    `# Benchmark${pglite ? " on PGlite" : ""} — ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Database: **${r.database}**. Scale **${scale}**` +
      (scale === DEFAULT_SCALE[mode.kind] ? ` (the default on ${pglite ? "PGlite" : "PostgreSQL"})` : "") +
      ".",
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}${nodeFlags.length ? ` (API and baseline: ${nodeFlags.join(" ")})` : ""}. ` +
      `${durationS} s per run (votes: ${VOTES_PER_RUN.toLocaleString("en-US")} requests, or 10 per connection); concurrency ${concurrencies.join(", ")}; ` +
      `before each endpoint's runs, ${WARM_UP_S} s (votes: ${WARM_UP_VOTES}) at concurrency ${TARGET_CONCURRENCY} per server to warm it, not counted. ` +
      (pglite
        ? "The API runs in its embedded mode (PGlite in its own process, one connection); the baseline opens " +
          "the same data directory with PGlite in its process. PGlite is single-process, so the two do not run " +
          "side by side: the API served every endpoint below first and was stopped, then the baseline did. " +
          "The load generator and the server under load share the machine."
        : "The load generator, the API, the baseline and PostgreSQL share the machine."),
    "",
    ...unexpectedExits.map((e) => `**Warning: ${e} during the run; the runs after it failed.**\n`),
    "## Dataset",
    "",
    markdownTable(
      ["step", "rows", "seconds"],
      [
        ...r.timings.map((t) => [t.label, t.rows.toLocaleString("en-US"), (t.ms / 1000).toFixed(1)]),
        ["total", "", (r.genMs / 1000).toFixed(1)],
      ],
    ),
    "",
    `Sizes: ${Object.entries(r.size)
      .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
      .join(", ")}. The long thread has ${r.threadLength.toLocaleString("en-US")} top-level comments ` +
      `(${PAGE} per page; the deep page is page ${r.deepPage}).`,
    "",
    `## Load (API over HTTP vs. the same SQL through ${pglite ? "PGlite's query API" : "pg"} in a minimal node:http server)`,
    "",
    loadTable(r.results),
    "",
    "## Vote tallies after the vote load",
    "",
    markdownTable(
      ["target", "distinct voters answered 2xx", "Vote rows (SQL)", "review.round voters", "exact"],
      r.tallyRows,
    ),
    "",
    `## Scaling (API, concurrency ${TARGET_CONCURRENCY})`,
    "",
    ...(r.listCurve.length === 0
      ? [
          "**The project-list scaling curve was not measured in this run (--skip-scaling)**: the list-growth " +
            "target below has no figures.",
          "",
        ]
      : pglite
        ? [
            "The list curve uses a second PGlite directory, grown by the bench between API runs (closed while the API runs).",
            "",
          ]
        : []),
    markdownTable(
      ["request", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
      [...r.commentPages, ...r.listCurve.map((l) => l.result)].map((x) => [
        x.endpoint,
        x.rps.toFixed(0),
        x.p50.toFixed(1),
        x.p95.toFixed(1),
        x.p99.toFixed(1),
        x.errors,
      ]),
    ),
    "",
    `## Targets (concurrency ${TARGET_CONCURRENCY})`,
    "",
    targetsTable(r.checks),
    "",
  ];
  return lines.join("\n");
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await Promise.all(children.map(stop));
  if (args.keep) {
    for (const dir of scratchDirs) console.log(`Kept the PGlite data in ${dir}`);
  } else {
    for (const name of databases) await dropDatabase(serverUrl!, name).catch(() => {});
    for (const dir of scratchDirs) await rm(dir, { recursive: true, force: true });
  }
}
