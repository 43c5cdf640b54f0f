import { describe, expect, it } from "vitest";
import { sizeAt, FULL_SIZE, delegateCount } from "./dataset.js";
import { checkTargets, loadTable, percentile, ratio, summarise, type LoadResult } from "./report.js";

const run = (over: Partial<LoadResult>): LoadResult => ({
  endpoint: "list",
  target: "api",
  concurrency: 16,
  requests: 100,
  durationS: 5,
  rps: 20,
  p50: 1,
  p95: 2,
  p99: 3,
  errors: 0,
  ...over,
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
  });
  it("is NaN without samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
  it("summarises unsorted latencies", () => {
    expect(summarise([5, 1, 3, 2, 4])).toEqual({ p50: 3, p95: 5, p99: 5 });
  });
});

describe("ratio", () => {
  it("divides the API's throughput by the baseline's", () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(10, 0)).toBeNaN();
  });
});

describe("loadTable", () => {
  it("puts the API and the baseline side by side with their ratio", () => {
    const table = loadTable([run({ rps: 300 }), run({ target: "baseline", rps: 600 })]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("| list | 16 | 300 | 1.0 / 2.0 / 3.0 | 0 | 600 | 1.0 / 2.0 / 3.0 | 0 | 0.50 |");
  });
  it("shows a dash where a side is missing", () => {
    expect(loadTable([run({})]).split("\n")[2]).toContain("| – | – | – | – |");
  });
});

describe("checkTargets", () => {
  const base = {
    readEndpoints: ["list"],
    voteEndpoint: "vote",
    concurrency: 16,
    commentPage1P95: 10,
    commentPageNP95: 14,
    listSmallP95: 10,
    listLargeP95: 19,
    talliesExact: true,
  };
  it("passes when every target is met", () => {
    const checks = checkTargets({
      ...base,
      results: [
        run({ rps: 500 }),
        run({ target: "baseline", rps: 1000 }),
        run({ endpoint: "vote", rps: 600 }),
      ],
    });
    expect(checks.every((c) => c.met)).toBe(true);
  });
  it("fails on a slow read, an error, a slow deep page, a slow large list and inexact tallies", () => {
    const checks = checkTargets({
      ...base,
      commentPageNP95: 16,
      listLargeP95: 21,
      talliesExact: false,
      results: [
        run({ rps: 499 }),
        run({ target: "baseline", rps: 1000 }),
        run({ endpoint: "vote", rps: 600, errors: 1 }),
      ],
    });
    expect(checks.filter((c) => c.met)).toEqual([]);
  });
});

describe("sizeAt", () => {
  it("is the issue's default at scale 1", () => {
    expect(sizeAt(1)).toEqual(FULL_SIZE);
  });
  it("keeps votes within what the rounds can hold (one per delegate per round)", () => {
    const s = sizeAt(0.01);
    expect(s.votes).toBeLessThanOrEqual(delegateCount(s.users) * (Math.floor(s.projects / 20) * 4 - 2));
  });
});

describe("firstLoadFiles", () => {
  it("unites the root main files with every entry's scripts, once each", async () => {
    // web-budget.ts runs its measurement when executed directly, not on import.
    const { firstLoadFiles } = await import("./web-budget-files.js");
    const source = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/p/page"] = {"entryJSFiles":{"layout":["a.js","b.js"],"page":["b.js","c.js"]}};`;
    expect(firstLoadFiles(source, ["main.js", "a.js"]).sort()).toEqual(["a.js", "b.js", "c.js", "main.js"]);
  });
});
