// Which scripts a route loads first, read from Next's build manifests, and the budget's tables.
import { runInNewContext } from "node:vm";
import { markdownTable } from "./report.js";

/**
 * The root main files plus every script listed for the manifest's entries (root and group
 * layouts, error/not-found/forbidden boundaries, the page), once each, in that order.
 */
export function firstLoadFiles(manifestSource: string, rootMainFiles: readonly string[]): string[] {
  const sandbox = { globalThis: {} as Record<string, unknown> };
  runInNewContext(manifestSource.replaceAll("globalThis", "sandbox.globalThis"), { sandbox });
  const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<
    string,
    { entryJSFiles?: Record<string, string[]> }
  >;
  const files = new Set(rootMainFiles);
  for (const m of Object.values(manifests)) {
    for (const list of Object.values(m.entryJSFiles ?? {})) for (const f of list) files.add(f);
  }
  return [...files];
}

/**
 * The URL pattern of an app-router page from its manifest's path under `.next/server/app`:
 * route groups (`(app)`) are not part of the URL.
 * `(app)/projects/[id]/page_client-reference-manifest.js` → `/projects/[id]`.
 */
export function routeOfManifest(relativePath: string): string {
  const segments = relativePath
    .replaceAll("\\", "/")
    .split("/")
    .slice(0, -1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`;
}

export interface RouteSize {
  route: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface BudgetLine {
  name: string;
  route: string;
  limitKb: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The budget: each named route's first-load JavaScript against its limit (gzip). */
export function budgetTable(budget: readonly BudgetLine[], sizes: readonly RouteSize[]): string {
  return markdownTable(
    ["route", "first-load JS, gzip KB", "limit KB", "within the limit"],
    budget.map((b) => {
      const size = sizes.find((s) => s.route === b.route);
      if (!size) return [`${b.name} (\`${b.route}\`)`, "not built", b.limitKb, "**not met**"];
      return [
        `${b.name} (\`${b.route}\`)`,
        kb(size.gzipBytes),
        b.limitKb,
        size.gzipBytes <= b.limitKb * 1024 ? "met" : "**not met**",
      ];
    }),
  );
}

/** Every route's first-load JavaScript, largest first. */
export function routesTable(sizes: readonly RouteSize[]): string {
  return markdownTable(
    ["route", "scripts", "raw KB", "gzip KB"],
    [...sizes]
      .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route))
      .map((s) => [`\`${s.route}\``, s.scripts, kb(s.rawBytes), kb(s.gzipBytes)]),
  );
}

export function withinBudget(budget: readonly BudgetLine[], sizes: readonly RouteSize[]): boolean {
  return budget.every((b) => {
    const size = sizes.find((s) => s.route === b.route);
    return size !== undefined && size.gzipBytes <= b.limitKb * 1024;
  });
}
