import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./headers";

describe("security headers", () => {
  it("allow scripts only with the nonce, never inline or eval in production, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", { development: false });
    const directives = Object.fromEntries(
      csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
    );
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directives["script-src"]).not.toContain("unsafe-inline");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(contentSecurityPolicy("abc123", { development: true })).toContain("'unsafe-eval'");
  });

  it("makes a new 128-bit nonce each time", () => {
    const a = newNonce();
    expect(atob(a)).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("adds HSTS only to a deployment", () => {
    expect(securityHeaders({ deployed: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ deployed: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ deployed: false })["X-Content-Type-Options"]).toBe("nosniff");
  });
});
