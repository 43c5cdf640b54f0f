// The endpoints under load: the same request to the API and to the baseline (the vote, to a
// round of each), with the tokens signed in for it.
import { batchPath, queryPath, type RequestSpec } from "./load.js";
import type { PreparedDataset } from "./prepare-dataset.js";

export interface Endpoint {
  name: string;
  read: boolean;
  api: RequestSpec;
  baseline: RequestSpec;
  tokens: readonly string[];
  /** Tokens answered with a 2xx, per target (for the vote tally check). */
  succeeded?: { api: Set<string>; baseline: Set<string> };
}

/** The name of the vote endpoint, for the targets. */
export const VOTE_ENDPOINT = "cast a vote";

export function get(procedure: string, input: unknown): RequestSpec {
  return {
    method: "GET",
    path: input === undefined ? `/trpc/${procedure}` : queryPath(procedure, input),
  };
}

export function post(procedure: string, input: unknown): RequestSpec {
  return { method: "POST", path: `/trpc/${procedure}`, body: JSON.stringify(input) };
}

/** The tokens the reads are sent with (the first 50 delegates). */
export function readTokensOf(dataset: PreparedDataset): string[] {
  return dataset.sessions.delegates.slice(0, 50).map((d) => d.token);
}

export function benchEndpoints(dataset: PreparedDataset): Endpoint[] {
  const { longThread, deepPage, deepCursor, commentTarget, apiRound, baselineRound } = dataset;
  const delegateTokens = dataset.sessions.delegates.map((d) => d.token);
  const readTokens = readTokensOf(dataset);
  const same = (spec: RequestSpec) => ({ api: spec, baseline: spec });
  return [
    { name: "project list, first page", read: true, tokens: readTokens, ...same(get("project.list", {})) },
    {
      name: "project list, filtered (in review, Dy)",
      read: true,
      tokens: readTokens,
      ...same(get("project.list", { status: ["IN_REVIEW"], commodity: "DY" })),
    },
    {
      name: "project list, search q=分離",
      read: true,
      tokens: readTokens,
      ...same(get("project.list", { q: "分離" })),
    },
    {
      name: "project page + first comments",
      read: true,
      tokens: readTokens,
      ...same({
        method: "GET",
        path: batchPath([
          ["project.get", { projectId: longThread }],
          ["comment.list", { projectId: longThread }],
        ]),
      }),
    },
    {
      name: `comment page ${deepPage} (deep)`,
      read: true,
      tokens: readTokens,
      ...same(get("comment.list", { projectId: longThread, cursor: deepCursor })),
    },
    {
      name: "dashboard.pipeline",
      read: true,
      tokens: readTokens,
      ...same(get("dashboard.pipeline", undefined)),
    },
    {
      name: "post a comment",
      read: false,
      tokens: delegateTokens,
      ...same(
        post("comment.post", { projectId: commentTarget, stance: "SUPPORT", body: "Bench: looks sound." }),
      ),
    },
    {
      name: VOTE_ENDPOINT,
      read: false,
      tokens: delegateTokens,
      api: post("review.castVote", { roundId: apiRound, choice: "APPROVE" }),
      baseline: post("review.castVote", { roundId: baselineRound, choice: "APPROVE" }),
      succeeded: { api: new Set(), baseline: new Set() },
    },
  ];
}
