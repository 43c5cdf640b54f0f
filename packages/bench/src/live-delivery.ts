// The live step (PostgreSQL): two API instances, 1,000 live.events subscriptions spread over them
// (as 1,000 open browser tabs would hold), comments posted one after another through both; for
// every delivery, the time from the event's transaction to its arrival at the subscriber; and what
// the open connections cost a read endpoint's throughput (the same read, same instance, with and
// without them, in the same run).
import http from "node:http";
import { batchPath, runLoad } from "./load.js";
import { WARM_UP_S, type BenchOptions } from "./options.js";
import type { PreparedDataset } from "./prepare-dataset.js";
import { markdownTable, summarise, type LoadResult, type TargetCheck } from "./report.js";
import type { Servers } from "./servers.js";

export const LIVE_SUBSCRIPTIONS = 1000;
export const LIVE_EVENTS = 100;
/** The pause between two posted comments (ms): events arrive one at a time, as people write. */
const GAP_MS = 50;

export interface LiveOutcome {
  subscriptions: number;
  events: number;
  deliveries: number;
  lost: number;
  duplicates: number;
  p50: number;
  p95: number;
  p99: number;
  readWithout: LoadResult;
  readWith: LoadResult;
}

/**
 * One subscriber: an SSE stream read as an EventSource reads it, through node:http (lighter than
 * fetch's web streams: the load generator shares the machine with what it measures); the arrival
 * time of each comment.
 */
class Subscriber {
  readonly arrivals = new Map<string, number>();
  duplicates = 0;
  connected = false;
  private readonly request: http.ClientRequest;
  private buffer = "";

  constructor(base: string, token: string, onArrival: (latencyMs: number) => void) {
    const input = encodeURIComponent(JSON.stringify({}));
    this.request = http.get(
      `${base}/trpc/live.events?input=${input}`,
      { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } },
      (res) => {
        if (res.statusCode !== 200) console.warn(`live.events answered ${res.statusCode}`);
        res.setEncoding("utf8");
        res.on("data", (text: string) => {
          const now = Date.now();
          this.buffer += text;
          let end: number;
          while ((end = this.buffer.indexOf("\n\n")) >= 0) {
            const block = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            if (block.startsWith("event: connected")) this.connected = true;
            const data = block.split("\n").find((l) => l.startsWith("data: "));
            if (!data || block.includes("event:")) continue;
            const event = JSON.parse(data.slice(6)) as {
              type: string;
              data: { commentId?: string };
              at: string;
            };
            if (event.type !== "comment.posted" || !event.data.commentId) continue;
            if (this.arrivals.has(event.data.commentId)) this.duplicates += 1;
            else {
              this.arrivals.set(event.data.commentId, now);
              onArrival(now - Date.parse(event.at));
            }
          }
        });
        res.on("error", () => {});
      },
    );
    this.request.on("error", (error) => {
      if (!this.request.destroyed) console.warn(`a live subscription failed: ${String(error)}`);
    });
  }

  close() {
    this.request.destroy();
  }
}

