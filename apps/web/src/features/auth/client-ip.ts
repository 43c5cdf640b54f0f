import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The client address of the auth request being handled, for the API's per-address limit on
 * sign-in mails. next-auth's mail step does not see the request, so the route handler keeps the
 * address here for the duration of the request. Next.js fills X-Forwarded-For with the
 * connection's address when no proxy did; behind a reverse proxy (every https deployment) the proxy
 * must set it, as Next.js keeps what it receives.
 */
const current = new AsyncLocalStorage<string | null>();

export function withClientIp<T>(headers: Headers, run: () => T): T {
  return current.run(clientIpOf(headers), run);
}

export function currentClientIp(): string | null {
  return current.getStore() ?? null;
}

/** The first address of X-Forwarded-For (the client, as the nearest proxy saw it), else X-Real-IP. */
export function clientIpOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "";
  return /^[0-9A-Fa-f:.]{2,64}$/.test(ip) ? ip : null;
}
