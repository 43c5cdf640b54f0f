import { describe, expect, it } from "vitest";
import { figuresOf, lighthouseTable, median, medianFigures, type ReportLike } from "./lighthouse-report.js";

const report = (score: number | null, values: Record<string, number>): ReportLike => ({
  categories: { performance: { score } },
  audits: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { numericValue: v }])),
});

describe("figuresOf", () => {
  it("reads the score (0–100) and the metrics", () => {
    const f = figuresOf(
      report(0.934, {
        "largest-contentful-paint": 2100.4,
        "total-blocking-time": 120,
        "cumulative-layout-shift": 0.0123,
        "first-contentful-paint": 900,
        "speed-index": 1500,
      }),
    );
    expect(f).toEqual({
      score: 93,
      lcpMs: 2100.4,
      tbtMs: 120,
      cls: 0.0123,
      fcpMs: 900,
      speedIndexMs: 1500,
      scriptBytes: Number.NaN,
    });
  });

  it("adds up the scripts the page loaded", () => {
    const lhr = report(1, {});
    lhr.audits["network-requests"] = {
      details: {
        items: [
          { resourceType: "Document", transferSize: 30_000 },
          { resourceType: "Script", transferSize: 1024 },
          { resourceType: "Script", transferSize: 2048 },
        ],
      },
    };
    expect(figuresOf(lhr).scriptBytes).toBe(3072);
  });

  it("gives NaN for what the report lacks", () => {
    const f = figuresOf(report(null, {}));
    expect(f.score).toBeNaN();
    expect(f.lcpMs).toBeNaN();
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("is taken figure by figure", () => {
    const run = (score: number, tbtMs: number) => ({
      score,
      lcpMs: 1000,
      tbtMs,
      cls: 0,
      fcpMs: 900,
      speedIndexMs: 1000,
      scriptBytes: 180_000,
    });
    expect(medianFigures([run(80, 890), run(99, 130), run(98, 170)])).toEqual(run(98, 170));
  });
});

describe("lighthouseTable", () => {
  it("shows the median run, the target and every run's score", () => {
    const median = figuresOf(
      report(0.91, {
        "largest-contentful-paint": 2500,
        "total-blocking-time": 80.4,
        "cumulative-layout-shift": 0,
        "first-contentful-paint": 1200,
        "speed-index": 1800,
      }),
    );
    const low = { ...median, score: 85 };
    const table = lighthouseTable(
      [
        { name: "project list", path: "/projects", median, runs: [median, median, low] },
        { name: "project page", path: "/projects/[id]", median: low, runs: [low] },
      ],
      90,
    ).split("\n");
    expect(table[2]).toBe(
      "| project list (`/projects`) | 91 | met | 2.50 s | 80 ms | 0.000 | 1.20 s | 1.80 s | – | 91, 91, 85 |",
    );
    expect(table[3]).toContain("| 85 | **not met** |");
  });
});
