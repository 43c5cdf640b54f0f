// @vitest-environment node
import { describe, expect, it } from "vitest";
import { noteSignInMailRefused, withRealWait, withSignInRefusals } from "./sign-in-refusal";

describe("a refused sign-in mail says the real wait", () => {
  it("rewrites next-auth's EmailSignin error and nothing else", () => {
    expect(withRealWait("http://127.0.0.1:3100/sign-in?error=EmailSignin", 421)).toBe(
      "http://127.0.0.1:3100/sign-in?error=RateLimited&retryAfter=421",
    );
    expect(withRealWait("/sign-in?error=EmailSignin", 60)).toBe("/sign-in?error=RateLimited&retryAfter=60");
    expect(withRealWait("/sign-in/check-email", 60)).toBe("/sign-in/check-email");
    expect(withRealWait("/sign-in?error=Verification", 60)).toBe("/sign-in?error=Verification");
  });

  it("rewrites the JSON answer and the redirect of a request during which the API refused", async () => {
    const json = await withSignInRefusals(async () => {
      noteSignInMailRefused(300);
      return Response.json({ url: "http://w.test/sign-in?error=EmailSignin" });
    });
    expect(await json.json()).toEqual({ url: "http://w.test/sign-in?error=RateLimited&retryAfter=300" });

    const redirect = await withSignInRefusals(async () => {
      noteSignInMailRefused(90);
      return new Response(null, {
        status: 302,
        headers: { location: "http://w.test/sign-in?error=EmailSignin" },
      });
    });
    expect(redirect.headers.get("location")).toBe("http://w.test/sign-in?error=RateLimited&retryAfter=90");
  });

  it("leaves every other answer alone", async () => {
    const untouched = await withSignInRefusals(async () =>
      Response.json({ url: "http://w.test/sign-in?error=EmailSignin" }),
    );
    expect(await untouched.json()).toEqual({ url: "http://w.test/sign-in?error=EmailSignin" });
    // Outside a request nothing is noted.
    expect(() => noteSignInMailRefused(5)).not.toThrow();
  });
});
