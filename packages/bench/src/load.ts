// Load over HTTP with autocannon: one run per endpoint, target and concurrency.
import autocannon from "autocannon";
import { summarise, type LoadResult } from "./report.js";

export interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface LoadOptions {
  endpoint: string;
  target: LoadResult["target"];
  baseUrl: string;
  concurrency: number;
  durationS: number;
  /** Run this many requests instead of for `durationS` (every request sent is then answered). */
  amount?: number;
  request: RequestSpec;
  /** Bearer tokens used in turn, one per request. */
  tokens: readonly string[];
  /** Called with the token of every request answered with a 2xx. */
  onSuccess?: (token: string) => void;
}

/**
 * Waits until the server has finished what the last run left in flight: autocannon stops sending
 * when its time is up, but requests already queued in the server (64 slow dashboard requests, say)
 * are still being served, and would slow the next run down. Settled = /healthz (one query through
 * the server's connection pool) answers within 50 ms twice in a row; at most 60 s.
 */
export async function settle(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const t0 = performance.now();
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    quick = ok && performance.now() - t0 < 50 ? quick + 1 : 0;
    if (quick < 2) await new Promise((r) => setTimeout(r, 100));
  }
}

/** One load run, then `settle` (so that what it left in flight does not weigh on the next run). */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const result = await load(o);
  await settle(o.baseUrl);
  return result;
}

function load(o: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  // With a fixed amount autocannon ends on its one-second tick: time up to the last answer.
  let lastAt = t0;
  let firstError: string | undefined;
  return new Promise((resolve, reject) => {
    const tracker = autocannon(
      {
        url: o.baseUrl,
        connections: o.concurrency,
        ...(o.amount ? { amount: o.amount } : { duration: o.durationS }),
        timeout: 10,
        requests: [
          {
            method: o.request.method,
            path: o.request.path,
            ...(o.request.body === undefined ? {} : { body: o.request.body }),
            setupRequest: (req, context) => {
              const token = o.tokens[next++ % o.tokens.length]!;
              (context as { token?: string }).token = token;
              return {
                ...req,
                headers: {
                  ...req.headers,
                  authorization: `Bearer ${token}`,
                  "content-type": "application/json",
                },
              };
            },
            onResponse: (status, _body, context) => {
              const token = (context as { token?: string }).token;
              if (status >= 200 && status < 300 && token) o.onSuccess?.(token);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const { p50, p95, p99 } = summarise(latencies);
        if (result.errors + result.timeouts + result.non2xx > 0) {
          console.warn(
            `${o.endpoint} c=${o.concurrency} ${o.target}: ${result.errors} request errors ` +
              `(first: ${firstError ?? "–"}), ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
          );
        }
        // Wall-clock seconds (autocannon reports whole seconds).
        const seconds = ((o.amount ? lastAt : performance.now()) - t0) / 1000;
        resolve({
          endpoint: o.endpoint,
          target: o.target,
          concurrency: o.concurrency,
          requests: result.requests.total,
          durationS: seconds,
          rps: result.requests.total / seconds,
          p50,
          p95,
          p99,
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
    tracker.on("reqError", (error: Error) => {
      firstError ??= error.message;
    });
    tracker.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastAt = performance.now();
    });
  });
}

/** A tRPC query URL (GET, non-batched) for one procedure. */
export function queryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** A batched tRPC query URL for several procedures at once, as the web sends on a page load. */
export function batchPath(calls: readonly [string, unknown][]): string {
  const input = Object.fromEntries(calls.map(([, i], n) => [String(n), i]));
  return `/trpc/${calls.map(([p]) => p).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}
