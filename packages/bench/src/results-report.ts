// The results step: the run's markdown report, written to packages/bench/results (latest.md on
// PostgreSQL, pglite.md on PGlite) and printed.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatasetSize } from "./dataset.js";
import type { Timed } from "./generate.js";
import type { ListCurvePoint } from "./list-curve.js";
import { liveSection, type LiveOutcome } from "./live-delivery.js";
import { DEFAULT_SCALE } from "./mode.js";
import { VOTES_PER_RUN, WARM_UP_S, WARM_UP_VOTES, type BenchOptions } from "./options.js";
import { PAGE } from "./prepare-dataset.js";
import { loadTable, markdownTable, targetsTable, type LoadResult, type TargetCheck } from "./report.js";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

export interface ReportInput {
  options: BenchOptions;
  started: Date;
  size: DatasetSize;
  timings: Timed[];
  genMs: number;
  results: LoadResult[];
  tallyRows: (string | number)[][];
  commentPages: LoadResult[];
  listCurve: ListCurvePoint[];
  /** Live delivery (PostgreSQL only; null on PGlite). */
  live: LiveOutcome | null;
  checks: TargetCheck[];
  /** "PostgreSQL 15.14" or "PGlite 0.5.16 (PostgreSQL 17.5, WebAssembly)". */
  database: string;
  deepPage: number;
  threadLength: number;
  /** The Node flags the API and the baseline run with. */
  nodeFlags: readonly string[];
  /** Servers that exited before the bench stopped them. */
  unexpectedExits: readonly string[];
}

export function resultsReport(r: ReportInput): string {
  const { mode, durationS, concurrencies, targetConcurrency } = r.options;
  const { scale, kind } = mode;
  const cpus = os.cpus();
  const pglite = kind === "pglite";
  const lines = [
    `# Benchmark${pglite ? " on PGlite" : ""} — ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Database: **${r.database}**. Scale **${scale}**` +
      (scale === DEFAULT_SCALE[kind] ? ` (the default on ${pglite ? "PGlite" : "PostgreSQL"})` : "") +
      ".",
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}${r.nodeFlags.length ? ` (API and baseline: ${r.nodeFlags.join(" ")})` : ""}. ` +
      `${durationS} s per run (votes: ${VOTES_PER_RUN.toLocaleString("en-US")} requests, or 10 per connection); concurrency ${concurrencies.join(", ")}; ` +
      `before each endpoint's runs, ${WARM_UP_S} s (votes: ${WARM_UP_VOTES}) at concurrency ${targetConcurrency} per server to warm it, not counted. ` +
      (pglite
        ? "The API runs in its embedded mode (PGlite in its own process, one connection); the baseline opens " +
          "the same data directory with PGlite in its process. PGlite is single-process, so the two do not run " +
          "side by side: the API served every endpoint below first and was stopped, then the baseline did. " +
          "The load generator and the server under load share the machine."
        : "The load generator, the API, the baseline and PostgreSQL share the machine."),
    "",
    ...r.unexpectedExits.map((e) => `**Warning: ${e} during the run; the runs after it failed.**\n`),
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
    `## Scaling (API, concurrency ${targetConcurrency})`,
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
    ...liveSection(r.live),
    `## Targets (concurrency ${targetConcurrency})`,
    "",
    targetsTable(r.checks),
    "",
  ];
  return lines.join("\n");
}

/** Writes the report to results/<file> and prints it. */
export async function writeResults(file: string, md: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, file), md);
  console.log(`\n${md}`);
}
