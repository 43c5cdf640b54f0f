// Pure helpers for the Lighthouse run: the figures of one report, and the markdown tables.
import { markdownTable } from "./report.js";

/** The figures kept from one Lighthouse report (times in milliseconds). */
export interface LighthouseFigures {
  /** The performance category's score, 0–100. */
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  speedIndexMs: number;
  /** Bytes of script the page loaded over the network during the run (compressed, with headers). */
  scriptBytes: number;
}

export interface PageResult {
  name: string;
  path: string;
  /** Each figure's median over the runs. */
  median: LighthouseFigures;
  runs: LighthouseFigures[];
}

/** The shape of a Lighthouse result this reads (a subset of `LH.Result`). */
export interface ReportLike {
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
}

const numeric = (lhr: ReportLike, audit: string): number => lhr.audits[audit]?.numericValue ?? Number.NaN;

export function figuresOf(lhr: ReportLike): LighthouseFigures {
  const score = lhr.categories.performance?.score;
  return {
    score: score === null || score === undefined ? Number.NaN : Math.round(score * 100),
    lcpMs: numeric(lhr, "largest-contentful-paint"),
    tbtMs: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    fcpMs: numeric(lhr, "first-contentful-paint"),
    speedIndexMs: numeric(lhr, "speed-index"),
    scriptBytes: scriptBytesOf(lhr),
  };
}

function scriptBytesOf(lhr: ReportLike): number {
  const details = lhr.audits["network-requests"]?.details as
    { items?: { resourceType?: string; transferSize?: number }[] } | undefined;
  if (!details?.items) return Number.NaN;
  return details.items
    .filter((r) => r.resourceType === "Script")
    .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each figure's median over the runs (so one disturbed run moves none of them much). */
export function medianFigures(runs: readonly LighthouseFigures[]): LighthouseFigures {
  const of = (key: keyof LighthouseFigures) => median(runs.map((r) => r[key]));
  return {
    score: of("score"),
    lcpMs: of("lcpMs"),
    tbtMs: of("tbtMs"),
    cls: of("cls"),
    fcpMs: of("fcpMs"),
    speedIndexMs: of("speedIndexMs"),
    scriptBytes: of("scriptBytes"),
  };
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "–");
const millis = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : "–");
const shift = (cls: number) => (Number.isFinite(cls) ? cls.toFixed(3) : "–");
const whole = (n: number) => (Number.isFinite(n) ? String(n) : "–");

/** One row per page: the median score and metrics, whether the score meets the target, every run's score. */
export function lighthouseTable(pages: readonly PageResult[], minScore: number): string {
  return markdownTable(
    [
      "page",
      "score",
      `≥ ${minScore}`,
      "LCP",
      "TBT",
      "CLS",
      "FCP",
      "Speed Index",
      "scripts loaded, KB",
      "scores of the runs",
    ],
    pages.map((p) => [
      `${p.name} (\`${p.path}\`)`,
      whole(p.median.score),
      p.median.score >= minScore ? "met" : "**not met**",
      seconds(p.median.lcpMs),
      millis(p.median.tbtMs),
      shift(p.median.cls),
      seconds(p.median.fcpMs),
      seconds(p.median.speedIndexMs),
      Number.isFinite(p.median.scriptBytes) ? (p.median.scriptBytes / 1024).toFixed(1) : "–",
      p.runs.map((r) => whole(r.score)).join(", "),
    ]),
  );
}
