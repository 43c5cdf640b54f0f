import { describe, expect, it } from "vitest";
import { createAuthOptions, safeRedirect } from "./next-auth.js";

const BASE = "http://127.0.0.1:3100";

describe("where next-auth may send the browser", () => {
  it("keeps paths and URLs of this site", () => {
    expect(safeRedirect("/projects?x=1", BASE)).toBe(`${BASE}/projects?x=1`);
    expect(safeRedirect(`${BASE}/dashboard`, BASE)).toBe(`${BASE}/dashboard`);
  });

  it("sends anything else to the site's root, and never throws", () => {
    for (const url of [
      "http://x:y",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "",
      "::::",
      "http://[::1",
    ]) {
      expect(safeRedirect(url, BASE), url).toBe(BASE);
    }
    expect(safeRedirect("/projects", "not a url")).toBe("not a url");
  });

  it("is the redirect callback next-auth uses", async () => {
    const options = createAuthOptions({
      apiUrl: "http://127.0.0.1:4100",
      internalSecret: "x".repeat(32),
      secret: "y".repeat(32),
      production: false,
      oidc: null,
    });
    expect(await options.callbacks!.redirect!({ url: "http://x:y", baseUrl: BASE })).toBe(BASE);
  });
});
