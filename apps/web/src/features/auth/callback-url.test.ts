// @vitest-environment node
import { describe, expect, it } from "vitest";
import { usableCallbackUrl, withoutUnusableCallbackParam } from "./callback-url";

const BASE = "http://127.0.0.1:3100";

describe("callback URLs next-auth can use", () => {
  it("accepts paths and http(s) URLs, and nothing next-auth would call a configuration error", () => {
    expect(usableCallbackUrl("/projects", BASE)).toBe(true);
    expect(usableCallbackUrl("https://elsewhere.example/x", BASE)).toBe(true);
    for (const bad of ["http://x:y", " ", "javascript:alert(1)", "%", "http://[::1"]) {
      expect(usableCallbackUrl(bad, BASE), bad).toBe(false);
    }
  });

  it("drops only an unusable callbackUrl parameter", () => {
    const bad = new URL(`${BASE}/api/auth/signin?callbackUrl=http%3A%2F%2Fx%3Ay&x=1`);
    expect(withoutUnusableCallbackParam(bad, BASE)?.search).toBe("?x=1");
    expect(
      withoutUnusableCallbackParam(new URL(`${BASE}/api/auth/signin?callbackUrl=%2Fprojects`), BASE),
    ).toBeNull();
    expect(withoutUnusableCallbackParam(new URL(`${BASE}/api/auth/session`), BASE)).toBeNull();
  });
});
