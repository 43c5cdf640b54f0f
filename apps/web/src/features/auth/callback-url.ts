/**
 * next-auth answers 500 ("server configuration") when the `callbackUrl` parameter or its
 * callback-url cookie is not an http(s) URL it can parse (`http://x:y`, a space). Both come from
 * the client, so the auth route drops such a value before next-auth sees it: the person lands on
 * the default page instead. Where a usable value leads is still decided by the redirect callback
 * (this site only).
 */

/** The names next-auth gives the callback-url cookie (plain and, for https sites, `__Secure-`). */
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

/** next-auth's own test: an http(s) URL, or a path resolved against the site. */
export function usableCallbackUrl(value: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}

/** The request URL without an unusable `callbackUrl` parameter, or null when it has none. */
export function withoutUnusableCallbackParam(url: URL, baseUrl: string): URL | null {
  const value = url.searchParams.get("callbackUrl");
  if (value === null || value === "" || usableCallbackUrl(value, baseUrl)) return null;
  const clean = new URL(url);
  clean.searchParams.delete("callbackUrl");
  return clean;
}
