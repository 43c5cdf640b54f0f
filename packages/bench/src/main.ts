// pnpm bench [-- --db postgres|pglite --scale 0.1 --duration 5 --concurrency 1,16,64 --keep --live-only]
// Generates the dataset into a fresh PostgreSQL database (DATABASE_URL set) or a fresh PGlite data
// directory (otherwise, or --db pglite), starts the built API and the raw-SQL baseline as child
// processes, loads both with autocannon, checks the vote tallies, measures the scaling curve and (on
// PostgreSQL) live delivery to 1,000 subscriptions over two API instances, and
// writes packages/bench/results/latest.md (PostgreSQL) or pglite.md (PGlite), and prints it.
//
// PGlite is single-process: the bench opens the data directory to generate the dataset and
// closes it; then the API (PGlite in-process, its embedded mode) runs every endpoint and stops;
// then the baseline (PGlite's query API in-process) does; then the bench reads the tallies back.
import { benchEndpoints, VOTE_ENDPOINT } from "./endpoints.js";
import { measureListCurve } from "./list-curve.js";
import { liveChecks, liveSection, measureLive } from "./live-delivery.js";
import { runLoadPhases } from "./load-phases.js";
import { parseOptions, UsageError, type BenchOptions } from "./options.js";
import { prepareDataset } from "./prepare-dataset.js";
import { checkTargets, targetsTable } from "./report.js";
import { resultsReport, writeResults } from "./results-report.js";
import { ScratchDatabases } from "./scratch-databases.js";
import { nodeFlags, Servers } from "./servers.js";
import { checkVoteTallies } from "./vote-tallies.js";

async function main(options: BenchOptions, servers: Servers, databases: ScratchDatabases): Promise<void> {
  const started = new Date();
  const dataset = await prepareDataset(options.mode, databases);
  if (options.liveOnly) {
    const live = await measureLive(options, servers, dataset);
    const title = `# Live delivery — ${started.toISOString().slice(0, 16).replace("T", " ")} UTC (scale ${options.mode.scale})`;
    const checks = live ? liveChecks(live) : [];
    await writeResults("live.md", [title, "", ...liveSection(live), targetsTable(checks), ""].join("\n"));
    return;
  }
  const endpoints = benchEndpoints(dataset);
  const load = await runLoadPhases(options, servers, dataset, endpoints);
  const tallies = await checkVoteTallies(dataset, endpoints, load);
  const listCurve = options.skipScaling
    ? []
    : await measureListCurve(options, servers, databases, dataset.size);
  const live = await measureLive(options, servers, dataset);

  const checks = checkTargets({
    // Every API run counts for the errors target, the scaling runs too.
    results: [...load.results, ...load.commentPages, ...listCurve.map((l) => l.result)],
    readEndpoints: endpoints.filter((e) => e.read).map((e) => e.name),
    voteEndpoint: VOTE_ENDPOINT,
    concurrency: options.targetConcurrency,
    commentPage1P95: load.commentPages[0]!.p95,
    commentPageNP95: load.commentPages[1]!.p95,
    listSmallP95: listCurve[0]?.result.p95 ?? Number.NaN,
    listLargeP95: listCurve.at(-1)?.result.p95 ?? Number.NaN,
    talliesExact: tallies.exact,
  });
  if (live) checks.push(...liveChecks(live));

  const md = resultsReport({
    options,
    started,
    size: dataset.size,
    timings: dataset.timings,
    genMs: dataset.genMs,
    results: load.results,
    tallyRows: tallies.rows,
    commentPages: load.commentPages,
    listCurve,
    live,
    checks,
    database: dataset.database,
    deepPage: dataset.deepPage,
    threadLength: dataset.threadLength,
    nodeFlags,
    unexpectedExits: servers.unexpectedExits,
  });
  await writeResults(options.mode.resultsFile, md);
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2), process.env.DATABASE_URL);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const servers = new Servers();
const databases = new ScratchDatabases(options.mode);
try {
  await main(options, servers, databases);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await servers.stopAll();
  await databases.cleanUp(options.keep);
}
