import { describe, expect, it } from "vitest";
import {
  budgetTable,
  firstLoadFiles,
  routeOfManifest,
  routesTable,
  withinBudget,
  type RouteSize,
} from "./web-budget-files.js";

const MANIFEST = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/(app)/projects/page"] = {
  "moduleLoading": {},
  "entryJSFiles": {
    "[project]/apps/web/src/app/layout": ["static/chunks/layout-a.js", "static/chunks/shared.js"],
    "[project]/apps/web/src/app/error": ["static/chunks/shared.js", "static/chunks/error.js"],
    "[project]/apps/web/src/app/(app)/projects/page": ["static/chunks/page.js", "static/chunks/main-1.js"]
  }
};`;

describe("firstLoadFiles", () => {
  it("takes the root main files and every entry's scripts, once each", () => {
    expect(firstLoadFiles(MANIFEST, ["static/chunks/main-1.js", "static/chunks/main-2.js"])).toEqual([
      "static/chunks/main-1.js",
      "static/chunks/main-2.js",
      "static/chunks/layout-a.js",
      "static/chunks/shared.js",
      "static/chunks/error.js",
      "static/chunks/page.js",
    ]);
  });
});

describe("routeOfManifest", () => {
  it("drops route groups and the file name", () => {
    expect(routeOfManifest("(app)/projects/[id]/page_client-reference-manifest.js")).toBe("/projects/[id]");
    expect(routeOfManifest("sign-in/check-email/page_client-reference-manifest.js")).toBe(
      "/sign-in/check-email",
    );
    expect(routeOfManifest("page_client-reference-manifest.js")).toBe("/");
  });
});

describe("the budget", () => {
  const sizes: RouteSize[] = [
    { route: "/projects", scripts: 11, rawBytes: 600 * 1024, gzipBytes: 170 * 1024 },
    { route: "/projects/[id]", scripts: 12, rawBytes: 700 * 1024, gzipBytes: 180.5 * 1024 },
    { route: "/sign-in", scripts: 9, rawBytes: 500 * 1024, gzipBytes: 150 * 1024 },
  ];
  const budget = [
    { name: "project list", route: "/projects", limitKb: 180 },
    { name: "project page", route: "/projects/[id]", limitKb: 180 },
  ];

  it("says per route whether it is within its limit", () => {
    const table = budgetTable(budget, sizes).split("\n");
    expect(table[2]).toBe("| project list (`/projects`) | 170.0 | 180 | met |");
    expect(table[3]).toBe("| project page (`/projects/[id]`) | 180.5 | 180 | **not met** |");
    expect(withinBudget(budget, sizes)).toBe(false);
    expect(withinBudget(budget.slice(0, 1), sizes)).toBe(true);
  });

  it("counts a route missing from the build as over", () => {
    expect(withinBudget([{ name: "x", route: "/x", limitKb: 999 }], sizes)).toBe(false);
    expect(budgetTable([{ name: "x", route: "/x", limitKb: 999 }], sizes)).toContain("not built");
  });

  it("lists every route, largest first", () => {
    const rows = routesTable(sizes).split("\n").slice(2);
    expect(rows).toEqual([
      "| `/projects/[id]` | 12 | 700.0 | 180.5 |",
      "| `/projects` | 11 | 600.0 | 170.0 |",
      "| `/sign-in` | 9 | 500.0 | 150.0 |",
    ]);
  });
});
