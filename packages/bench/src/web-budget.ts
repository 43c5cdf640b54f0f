// First-load JavaScript per route of the web's production build (gzip), from the build's
// manifests: the root main files (the framework, the router, React) plus every script the route's
// client-reference manifest lists for its entries (root and group layouts, error/not-found
// boundaries, the page). Scripts loaded later (on an action, or by another route) do not count;
// neither does the `nomodule` polyfill file, which browsers with ES modules never fetch, nor CSS.
// Prints the budget and every route's figures and writes them to results/web-budget.md; exits 1
// when a route is over its limit. Run after `pnpm --filter @lodestone/web build`:
// node dist/web-budget.js
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  budgetTable,
  firstLoadFiles,
  routeOfManifest,
  routesTable,
  withinBudget,
  type BudgetLine,
  type RouteSize,
} from "./web-budget-files.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const nextDir = path.join(repoRoot, "apps/web/.next");
const resultsFile = path.resolve(here, "../results/web-budget.md");
const MANIFEST = "page_client-reference-manifest.js";

const BUDGET: BudgetLine[] = [
  { name: "project list", route: "/projects", limitKb: 180 },
  { name: "project page", route: "/projects/[id]", limitKb: 180 },
];

function manifestsUnder(dir: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...manifestsUnder(path.join(dir, entry.name), rel));
    else if (entry.name === MANIFEST) found.push(rel);
  }
  return found;
}

function main() {
  if (!existsSync(path.join(nextDir, "build-manifest.json"))) {
    console.error("Build the web first: pnpm --filter @lodestone/web build");
    process.exit(2);
  }
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const gzipped = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (!size) {
      const bytes = readFileSync(path.join(nextDir, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes).length };
      gzipped.set(file, size);
    }
    return size;
  };

  const appDir = path.join(nextDir, "server/app");
  const sizes: RouteSize[] = manifestsUnder(appDir).map((rel) => {
    const files = firstLoadFiles(readFileSync(path.join(appDir, rel), "utf8"), build.rootMainFiles);
    const total = files.reduce(
      (sum, f) => {
        const s = sizeOf(f);
        return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
      },
      { raw: 0, gzip: 0 },
    );
    return { route: routeOfManifest(rel), scripts: files.length, rawBytes: total.raw, gzipBytes: total.gzip };
  });
  const shared = build.rootMainFiles.reduce((sum, f) => sum + sizeOf(f).gzip, 0);

  const budget = budgetTable(BUDGET, sizes);
  const routes = routesTable(sizes);
  const buildId = readFileSync(path.join(nextDir, "BUILD_ID"), "utf8").trim();
  const markdown = [
    `# Web budget — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `First-load JavaScript of the production build (\`next build\`, build ${buildId}): every script a route's HTML loads before it is interactive — the root main files (framework, router, React: ${(shared / 1024).toFixed(1)} KB gzip, the same for every route) plus the scripts of the route's layouts, error and not-found boundaries and page, from the build's manifests. Each file gzipped (zlib default level, as \`next start\` compresses) and counted once per route. Not counted: scripts loaded later (on an action, or by another route), the \`nomodule\` polyfills that browsers with ES modules never fetch, and CSS.`,
    "",
    "## Budget",
    "",
    budget,
    "",
    "## Every route",
    "",
    routes,
    "",
  ].join("\n");
  console.log(`${budget}\n\n${routes}`);
  writeFileSync(resultsFile, markdown);
  console.log(`\nWritten to ${path.relative(repoRoot, resultsFile)}`);
  if (!withinBudget(BUDGET, sizes)) process.exitCode = 1;
}

main();
