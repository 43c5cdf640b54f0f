/**
 * Limits of the HTTP transport, the same at the web's `/trpc` forwarding and at the API (each
 * enforces them itself: the web before it forwards, the API for any other client).
 */

/** The largest request body accepted (1 MiB): enough for the longest proposal in both languages. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

/** The most procedure calls one batched request may carry. */
export const MAX_BATCH_CALLS = 20;

/** The procedure paths of a tRPC request path (`a.b,c.d` → `["a.b", "c.d"]`), or null when malformed. */
export function batchPaths(path: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const paths = decoded.split(",");
  return paths.every((p) => p.length > 0) ? paths : null;
}

/** Why a batch is refused, or null when it may proceed. */
export function batchProblem(paths: readonly string[]): string | null {
  return paths.length > MAX_BATCH_CALLS
    ? `A request may batch at most ${MAX_BATCH_CALLS} calls; this one has ${paths.length}. Send them in smaller batches.`
    : null;
}

/** The message of a refused, oversized body. */
export const BODY_TOO_LARGE_MESSAGE = `The request is too large: at most ${MAX_REQUEST_BODY_BYTES / 1_048_576} MiB may be sent at once.`;

/** A client's own request id, kept beside the server's (never in its place) when it is a short token. */
export function clientRequestId(value: string | null | undefined): string | null {
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : null;
}

/** The errors answered before any procedure runs, with tRPC 11's JSON-RPC code and HTTP status. */
const REFUSALS = {
  BAD_REQUEST: { jsonRpc: -32600, httpStatus: 400 },
  NOT_FOUND: { jsonRpc: -32004, httpStatus: 404 },
  PAYLOAD_TOO_LARGE: { jsonRpc: -32013, httpStatus: 413 },
  SERVICE_UNAVAILABLE: { jsonRpc: -32603, httpStatus: 503 },
  GATEWAY_TIMEOUT: { jsonRpc: -32603, httpStatus: 504 },
} as const;
export type TransportRefusal = keyof typeof REFUSALS;

/**
 * A tRPC-shaped error for every call of a request refused before any procedure ran (at the API's
 * door or the web's forwarding), so the tRPC client reports it like any other: one entry per call
 * of a batch, else a single object.
 */
export function refusalBody(
  code: TransportRefusal,
  message: string,
  paths: readonly string[],
  batch: boolean,
): { status: number; body: unknown } {
  const { jsonRpc, httpStatus } = REFUSALS[code];
  const error = (path: string | null) => ({
    error: {
      message,
      code: jsonRpc,
      data: { code, httpStatus, path, fieldErrors: null, formErrors: null },
    },
  });
  return {
    status: httpStatus,
    body: batch ? (paths.length ? paths : [null]).map(error) : error(paths[0] ?? null),
  };
}
