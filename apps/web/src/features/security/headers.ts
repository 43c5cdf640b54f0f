/**
 * The security headers of every page. Scripts run only with the request's nonce (Next.js puts it
 * on its own scripts when it finds it in the request's Content-Security-Policy header): no inline
 * script without it, no eval outside development, no framing, no plugins. Styles may be inline
 * (style attributes of progress bars and charts); that allows no code to run.
 */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Headers every response carries besides the CSP; HSTS only for a real (https) deployment. */
export function securityHeaders({ deployed }: { deployed: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(deployed ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
