// pnpm bench [-- --scale 0.1 --duration 5 --concurrency 1,16,64 --keep]
// Generates the dataset into a fresh PostgreSQL database, starts the built API and the pg
// baseline as child processes, loads both with autocannon, checks the vote tallies, measures the
// scaling curve, and writes packages/bench/results/latest.md (and prints it).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
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
  createSessions,
  dropDatabase,
  generate,
  growProjects,
  type Sessions,
  type Timed,
} from "./generate.js";
import { batchPath, queryPath, runLoad, type RequestSpec } from "./load.js";
import { checkTargets, loadTable, markdownTable, targetsTable, type LoadResult } from "./report.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, "..");
const repoRoot = path.resolve(packageDir, "../..");

const { values: args } = parseArgs({
  // `pnpm bench -- --scale 0.1` passes the "--" through.
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    scale: { type: "string", default: "1" },
    duration: { type: "string", default: "5" },
    concurrency: { type: "string", default: "1,16,64" },
    keep: { type: "boolean", default: false },
    "skip-scaling": { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const scale = Number(args.scale);
const durationS = Number(args.duration);
const concurrencies = args.concurrency.split(",").map(Number);
const TARGET_CONCURRENCY = concurrencies.includes(16) ? 16 : concurrencies.at(-1)!;
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres): the bench " +
      "creates a fresh database there and drops it afterwards. The embedded PGlite database cannot be " +
      "shared with the pg baseline process (PGlite is single-process), so the bench runs on PostgreSQL.",
  );
  process.exit(2);
}

