// Forwards same-origin `/files/*` (the data room's uploads, downloads and previews) to the API.
// Server-only (used by src/app/files/[...path]/route.ts). Bodies stream through both ways: an
// upload's chunk and a download are never held in memory here.
import { clientRequestId } from "@lodestone/domain/transport";

/**
 * Request headers passed to the API: the session cookie, tus 1.0.0's own headers, and what a
 * download may ask for. Everything else (host, connection, the client's own X-Forwarded-For and
 * X-Request-Id) stays here.
 */
export const FORWARDED_FILE_REQUEST_HEADERS = [
  "cookie",
  "content-type",
  "content-length",
  "tus-resumable",
  "upload-length",
  "upload-offset",
  "upload-metadata",
  "upload-defer-length",
  "upload-concat",
  "x-http-method-override",
  "accept",
  "accept-language",
  "range",
] as const;

/**
 * Response headers passed back to the browser: tus's, a download's (its name, type and the API's
 * own Content-Security-Policy for a preview), and the new document's and version's ids.
 */
export const FORWARDED_FILE_RESPONSE_HEADERS = [
  "location",
  "upload-offset",
  "upload-length",
  "upload-expires",
  "tus-resumable",
  "tus-version",
  "tus-extension",
  "tus-max-size",
  "content-type",
  "content-length",
  "content-disposition",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "cache-control",
  "lodestone-document-id",
  "lodestone-version-id",
  "x-request-id",
] as const;

/** Methods without a request body. */
const BODILESS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Statuses whose response has no body (a Response refuses one). */
const NO_CONTENT = new Set([101, 204, 205, 304]);

export interface FileProxyOptions {
  /** The API's origin, e.g. http://127.0.0.1:4000 (no trailing slash). */
  apiUrl: string;
  /** The client's address as this server can vouch for it; null: unknown. */
  clientIp: string | null;
  /**
   * How long the API may take to begin its answer once the request (and its whole body) has been
   * sent. An upload's body itself has no time limit: a large chunk on a slow line takes as long as
   * it takes.
   */
  answerTimeoutMs?: number;
  fetch?: typeof fetch;
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A Location the API gave (a new upload's address) as the browser must use it: on this origin.
 * The API names itself by its own address, which the browser cannot reach.
 */
function sameOriginLocation(location: string, apiUrl: string): string {
  if (location.startsWith(`${apiUrl}/`)) return location.slice(apiUrl.length);
  try {
    const url = new URL(location, `${apiUrl}/`);
    if (url.origin === new URL(apiUrl).origin) return `${url.pathname}${url.search}`;
  } catch {
    // Not a URL: passed on as it is.
  }
  return location;
}

/**
 * The request body, streamed as it arrives, calling `onEnd` once it has all been read (the API's
 * answer is awaited from then on).
 */
function watchedBody(body: ReadableStream<Uint8Array>, onEnd: () => void): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
      },
      flush() {
        onEnd();
      },
    }),
  );
}

export async function forwardFile(request: Request, options: FileProxyOptions): Promise<Response> {
  const { apiUrl, clientIp, answerTimeoutMs = 120_000, fetch: fetchImpl = fetch } = options;
  const incoming = new URL(request.url);
  // Only the data room's own paths: nothing else of the API is reached through here.
  if (!incoming.pathname.startsWith("/files/")) return plain(404, "Not found.");
  const target = `${apiUrl}${incoming.pathname}${incoming.search}`;

  const headers = new Headers();
  for (const name of FORWARDED_FILE_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (clientIp) headers.set("x-forwarded-for", clientIp);
  const clientId = clientRequestId(request.headers.get("x-request-id"));
  if (clientId) headers.set("x-client-request-id", clientId);

  const method = request.method.toUpperCase();
  const answered = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const startAnswerClock = () => {
    timer ??= setTimeout(
      () => answered.abort(new DOMException("The API did not answer.", "TimeoutError")),
      answerTimeoutMs,
    );
  };
  const body =
    BODILESS.has(method) || !request.body ? undefined : watchedBody(request.body, startAnswerClock);
  if (!body) startAnswerClock();

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
    const timedOut = answered.signal.aborted;
    if (!timedOut && !request.signal.aborted)
      console.error("Forwarding a file request to the API failed:", error);
    return timedOut
      ? plain(504, "The Lodestone API did not answer in time. Try again in a moment.")
      : plain(502, "The Lodestone API is not reachable. Try again in a moment.");
  } finally {
    clearTimeout(timer);
  }

  const responseHeaders = new Headers();
  for (const name of FORWARDED_FILE_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  const location = responseHeaders.get("location");
  if (location) responseHeaders.set("location", sameOriginLocation(location, apiUrl));
  // A file is never sniffed into something else, and only this site's own pages may frame a preview.
  responseHeaders.set("x-content-type-options", "nosniff");
  responseHeaders.set("x-frame-options", "SAMEORIGIN");
  responseHeaders.set("referrer-policy", "no-referrer");
  if (!responseHeaders.has("cache-control")) responseHeaders.set("cache-control", "private, no-store");

  const bodiless = method === "HEAD" || NO_CONTENT.has(upstream.status);
  if (bodiless) await upstream.body?.cancel().catch(() => undefined);
  // The answer streams through as it comes (a download is never held here).
  return new Response(bodiless ? null : upstream.body, { status: upstream.status, headers: responseHeaders });
}
