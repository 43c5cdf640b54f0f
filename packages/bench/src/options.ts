// The bench's command line: `pnpm bench [-- --db postgres|pglite --scale 0.1 --duration 5
// --concurrency 1,16,64 --keep --skip-scaling --live-only]`, and the run settings that follow from it.
import { parseArgs } from "node:util";
import { resolveMode, type BenchMode } from "./mode.js";

/** The warm-up before each endpoint's runs, per target: seconds of reads, or votes. */
export const WARM_UP_S = 3;
export const WARM_UP_VOTES = 500;
/** Votes per run (at least 10 per connection): a fixed number, so every vote sent is answered. */
export const VOTES_PER_RUN = 2000;

export interface BenchOptions {
  mode: BenchMode;
  /** Seconds per load run. */
  durationS: number;
  /** The concurrencies every endpoint is measured at, in order. */
  concurrencies: number[];
  /** The concurrency the targets are checked at: 16 when measured, else the last one. */
  targetConcurrency: number;
  /** Keep the PGlite data directories and PostgreSQL databases instead of removing them. */
  keep: boolean;
  /** Leave out the project-list scaling curve. */
  skipScaling: boolean;
  /** Measure live delivery only (results/live.md). */
  liveOnly: boolean;
}

/** A database choice or scale that cannot run; its message is for the user. */
export class UsageError extends Error {}

/**
 * The options from the command line (`argv` without node and the script) and DATABASE_URL.
 * Throws a UsageError when the database choice or the scale cannot run (and parseArgs' own error
 * for an unknown option).
 */
export function parseOptions(argv: readonly string[], databaseUrl: string | undefined): BenchOptions {
  const { values: args } = parseArgs({
    // `pnpm bench -- --scale 0.1` passes the "--" through.
    args: argv.filter((a) => a !== "--"),
    options: {
      db: { type: "string" },
      scale: { type: "string" },
      duration: { type: "string", default: "5" },
      concurrency: { type: "string", default: "1,16,64" },
      keep: { type: "boolean", default: false },
      "skip-scaling": { type: "boolean", default: false },
      "live-only": { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  let mode: BenchMode;
  try {
    mode = resolveMode({ db: args.db, scale: args.scale, databaseUrl });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const concurrencies = args.concurrency.split(",").map(Number);
  return {
    mode,
    durationS: Number(args.duration),
    concurrencies,
    targetConcurrency: concurrencies.includes(16) ? 16 : concurrencies.at(-1)!,
    keep: args.keep,
    skipScaling: args["skip-scaling"],
    liveOnly: args["live-only"],
  };
}
