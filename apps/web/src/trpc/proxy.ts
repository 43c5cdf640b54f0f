// Forwards same-origin `/trpc/*` requests to the API. Server-only (used by the route handler).
import {
  batchPaths,
  BODY_TOO_LARGE_MESSAGE,
  clientRequestId,
  MAX_REQUEST_BODY_BYTES,
  refusalBody,
  type TransportRefusal,
} from "@lodestone/domain/transport";

/**
 * Request headers passed to the API; everything else (host, connection, and the client's own
 * X-Forwarded-For and X-Request-Id) stays here: the web says who the client is, from its own view
 * of the connection, and the API makes up its own request ids.
 */
const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "cookie",
  // A live subscription's browser reconnects with the id of the last event it received.
  "last-event-id",
  "trpc-accept",
] as const;

/**
 * Response headers passed back to the browser (set-cookie is handled on its own). A live
 * subscription's Cache-Control says no-transform (so the web's compression leaves its events
 * alone) and its X-Accel-Buffering says no to a buffering proxy in front of the web.
 */
const FORWARDED_RESPONSE_HEADERS = [
  "content-type",
  "cache-control",
  "vary",
  "x-accel-buffering",
  "x-request-id",
] as const;

interface ProxyOptions {
  /** The API's origin, e.g. http://127.0.0.1:4000 (no trailing slash). */
  apiUrl: string;
  /** The client's address as this server can vouch for it (its peer, or a trusted proxy's word); null: unknown. */
  clientIp: string | null;
  /** The largest body forwarded (default: the API's own limit). */
  maxBodyBytes?: number;
  /** Give up on the API after this long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Procedures the public forwarding never reaches: the development outbox is read by the web's own server. */
const NOT_FORWARDED = /^dev\./;

/** A refusal in tRPC's shape for every procedure in the request (see refusalBody). */
function errorResponse(url: URL, code: TransportRefusal, message: string): Response {
  const paths = batchPaths(url.pathname.replace(/^\/trpc\/?/, "")) ?? [];
  const { status, body } = refusalBody(code, message, paths, url.searchParams.get("batch") === "1");
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  return new Response(JSON.stringify(body), { status, headers });
}

/** Thrown into the forwarded body when the client sends more than the limit. */
class BodyTooLarge extends Error {}

/**
 * The request body as a stream that errors once more than `limit` bytes have passed: nothing
 * beyond the limit is read from the client, and nothing is held in memory here.
 */
function limitedBody(body: ReadableStream<Uint8Array>, limit: number, onTooLarge: () => void) {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          onTooLarge();
          controller.error(new BodyTooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

export async function forwardToApi(request: Request, options: ProxyOptions): Promise<Response> {
  const {
    apiUrl,
    clientIp,
    maxBodyBytes = MAX_REQUEST_BODY_BYTES,
    timeoutMs = 30_000,
    fetch: fetchImpl = fetch,
  } = options;
  const incoming = new URL(request.url);
  // Keep the raw (still-encoded) path: batched calls look like /trpc/a.b,c.d
  const rest = incoming.pathname.replace(/^\/trpc/, "");
  const target = `${apiUrl}/trpc${rest}${incoming.search}`;
  const paths = batchPaths(rest.replace(/^\//, ""));
  if (paths?.some((path) => NOT_FORWARDED.test(path))) {
    return errorResponse(incoming, "NOT_FOUND", "There is no such procedure.");
  }

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (clientIp) headers.set("x-forwarded-for", clientIp);
  const clientId = clientRequestId(request.headers.get("x-request-id"));
  if (clientId) headers.set("x-client-request-id", clientId);

  const method = request.method.toUpperCase();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes) {
    return errorResponse(incoming, "PAYLOAD_TOO_LARGE", BODY_TOO_LARGE_MESSAGE);
  }
  let tooLarge = false;
  const body =
    method === "GET" || method === "HEAD" || !request.body
      ? undefined
      : limitedBody(request.body, maxBodyBytes, () => (tooLarge = true));
  if (body) headers.delete("content-length");

  // The timeout covers the wait for the API's answer to begin, not the answer itself: a live
  // subscription's stream stays open for minutes.
  const answered = new AbortController();
  const timer = setTimeout(
    () => answered.abort(new DOMException("The API did not answer.", "TimeoutError")),
    timeoutMs,
  );
  let upstream: Response;
  try {
    upstream = await fetchImpl(target, {
      method,
      headers,
      body,
      // A streamed request body (Node's fetch sends it as it arrives).
      ...(body ? { duplex: "half" } : {}),
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.any([request.signal, answered.signal]),
    } as RequestInit);
  } catch (error) {
    if (tooLarge) return errorResponse(incoming, "PAYLOAD_TOO_LARGE", BODY_TOO_LARGE_MESSAGE);
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    // A client that went away before the answer began (a page closed while its live feed was
    // starting) is no failure of the API's; nobody reads the answer below.
    if (!timedOut && !request.signal.aborted) console.error("Forwarding to the API failed:", error);
    return timedOut
      ? errorResponse(incoming, "GATEWAY_TIMEOUT", "The Lodestone API did not answer in time.")
      : errorResponse(
          incoming,
          "SERVICE_UNAVAILABLE",
          "The Lodestone API is not reachable. Try again in a moment.",
        );
  } finally {
    clearTimeout(timer);
  }

  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append("set-cookie", cookie);
  // The answer streams through as it comes (a subscription's events are never held back here).
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
