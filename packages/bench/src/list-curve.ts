// Project list p95 as the table grows (a separate database: 1k, 10k, 100k projects at scale 1).
// On PGlite the bench closes the directory before each API start and opens it again to grow it.
import { baseSql, type DatasetSize } from "./dataset.js";
import { get } from "./endpoints.js";
import { createSessions, growProjects, type Sessions } from "./generate.js";
import { runLoad } from "./load.js";
import { WARM_UP_S, type BenchOptions } from "./options.js";
import type { LoadResult } from "./report.js";
import { withDatabase, type ScratchDatabases } from "./scratch-databases.js";
import type { Servers } from "./servers.js";

export interface ListCurvePoint {
  projects: number;
  /** Seconds it took to grow the table to this size. */
  growS: number;
  result: LoadResult;
}

export async function measureListCurve(
  options: BenchOptions,
  servers: Servers,
  databases: ScratchDatabases,
  size: DatasetSize,
): Promise<ListCurvePoint[]> {
  const { scale } = options.mode;
  const listCurve: ListCurvePoint[] = [];
  const steps = [...new Set([1_000, 10_000, 100_000].map((n) => Math.max(100, Math.round(n * scale))))];
  const curveSize: DatasetSize = { ...size, projects: steps.at(-1)! };
  const curve = await databases.fresh("pglite-curve");
  let curveSessions: Sessions;
  try {
    await curve.db.query(baseSql(curveSize).join(";\n"));
    curveSessions = await createSessions(curve.db, curveSize, 50);
  } finally {
    await curve.db.close();
  }
  let have = 0;
  for (const n of steps) {
    const growMs = await withDatabase(curve.target, (db) => growProjects(db, curveSize, have + 1, n));
    have = n;
    const curveApi = await servers.startApi(curve.target);
    const listRequest = get("project.list", {});
    const curveTokens = curveSessions.delegates.map((d) => d.token);
    await runLoad({
      endpoint: "warm-up",
      target: "api",
      baseUrl: curveApi.url,
      concurrency: options.targetConcurrency,
      durationS: WARM_UP_S,
      request: listRequest,
      tokens: curveTokens,
    });
    const result = await runLoad({
      endpoint: `project list, ${n.toLocaleString("en-US")} projects`,
      target: "api",
      baseUrl: curveApi.url,
      concurrency: options.targetConcurrency,
      durationS: options.durationS,
      request: listRequest,
      tokens: curveTokens,
    });
    await servers.stop(curveApi.child);
    listCurve.push({ projects: n, growS: growMs / 1000, result });
    console.log(`${result.endpoint}: p95 ${result.p95.toFixed(1)} ms`);
  }
  return listCurve;
}
