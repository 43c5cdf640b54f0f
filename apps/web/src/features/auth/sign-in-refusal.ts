import { AsyncLocalStorage } from "node:async_hooks";

/**
 * When the API refuses a sign-in mail for the client's address (too many asked from it), next-auth
 * knows only "EmailSignin". The auth route notes the real wait here while next-auth handles the
 * request, then points the browser at the sign-in page with `error=RateLimited&retryAfter=N`, so
 * the person reads how long to wait. Server only.
 */
const current = new AsyncLocalStorage<{ retryAfterSeconds: number | null }>();

export function noteSignInMailRefused(retryAfterSeconds: number): void {
  const slot = current.getStore();
  if (slot) slot.retryAfterSeconds = retryAfterSeconds;
}

/** next-auth's error redirect, rewritten to say the real wait. Other URLs are returned as they are. */
export function withRealWait(url: string, retryAfterSeconds: number): string {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://placeholder.invalid");
  } catch {
    return url;
  }
  if (parsed.searchParams.get("error") !== "EmailSignin") return url;
  parsed.searchParams.set("error", "RateLimited");
  parsed.searchParams.set("retryAfter", String(Math.ceil(retryAfterSeconds)));
  return parsed.origin === "http://placeholder.invalid" ? `${parsed.pathname}${parsed.search}` : parsed.href;
}

/** Runs next-auth's handler; if a sign-in mail was refused meanwhile, its answer says the wait. */
export async function withSignInRefusals(run: () => Promise<Response>): Promise<Response> {
  const slot = { retryAfterSeconds: null as number | null };
  const response = await current.run(slot, run);
  const wait = slot.retryAfterSeconds;
  if (wait === null) return response;
  const location = response.headers.get("location");
  if (location) {
    const headers = new Headers(response.headers);
    headers.set("location", withRealWait(location, wait));
    return new Response(response.body, { status: response.status, headers });
  }
  if (response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.json()) as { url?: unknown };
    if (typeof body.url === "string") body.url = withRealWait(body.url, wait);
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(body), { status: response.status, headers });
  }
  return response;
}
