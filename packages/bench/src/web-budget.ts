// First-load JS per route of the web's production build (gzip), from the build's manifests:
// the root main files plus every script the route's client-reference manifest lists for its
// entries (root and group layouts, error/not-found boundaries, the page). Run after
// `pnpm --filter @lodestone/web build`: node dist/web-budget.js
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { firstLoadFiles } from "./web-budget-files.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const nextDir = path.resolve(here, "../../../apps/web/.next");

const ROUTES: Record<string, string> = {
  "project list (/projects)": "server/app/(app)/projects/page_client-reference-manifest.js",
  "project page (/projects/[id])": "server/app/(app)/projects/[id]/page_client-reference-manifest.js",
};

function main() {
  if (!existsSync(nextDir)) {
    console.error("Build the web first: pnpm --filter @lodestone/web build");
    process.exit(2);
  }
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const rows: string[] = ["| route | scripts | raw KB | gzip KB |", "| --- | --- | --- | --- |"];
  for (const [route, manifest] of Object.entries(ROUTES)) {
    const files = firstLoadFiles(readFileSync(path.join(nextDir, manifest), "utf8"), build.rootMainFiles);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const bytes = readFileSync(path.join(nextDir, f));
      raw += bytes.length;
      gz += gzipSync(bytes).length;
    }
    rows.push(`| ${route} | ${files.length} | ${(raw / 1024).toFixed(1)} | ${(gz / 1024).toFixed(1)} |`);
  }
  console.log(rows.join("\n"));
}

main();
