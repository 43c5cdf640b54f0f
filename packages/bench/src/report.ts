// Pure helpers: percentiles, the API ÷ baseline ratio, the targets, and the markdown tables.

export interface LoadResult {
  endpoint: string;
  target: "api" | "baseline";
  concurrency: number;
  requests: number;
  durationS: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
}

/** The q-th percentile (0–100) of latencies by the nearest-rank method; NaN when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(latenciesMs: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** API throughput over the baseline's (NaN when the baseline served nothing). */
export function ratio(api: number, baseline: number): number {
  return baseline > 0 ? api / baseline : Number.NaN;
}

const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";
const ms = (n: number) => fmt(n, 1);

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** One row per endpoint and concurrency: the API, the baseline, and the ratio of their throughputs. */
export function loadTable(results: readonly LoadResult[]): string {
  const rows: (string | number)[][] = [];
  const keys = [...new Set(results.map((r) => `${r.endpoint}\u0000${r.concurrency}`))];
  for (const key of keys) {
    const [endpoint, c] = key.split("\u0000") as [string, string];
    const find = (t: LoadResult["target"]) =>
      results.find((r) => r.endpoint === endpoint && String(r.concurrency) === c && r.target === t);
    const api = find("api");
    const base = find("baseline");
    const cells = (r: LoadResult | undefined) =>
      r ? [fmt(r.rps, 0), `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)}`, r.errors] : ["–", "–", "–"];
    rows.push([
      endpoint,
      c,
      ...cells(api),
      ...cells(base),
      api && base ? `${fmt(ratio(api.rps, base.rps), 2)}` : "–",
    ]);
  }
  return markdownTable(
    [
      "endpoint",
      "conc.",
      "API req/s",
      "API p50 / p95 / p99 ms",
      "API errors",
      "baseline req/s",
      "baseline p50 / p95 / p99 ms",
      "baseline errors",
      "API ÷ baseline",
    ],
    rows,
  );
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface TargetInputs {
  results: readonly LoadResult[];
  readEndpoints: readonly string[];
  voteEndpoint: string;
  concurrency: number;
  commentPage1P95: number;
  commentPageNP95: number;
  listSmallP95: number;
  listLargeP95: number;
  talliesExact: boolean;
}

/** The targets at the given concurrency. */
export function checkTargets(t: TargetInputs): TargetCheck[] {
  const at = (endpoint: string, target: LoadResult["target"]) =>
    t.results.find((r) => r.endpoint === endpoint && r.concurrency === t.concurrency && r.target === target);
  const checks: TargetCheck[] = [];
  for (const endpoint of t.readEndpoints) {
    const api = at(endpoint, "api");
    const base = at(endpoint, "baseline");
    const r = api && base ? ratio(api.rps, base.rps) : Number.NaN;
    checks.push({
      target: `${endpoint}: ≥ 50 % of the baseline's throughput`,
      measured: `${fmt(r * 100, 0)} %`,
      met: r >= 0.5,
    });
  }
  const apiErrors = t.results.filter((r) => r.target === "api").reduce((n, r) => n + r.errors, 0);
  checks.push({ target: "zero errors (API, every run)", measured: String(apiErrors), met: apiErrors === 0 });
  const deep = t.commentPageNP95 / t.commentPage1P95;
  checks.push({
    target: "deep comment page p95 ≤ 1.5 × page 1",
    measured: `${fmt(deep, 2)} ×`,
    met: deep <= 1.5,
  });
  const list = t.listLargeP95 / t.listSmallP95;
  checks.push({ target: "largest list p95 ≤ 2 × smallest", measured: `${fmt(list, 2)} ×`, met: list <= 2 });
  const votes = at(t.voteEndpoint, "api");
  checks.push({
    target: "votes ≥ 500/s with exact tallies",
    measured: `${fmt(votes?.rps ?? Number.NaN, 0)}/s, tallies ${t.talliesExact ? "exact" : "NOT exact"}`,
    met: (votes?.rps ?? 0) >= 500 && t.talliesExact,
  });
  return checks;
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  return markdownTable(
    ["target", "measured", "met"],
    checks.map((c) => [c.target, c.measured, c.met ? "yes" : "**no**"]),
  );
}