async function until(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

export async function measureLive(
  options: BenchOptions,
  servers: Servers,
  dataset: PreparedDataset,
): Promise<LiveOutcome | null> {
  if (options.mode.kind !== "postgres") return null;
  const [a, b] = [await servers.startApi(dataset.target), await servers.startApi(dataset.target)];
  const tokens = dataset.sessions.delegates.map((d) => d.token);
  const read = {
    endpoint: "project page + first comments",
    target: "api" as const,
    baseUrl: a!.url,
    concurrency: options.targetConcurrency,
    durationS: options.durationS,
    request: {
      method: "GET" as const,
      path: batchPath([
        ["project.get", { projectId: dataset.longThread }],
        ["comment.list", { projectId: dataset.longThread }],
      ]),
    },
    tokens: tokens.slice(0, 50),
  };
  // A freshly started instance is still compiling its hot paths: warm it for longer than one run,
  // so that the read without subscriptions is not measured cold (and the cost of them overstated
  // or hidden).
  await runLoad({ ...read, durationS: WARM_UP_S + options.durationS });
  const readWithout = await runLoad(read);

  const latencies: number[] = [];
  const subscribers = Array.from(
    { length: LIVE_SUBSCRIPTIONS },
    (_, i) => new Subscriber(i % 2 ? b!.url : a!.url, tokens[i % tokens.length]!, (ms) => latencies.push(ms)),
  );
  try {
    if (!(await until(() => subscribers.every((s) => s.connected), 60_000))) {
      throw new Error(
        `only ${subscribers.filter((s) => s.connected).length} of ${LIVE_SUBSCRIPTIONS} subscriptions connected`,
      );
    }
    const readWith = await runLoad({
      ...read,
      endpoint: `${read.endpoint}, ${LIVE_SUBSCRIPTIONS} subscriptions open`,
    });

    const posted: string[] = [];
    for (let i = 0; i < LIVE_EVENTS; i++) {
      const via = i % 2 ? b! : a!;
      const res = await fetch(`${via.url}/trpc/comment.post`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, "content-type": "application/json" },
        body: JSON.stringify({ projectId: dataset.commentTarget, stance: "NEUTRAL", body: `Live ${i}.` }),
      });
      const body = (await res.json()) as { result?: { data: { id: string } } };
      if (!body.result) throw new Error(`comment.post answered ${res.status}`);
      posted.push(body.result.data.id);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    await until(() => subscribers.every((s) => posted.every((id) => s.arrivals.has(id))), 30_000);
    const deliveries = subscribers.reduce((n, s) => n + posted.filter((id) => s.arrivals.has(id)).length, 0);
    const { p50, p95, p99 } = summarise(latencies);
    const outcome: LiveOutcome = {
      subscriptions: LIVE_SUBSCRIPTIONS,
      events: LIVE_EVENTS,
      deliveries,
      lost: LIVE_SUBSCRIPTIONS * LIVE_EVENTS - deliveries,
      duplicates: subscribers.reduce((n, s) => n + s.duplicates, 0),
      p50,
      p95,
      p99,
      readWithout,
      readWith,
    };
    console.log(
      `live: ${deliveries} deliveries, ${outcome.lost} lost, p50 ${p50.toFixed(0)} ms p95 ${p95.toFixed(0)} ms p99 ${p99.toFixed(0)} ms`,
    );
    return outcome;
  } finally {
    for (const s of subscribers) s.close();
    await Promise.all([servers.stop(a!.child), servers.stop(b!.child)]);
  }
}

export function liveChecks(live: LiveOutcome): TargetCheck[] {
  return [
    {
      target: `live: commit-to-delivery p95 < 250 ms (${live.subscriptions.toLocaleString("en-US")} subscriptions, two instances)`,
      measured: `${live.p95.toFixed(0)} ms`,
      met: live.p95 < 250,
    },
    {
      target: "live: no event lost or repeated",
      measured: `${live.lost} lost, ${live.duplicates} repeated`,
      met: live.lost === 0 && live.duplicates === 0,
    },
  ];
}

export function liveSection(live: LiveOutcome | null): string[] {
  if (!live) return ["## Live updates", "", "Measured on PostgreSQL only (two API instances).", ""];
  const cost = live.readWith.rps / live.readWithout.rps;
  return [
    `## Live updates (two API instances, ${live.subscriptions.toLocaleString("en-US")} subscriptions)`,
    "",
    `${live.events} comments posted ${GAP_MS} ms apart, through both instances in turn; each subscriber ` +
      `(half on each instance, delegates who may all see the project) should receive every one. ` +
      "Latency is from the event's transaction start (its timestamp in the log: a little before its " +
      "commit, so these figures are upper bounds) to its arrival at the subscriber in the bench process.",
    "",
    markdownTable(
      ["deliveries", "lost", "repeated", "p50 ms", "p95 ms", "p99 ms"],
      [
        [
          live.deliveries,
          live.lost,
          live.duplicates,
          live.p50.toFixed(0),
          live.p95.toFixed(0),
          live.p99.toFixed(0),
        ],
      ],
    ),
    "",
    `What the open connections cost a read on one instance (concurrency ${live.readWith.concurrency}, same run):`,
    "",
    markdownTable(
      ["read", "req/s", "p95 ms"],
      [live.readWithout, live.readWith].map((r) => [r.endpoint, r.rps.toFixed(0), r.p95.toFixed(1)]),
    ),
    "",
    `With the subscriptions open the read runs at ${(cost * 100).toFixed(0)} % of its throughput without them.`,
    "",
  ];
}
