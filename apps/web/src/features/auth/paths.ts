// Client-safe helpers for sign-in addresses (no Node APIs).

/** Request header carrying the path being rendered (set by src/proxy.ts). */
export const PATH_HEADER = "x-lodestone-path";

/** Where people land after signing in when nothing else was asked for. */
export const HOME_PATH = "/projects";

/**
 * A callback address we are willing to send someone to after sign-in: a path on this site
 * (absolute URLs only when they point at `origin`), never another site, never the sign-in pages.
 */
export function safeCallbackPath(value: unknown, origin?: string): string {
  if (typeof value !== "string" || value === "") return HOME_PATH;
  let path = value;
  if (!value.startsWith("/")) {
    if (!origin) return HOME_PATH;
    try {
      const url = new URL(value);
      if (url.origin !== new URL(origin).origin) return HOME_PATH;
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return HOME_PATH;
    }
  }
  // "//host" and "/\host" are other sites to a browser.
  if (path.startsWith("//") || path.startsWith("/\\")) return HOME_PATH;
  if (path === "/sign-in" || path.startsWith("/sign-in/") || path.startsWith("/sign-in?")) return HOME_PATH;
  if (path.startsWith("/api/auth")) return HOME_PATH;
  return path;
}

/** The sign-in page, asked to come back to `path` afterwards. */
export function signInPath(path: string): string {
  const target = safeCallbackPath(path);
  return `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
}
