// The tally check after the vote load: one counted vote per distinct voter answered 2xx, by SQL
// (read back once the servers have stopped) and, for the API, through review.round as a coordinator.
import type { Endpoint } from "./endpoints.js";
import type { LoadOutcome } from "./load-phases.js";
import type { PreparedDataset } from "./prepare-dataset.js";
import { withDatabase } from "./scratch-databases.js";

export interface TallyCheck {
  /** Per target: distinct voters answered 2xx, Vote rows by SQL, review.round's voters, exact. */
  rows: (string | number)[][];
  /** The API's tallies are exact, by SQL and through review.round. */
  exact: boolean;
}

export async function checkVoteTallies(
  dataset: PreparedDataset,
  endpoints: readonly Endpoint[],
  load: LoadOutcome,
): Promise<TallyCheck> {
  const votes = endpoints.find((e) => e.succeeded)!;
  const rows: (string | number)[][] = [];
  let exactAll = true;
  await withDatabase(dataset.target, async (db) => {
    for (const [t, roundId] of [
      ["api", dataset.apiRound],
      ["baseline", dataset.baselineRound],
    ] as const) {
      const voters = votes.succeeded![t].size;
      const {
        rows: [bySql],
      } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Vote" WHERE "roundId" = $1`, [roundId]);
      const viaApi = t === "api" ? load.apiRoundVoters : Number.NaN;
      if (t === "api" && load.apiRoundCounted !== voters) exactAll = false;
      const exact = Number(bySql!.n) === voters && (t !== "api" || viaApi === voters);
      if (t === "api" && !exact) exactAll = false;
      rows.push([t, voters, bySql!.n, Number.isNaN(viaApi) ? "–" : viaApi, exact ? "yes" : "**no**"]);
    }
  });
  return { rows, exact: exactAll };
}
