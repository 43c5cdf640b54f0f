import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInPath } from "./paths";

describe("safeCallbackPath", () => {
  it.each([
    ["/admin/users?q=ab", "/admin/users?q=ab"],
    ["/profile", "/profile"],
    ["http://127.0.0.1:3100/admin/users?role=ADMIN", "/admin/users?role=ADMIN"],
    [undefined, "/projects"],
    ["", "/projects"],
    ["https://evil.example/phish", "/projects"],
    ["//evil.example/phish", "/projects"],
    ["/\\evil.example", "/projects"],
    ["javascript:alert(1)", "/projects"],
    ["/sign-in", "/projects"],
    ["/sign-in/check-email", "/projects"],
    ["/api/auth/signout", "/projects"],
  ])("%j → %j", (value, expected) => {
    expect(safeCallbackPath(value, "http://127.0.0.1:3100")).toBe(expected);
  });

  it("refuses absolute URLs when it does not know our origin", () => {
    expect(safeCallbackPath("http://127.0.0.1:3100/profile")).toBe("/projects");
  });
});

describe("signInPath", () => {
  it("carries the page to come back to", () => {
    expect(signInPath("/admin/users?q=a b")).toBe("/sign-in?callbackUrl=%2Fadmin%2Fusers%3Fq%3Da%20b");
    expect(signInPath("//evil.example")).toBe("/sign-in?callbackUrl=%2Fprojects");
  });
});
