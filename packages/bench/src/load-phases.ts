// The load step: every endpoint on every target at every concurrency, phase after phase (PostgreSQL:
// both servers at once, their runs interleaved; PGlite: the API, then the baseline), after checking
// that every read answers; then, on the API, its own tally of its round and the comment pages.
import { get, readTokensOf, type Endpoint } from "./endpoints.js";
import { queryPath, runLoad } from "./load.js";
import { targetPhases, type Target } from "./mode.js";
import { VOTES_PER_RUN, WARM_UP_S, WARM_UP_VOTES, type BenchOptions } from "./options.js";
import type { PreparedDataset } from "./prepare-dataset.js";
import type { LoadResult } from "./report.js";
import type { Server, Servers } from "./servers.js";

export interface LoadOutcome {
  /** Every endpoint's runs, per concurrency and target. */
  results: LoadResult[];
  /** Comment page 1 and the deep page (API, target concurrency). */
  commentPages: LoadResult[];
  /** The API's own tally of its round after the vote load: voters, and the votes counted. */
  apiRoundVoters: number;
  apiRoundCounted: number;
}

export async function runLoadPhases(
  options: BenchOptions,
  servers: Servers,
  dataset: PreparedDataset,
  endpoints: readonly Endpoint[],
): Promise<LoadOutcome> {
  const outcome: LoadOutcome = {
    results: [],
    commentPages: [],
    apiRoundVoters: Number.NaN,
    apiRoundCounted: Number.NaN,
  };
  for (const phase of targetPhases(options.mode.kind)) {
    const up: Partial<Record<Target, Server>> = {};
    for (const t of phase)
      up[t] =
        t === "api" ? await servers.startApi(dataset.target) : await servers.startBaseline(dataset.target);
    const urlOf = (t: Target) => up[t]!.url;

    await checkReadsAnswer(endpoints, phase, urlOf);
    for (const e of endpoints) outcome.results.push(...(await measureEndpoint(options, e, phase, urlOf)));

    if (up.api) {
      const tally = await apiRoundTally(urlOf("api"), dataset);
      outcome.apiRoundVoters = tally.voters;
      outcome.apiRoundCounted = tally.counted;
      outcome.commentPages.push(...(await measureCommentPages(options, urlOf("api"), dataset)));
    }
    await Promise.all(phase.map((t) => servers.stop(up[t]!.child)));
  }
  return outcome;
}

/** Correctness first: every read request answers 200 on every target. */
async function checkReadsAnswer(
  endpoints: readonly Endpoint[],
  phase: readonly Target[],
  urlOf: (t: Target) => string,
): Promise<void> {
  for (const e of endpoints.filter((e) => e.read)) {
    for (const t of phase) {
      const res = await fetch(urlOf(t) + e[t].path, {
        headers: { authorization: `Bearer ${e.tokens[0]}` },
      });
      if (!res.ok) throw new Error(`${e.name} on ${t}: ${res.status} ${await res.text()}`);
    }
  }
}

/** One endpoint: its warm-up on each target, then a run per concurrency and target. */
async function measureEndpoint(
  options: BenchOptions,
  e: Endpoint,
  phase: readonly Target[],
  urlOf: (t: Target) => string,
): Promise<LoadResult[]> {
  const onSuccess = (t: Target) =>
    e.succeeded ? { onSuccess: (token: string) => e.succeeded![t].add(token) } : {};
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
      concurrency: options.targetConcurrency,
      request: e[t],
      tokens: e.tokens,
      ...onSuccess(t),
    });
  }
  const results: LoadResult[] = [];
  for (const c of options.concurrencies) {
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
        durationS: options.durationS,
        request: e[t],
        tokens: e.tokens,
        ...onSuccess(t),
      });
      results.push(r);
      console.log(
        `${e.name} c=${c} ${t}: ${r.rps.toFixed(0)} req/s p95 ${r.p95.toFixed(1)} ms errors ${r.errors}`,
      );
    }
  }
  return results;
}

/** The API's own tally of its round, through review.round as a coordinator. */
async function apiRoundTally(
  apiUrl: string,
  dataset: PreparedDataset,
): Promise<{ voters: number; counted: number }> {
  const res = await fetch(apiUrl + queryPath("review.round", { roundId: dataset.apiRound }), {
    headers: { authorization: `Bearer ${dataset.sessions.coordinator}` },
  });
  const body = (await res.json()) as {
    result: { data: { voters: number; results: unknown } };
  };
  return { voters: body.result.data.voters, counted: countVotesIn(body.result.data.results) };
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

/** Comment page 1 versus the deep page (API, target concurrency). */
async function measureCommentPages(
  options: BenchOptions,
  apiUrl: string,
  dataset: PreparedDataset,
): Promise<LoadResult[]> {
  const { longThread, deepPage, deepCursor } = dataset;
  const pages: LoadResult[] = [];
  for (const [name, input] of [
    ["comment page 1", { projectId: longThread }],
    [`comment page ${deepPage}`, { projectId: longThread, cursor: deepCursor }],
  ] as const) {
    pages.push(
      await runLoad({
        endpoint: name,
        target: "api",
        baseUrl: apiUrl,
        concurrency: options.targetConcurrency,
        durationS: options.durationS,
        request: get("comment.list", input),
        tokens: readTokensOf(dataset),
      }),
    );
  }
  return pages;
}
