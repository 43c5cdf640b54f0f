// Which database the bench runs against, at what scale, and in what order the servers run.

export type DatabaseKind = "postgres" | "pglite";
export type Target = "api" | "baseline";

/**
 * The scale when --scale is not given. PGlite generates the dataset in one WebAssembly thread
 * inside the bench process and serves each target through one connection, so it gets a tenth:
 * 2,000 projects and 100,000 comments, generated in 6–8 s after 3–7 s of migrations (measured
 * on a shared 2-core machine; 0.05 took 5 s, 0.25 took 23 s), the whole run in about 8 minutes,
 * and the same size as the committed PostgreSQL run results/scale-0.1.md, so the two compare.
 */
export const DEFAULT_SCALE: Record<DatabaseKind, number> = { postgres: 1, pglite: 0.1 };

export interface BenchMode {
  kind: DatabaseKind;
  scale: number;
  /** PostgreSQL server the bench creates its databases on (postgres only). */
  serverUrl?: string;
  /** Where the report goes, inside packages/bench/results. */
  resultsFile: string;
}

/**
 * `--db postgres|pglite`; without it PostgreSQL when DATABASE_URL is set, else PGlite.
 * Throws with a message for the user when the choice cannot run.
 */
export function resolveMode(o: {
  db?: string | undefined;
  scale?: string | undefined;
  databaseUrl?: string | undefined;
}): BenchMode {
  const databaseUrl = o.databaseUrl || undefined;
  if (o.db !== undefined && o.db !== "postgres" && o.db !== "pglite") {
    throw new Error(`--db takes "postgres" or "pglite", not "${o.db}".`);
  }
  const kind: DatabaseKind = (o.db as DatabaseKind | undefined) ?? (databaseUrl ? "postgres" : "pglite");
  if (kind === "postgres" && !databaseUrl) {
    throw new Error(
      "--db postgres needs DATABASE_URL set to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres): " +
        "the bench creates a fresh database there and drops it afterwards.",
    );
  }
  const scale = o.scale === undefined ? DEFAULT_SCALE[kind] : Number(o.scale);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`--scale takes a positive number, not "${o.scale}".`);
  return {
    kind,
    scale,
    ...(kind === "postgres" ? { serverUrl: databaseUrl } : {}),
    resultsFile: kind === "postgres" ? "latest.md" : "pglite.md",
  };
}

/**
 * The servers that run together, phase after phase. PostgreSQL serves both at once, so their
 * runs interleave; a PGlite directory opens in one process only, so the API runs every endpoint
 * first, is stopped, and then the baseline does.
 */
export function targetPhases(kind: DatabaseKind): Target[][] {
  return kind === "postgres" ? [["api", "baseline"]] : [["api"], ["baseline"]];
}

/** "PostgreSQL 15.14" or "PGlite 0.5.16 (PostgreSQL 17.5)", from `SELECT version()`. */
export function databaseLabel(kind: DatabaseKind, version: string, pgliteVersion?: string): string {
  const postgres = /^PostgreSQL [^\s,]+/.exec(version)?.[0] ?? version;
  return kind === "postgres" ? postgres : `PGlite ${pgliteVersion ?? "?"} (${postgres}, WebAssembly)`;
}
