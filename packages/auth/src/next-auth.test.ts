import type { EmailConfig } from "next-auth/providers/email";
import { describe, expect, it } from "vitest";
import { createAuthOptions } from "./next-auth.js";

describe("the email provider", () => {
  it("asks the API to send the link, naming the client's address for the rate limit", async () => {
    const calls: { url: string; body: unknown }[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ result: { data: { ok: true } } }), { status: 200 });
    }) as typeof fetch;
    let clientIp: string | null = "203.0.113.7";
    const options = createAuthOptions({
      apiUrl: "http://api.test",
      internalSecret: "s".repeat(40),
      fetch: fakeFetch,
      secret: "n".repeat(40),
      production: false,
      oidc: null,
      clientIp: () => clientIp,
    });
    const email = options.providers.find((p) => p.id === "email") as unknown as EmailConfig;
    const send = (identifier: string) =>
      email.sendVerificationRequest({
        identifier,
        url: "http://web.test/api/auth/callback/email?token=t",
        expires: new Date(),
        provider: email,
        token: "t",
        theme: {},
        request: new Request("http://web.test"),
      } as unknown as Parameters<EmailConfig["sendVerificationRequest"]>[0]);
    await send("a@test.example");
    clientIp = null;
    await send("b@test.example");
    expect(calls.map((c) => c.url)).toEqual([
      "http://api.test/trpc/auth.sendSignInLink",
      "http://api.test/trpc/auth.sendSignInLink",
    ]);
    expect(calls[0]!.body).toMatchObject({ email: "a@test.example", clientIp: "203.0.113.7" });
    expect(calls[1]!.body).toMatchObject({ email: "b@test.example", clientIp: null });
  });
});

describe("single sign-on", () => {
  type SignIn = NonNullable<NonNullable<ReturnType<typeof createAuthOptions>["callbacks"]>["signIn"]>;
  function withApi(answer: (body: Record<string, unknown>) => Response) {
    const calls: { url: string; body: Record<string, unknown> }[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      calls.push({ url, body });
      return answer(body);
    }) as typeof fetch;
    const options = createAuthOptions({
      apiUrl: "http://api.test",
      internalSecret: "s".repeat(40),
      fetch: fakeFetch,
      secret: "n".repeat(40),
      production: false,
      oidc: { issuer: "http://op.test", clientId: "c", clientSecret: "s", name: "Gov SSO" },
    });
    const signIn = options.callbacks!.signIn! as SignIn;
    const ssoSignIn = (profile: Record<string, unknown>) =>
      signIn({
        user: { id: "sub-1", email: String(profile.email ?? "") },
        account: { provider: "oidc", type: "oauth", providerAccountId: "sub-1" },
        profile: profile as never,
      });
    return { calls, signIn, ssoSignIn };
  }
  const data = (value: unknown) => new Response(JSON.stringify({ result: { data: value } }), { status: 200 });

  it("asks the API to admit the identity, with the address and whether the provider verified it", async () => {
    const { calls, ssoSignIn } = withApi(() => data({ outcome: "linked", userId: "u" }));
    expect(await ssoSignIn({ sub: "sub-1", email: "Aiko@Gov.example", email_verified: true })).toBe(true);
    // Only the JSON true counts as verified; a missing address is sent as none.
    expect(await ssoSignIn({ sub: "sub-1", email: "aiko@gov.example", email_verified: "true" })).toBe(true);
    expect(await ssoSignIn({ sub: "sub-1" })).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(Array(3).fill("http://api.test/trpc/auth.admitSsoSignIn"));
    expect(calls.map((c) => c.body)).toEqual([
      { provider: "oidc", providerAccountId: "sub-1", email: "Aiko@Gov.example", emailVerified: true },
      { provider: "oidc", providerAccountId: "sub-1", email: "aiko@gov.example", emailVerified: false },
      { provider: "oidc", providerAccountId: "sub-1", email: null, emailVerified: false },
    ]);
  });

  it.each([
    ["EMAIL_UNVERIFIED", "/sign-in?error=SsoEmailUnverified"],
    ["DEACTIVATED", "/sign-in?error=SsoAccountDeactivated"],
    ["OTHER_IDENTITY_LINKED", "/sign-in?error=SsoOtherIdentityLinked"],
    ["NO_ACCOUNT", "/sign-in?error=AccessDenied"],
  ])("sends a refusal (%s) to the sign-in page with its reason", async (reason, page) => {
    const { ssoSignIn } = withApi(() => data({ outcome: "refused", reason }));
    expect(await ssoSignIn({ sub: "sub-1", email: "a@gov.example", email_verified: true })).toBe(page);
  });

  it("says single sign-on did not complete when the API cannot be asked", async () => {
    const { ssoSignIn } = withApi(() => new Response("down", { status: 503 }));
    expect(await ssoSignIn({ sub: "sub-1", email: "a@gov.example", email_verified: true })).toBe(
      "/sign-in?error=OAuthCallback",
    );
  });

  it("leaves magic links alone", async () => {
    const { calls, signIn } = withApi(() => data(null));
    expect(
      await signIn({
        user: { id: "x", email: "a@b.c" },
        account: { provider: "email", type: "email", providerAccountId: "a@b.c" },
        email: { verificationRequest: true },
      }),
    ).toBe(true);
    expect(calls).toEqual([]);
  });
});
