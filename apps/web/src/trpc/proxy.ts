// Forwards same-origin `/trpc/*` requests to the API. Server-only (used by the route handler).

/** Request headers passed to the API; everything else (host, connection, …) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "cookie",
  "trpc-accept",
  "x-request-id",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
] as const;

/** Response headers passed back to the browser (set-cookie is handled on its own). */
const FORWARDED_RESPONSE_HEADERS = ["content-type", "cache-control", "vary", "x-request-id"] as const;

interface ProxyOptions {
  /** The API's origin, e.g. http://127.0.0.1:4000 (no trailing slash). */
  apiUrl: string;
  /** Give up on the API after this long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The JSON-RPC codes tRPC 11 sends for SERVICE_UNAVAILABLE and GATEWAY_TIMEOUT. */
const TRPC_CODES = { SERVICE_UNAVAILABLE: -32603, GATEWAY_TIMEOUT: -32603 } as const;

/**
 * A tRPC-shaped error for every procedure in the request, so the tRPC client reports it like any
 * other server error (batched requests get one entry per procedure).
 */
function unavailableResponse(
  url: URL,
  code: keyof typeof TRPC_CODES,
  message: string,
  requestId: string | null,
): Response {
  const paths = decodeURIComponent(url.pathname.replace(/^\/trpc\/?/, ""))
    .split(",")
    .filter(Boolean);
  const httpStatus = code === "GATEWAY_TIMEOUT" ? 504 : 503;
  const errorFor = (path: string | undefined) => ({
    error: {
      message,
      code: TRPC_CODES[code],
      data: { code, httpStatus, path: path ?? null, fieldErrors: null, formErrors: null },
    },
  });
  const isBatch = url.searchParams.get("batch") === "1";
  const body = isBatch ? (paths.length ? paths : [undefined]).map(errorFor) : errorFor(paths[0]);
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  if (requestId) headers.set("x-request-id", requestId);
  return new Response(JSON.stringify(body), { status: httpStatus, headers });
}

export async function forwardToApi(request: Request, options: ProxyOptions): Promise<Response> {
  const { apiUrl, timeoutMs = 30_000, fetch: fetchImpl = fetch } = options;
  const incoming = new URL(request.url);
  // Keep the raw (still-encoded) path: batched calls look like /trpc/a.b,c.d
  const rest = incoming.pathname.replace(/^\/trpc/, "");
  const target = `${apiUrl}/trpc${rest}${incoming.search}`;

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const requestId = request.headers.get("x-request-id");

  const method = request.method.toUpperCase();
  const body = method === "GET" || method === "HEAD" ? undefined : await request.arrayBuffer();

  let upstream: Response;
  try {
    upstream = await fetchImpl(target, {
      method,
      headers,
      body,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return timedOut
      ? unavailableResponse(
          incoming,
          "GATEWAY_TIMEOUT",
          "The Lodestone API did not answer in time.",
          requestId,
        )
      : unavailableResponse(
          incoming,
          "SERVICE_UNAVAILABLE",
          "The Lodestone API is not reachable. Try again in a moment.",
          requestId,
        );
  }

  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append("set-cookie", cookie);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
