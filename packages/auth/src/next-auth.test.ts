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