const children: ChildProcess[] = [];
const databases: string[] = [];

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

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startApi(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, "apps/api/dist/server.js")], {
    cwd: path.join(repoRoot, "apps/api"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      LODESTONE_AUTO_MIGRATE: "0",
      LODESTONE_SEED_DEMO: "0",
      LODESTONE_INTERNAL_SECRET: randomBytes(24).toString("hex"),
      // Counted as in production (one statement per mutation), but never refusing: the whole
      // load comes from one client address.
      RATE_LIMIT_MUTATIONS_PER_USER: "1000000",
      RATE_LIMIT_MUTATIONS_PER_IP: "1000000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, "the API");
  return { url, child };
}

async function startBaseline(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(here, "baseline.js")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, "the baseline");
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  // Let requests still in flight when the load generator stopped finish first.
  await new Promise((r) => setTimeout(r, 500));
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
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

async function idOf(url: string, n: number): Promise<string> {
  const rows = await sql<{ id: string }>(url, `SELECT id FROM "Project" WHERE number = $1`, [n]);
  return rows[0]!.id;
}

const PAGE = 20;

async function main() {
  const size = sizeAt(scale);
  const started = new Date();
  const log: string[] = [];
  const say = (s: string) => {
    console.log(s);
    log.push(s);
  };
  say(`Dataset at scale ${scale}: ${JSON.stringify(size)}`);

  const mainDb = await createDatabase(serverUrl!);
  databases.push(mainDb.name);
  const genT0 = performance.now();
  const timings = await generate(mainDb.url, size);
  const genMs = performance.now() - genT0;
  say(`Generated in ${(genMs / 1000).toFixed(1)} s`);
  const sessions = await createSessions(mainDb.url, size, 400);
  const delegateTokens = sessions.delegates.map((d) => d.token);

  const api = await startApi(mainDb.url);
  const baseline = await startBaseline(mainDb.url);

  const longThread = await idOf(mainDb.url, LONG_THREAD_PROJECT);
  const plan = roundPlan(size);
  const threadLength = Number(
    (
      await sql<{ n: string }>(
        mainDb.url,
        `SELECT count(*) AS n FROM "Comment" WHERE "projectId" = $1 AND "parentId" IS NULL`,
        [longThread],
      )
    )[0]!.n,
  );
  const deepPage = Math.max(2, Math.min(1000, Math.floor(threadLength / PAGE)));
  const [deepCursor] = await sql<{ id: string }>(
    mainDb.url,
    `SELECT id FROM "Comment" WHERE "projectId" = $1 AND "parentId" IS NULL
     ORDER BY "createdAt", id OFFSET $2 LIMIT 1`,
    [longThread, (deepPage - 1) * PAGE - 1],
  );
  const apiRound = (
    await sql<{ id: string }>(mainDb.url, `SELECT ${uuidOf("rr", "$1::int")}::text AS id`, [plan.apiRound])
  )[0]!.id;
  const baselineRound = (
    await sql<{ id: string }>(mainDb.url, `SELECT ${uuidOf("rr", "$1::int")}::text AS id`, [
      plan.baselineRound,
    ])
  )[0]!.id;
  const commentTarget = await idOf(mainDb.url, roundProjectNumber(plan.apiRound));

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

  // Correctness first: every request answers 200 on both targets.
  for (const e of endpoints.filter((e) => e.read)) {
    for (const [t, spec, base] of [
      ["api", e.api, api.url],
      ["baseline", e.baseline, baseline.url],
    ] as const) {
      const res = await fetch(base + spec.path, {
        headers: { authorization: `Bearer ${e.tokens[0]}` },
      });
      if (!res.ok) throw new Error(`${e.name} on ${t}: ${res.status} ${await res.text()}`);
    }
  }

  const results: LoadResult[] = [];
  for (const e of endpoints) {
    // A short warm-up per endpoint and target (JIT, Prisma's query plans, PostgreSQL's caches); not counted.
    for (const target of ["api", "baseline"] as const) {
      await runLoad({
        ...(e.succeeded ? { amount: 40 } : {}),
        endpoint: e.name,
        target,
        baseUrl: target === "api" ? api.url : baseline.url,
        concurrency: 4,
        durationS: 1,
        request: e[target],
        tokens: e.tokens,
        ...(e.succeeded ? { onSuccess: (t: string) => e.succeeded![target].add(t) } : {}),
      });
    }
    for (const c of concurrencies) {
      for (const target of ["api", "baseline"] as const) {
        // Votes run a fixed number of requests (1,000, or 10 per connection), so that every
        // request sent is answered and the distinct voters are known exactly.
        const amount = e.succeeded ? Math.max(c * 10, 1000) : undefined;
        const r = await runLoad({
          ...(amount ? { amount } : {}),
          endpoint: e.name,
          target,
          baseUrl: target === "api" ? api.url : baseline.url,
          concurrency: c,
          durationS,
          request: e[target],
          tokens: e.tokens,
          ...(e.succeeded ? { onSuccess: (t: string) => e.succeeded![target].add(t) } : {}),
        });
        results.push(r);
        console.log(
          `${e.name} c=${c} ${target}: ${r.rps.toFixed(0)} req/s p95 ${r.p95.toFixed(1)} ms errors ${r.errors}`,
        );
      }
    }
  }

  // Tallies: one counted vote per distinct voter, by SQL and through review.round as a coordinator.
  const votes = endpoints.find((e) => e.succeeded)!;
  const tallyRows: (string | number)[][] = [];
  let talliesExact = true;
  for (const [target, roundId] of [
    ["api", apiRound],
    ["baseline", baselineRound],
  ] as const) {
    const voters = votes.succeeded![target].size;
    const [bySql] = await sql<{ n: string }>(
      mainDb.url,
      `SELECT count(*) AS n FROM "Vote" WHERE "roundId" = $1`,
      [roundId],
    );
    let viaApi = Number.NaN;
    if (target === "api") {
      const res = await fetch(api.url + queryPath("review.round", { roundId }), {
        headers: { authorization: `Bearer ${sessions.coordinator}` },
      });
      const body = (await res.json()) as {
        result: { data: { voters: number; results: unknown } };
      };
      viaApi = body.result.data.voters;
      const counted = countVotesIn(body.result.data.results);
      if (counted !== voters) talliesExact = false;
    }
    const exact = Number(bySql!.n) === voters && (target !== "api" || viaApi === voters);
    if (target === "api" && !exact) talliesExact = false;
    tallyRows.push([target, voters, bySql!.n, Number.isNaN(viaApi) ? "–" : viaApi, exact ? "yes" : "**no**"]);
  }

  // Comment page 1 versus the deep page (API, target concurrency).
  const commentPages: LoadResult[] = [];
  for (const [name, input] of [
    ["comment page 1", { projectId: longThread }],
    [`comment page ${deepPage}`, { projectId: longThread, cursor: deepCursor!.id }],
  ] as const) {
    commentPages.push(
      await runLoad({
        endpoint: name,
        target: "api",
        baseUrl: api.url,
        concurrency: TARGET_CONCURRENCY,
        durationS,
        request: get("comment.list", input),
        tokens: readTokens,
      }),
    );
  }
  await Promise.all([stop(api.child), stop(baseline.child)]);

  // Project list p95 as the table grows (a separate database: 1k, 10k, 100k projects at scale 1).
  const listCurve: { projects: number; growS: number; result: LoadResult }[] = [];
  if (!args["skip-scaling"]) {
    const steps = [...new Set([1_000, 10_000, 100_000].map((n) => Math.max(100, Math.round(n * scale))))];
    const curve = await createDatabase(serverUrl!);
    databases.push(curve.name);
    const curveSize: DatasetSize = { ...size, projects: steps.at(-1)! };
    await sql(curve.url, baseSql(curveSize).join(";\n"));
    const curveSessions: Sessions = await createSessions(curve.url, curveSize, 50);
    let have = 0;
    for (const n of steps) {
      const growMs = await growProjects(curve.url, curveSize, have + 1, n);
      have = n;
      const curveApi = await startApi(curve.url);
      const listRequest = get("project.list", {});
      const curveTokens = curveSessions.delegates.map((d) => d.token);
      await runLoad({
        endpoint: "warm-up",
        target: "api",
        baseUrl: curveApi.url,
        concurrency: 4,
        durationS: 1,
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
    results,
    readEndpoints: readNames,
    voteEndpoint: "cast a vote",
    concurrency: TARGET_CONCURRENCY,
    commentPage1P95: commentPages[0]!.p95,
    commentPageNP95: commentPages[1]!.p95,
    listSmallP95: listCurve[0]?.result.p95 ?? Number.NaN,
    listLargeP95: listCurve.at(-1)?.result.p95 ?? Number.NaN,
    talliesExact,
  });

  const [{ version: pgVersion } = { version: "?" }] = await sql<{ version: string }>(
    serverUrl!,
    "SELECT version()",
  );
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
    pgVersion,
    deepPage,
    threadLength,
  });
  await mkdir(path.join(packageDir, "results"), { recursive: true });
  await writeFile(path.join(packageDir, "results", "latest.md"), md);
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
  pgVersion: string;
  deepPage: number;
  threadLength: number;
}

function report(r: ReportInput): string {
  const cpus = os.cpus();
  const lines = [
    `# Benchmark — ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, ${r.pgVersion.split(",")[0]}. Scale ${scale}; ${durationS} s per run; ` +
      `concurrency ${concurrencies.join(", ")}. The load generator, the API, the baseline and PostgreSQL ` +
      `share the machine.`,
    "",
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
    "## Load (API over HTTP vs. the same SQL through pg in a minimal node:http server)",
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
  if (!args.keep) for (const name of databases) await dropDatabase(serverUrl, name).catch(() => {});
}
