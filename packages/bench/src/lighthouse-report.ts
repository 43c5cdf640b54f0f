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
  /** Time to interactive: with FCP, what Lighthouse's median-run choice looks at. */
  interactiveMs: number;
}

export interface PageResult {
  name: string;
  path: string;
  /** The run closest to the median FCP and time to interactive (Lighthouse's own choice). */
  median: LighthouseFigures;
  runs: LighthouseFigures[];
}

/** The shape of a Lighthouse result this reads (a subset of `LH.Result`). */
export interface ReportLike {
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number } | undefined>;
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
    interactiveMs: numeric(lhr, "interactive"),
  };
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "–");
const millis = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : "–");
const shift = (cls: number) => (Number.isFinite(cls) ? cls.toFixed(3) : "–");
const whole = (n: number) => (Number.isFinite(n) ? String(n) : "–");

/** One row per page: the median run's score and metrics, whether the score meets the target, every run's score. */
export function lighthouseTable(pages: readonly PageResult[], minScore: number): string {
  return markdownTable(
    ["page", "score", `≥ ${minScore}`, "LCP", "TBT", "CLS", "FCP", "Speed Index", "scores of the runs"],
    pages.map((p) => [
      `${p.name} (\`${p.path}\`)`,
      whole(p.median.score),
      p.median.score >= minScore ? "met" : "**not met**",
      seconds(p.median.lcpMs),
      millis(p.median.tbtMs),
      shift(p.median.cls),
      seconds(p.median.fcpMs),
      seconds(p.median.speedIndexMs),
      p.runs.map((r) => whole(r.score)).join(", "),
    ]),
  );
}
