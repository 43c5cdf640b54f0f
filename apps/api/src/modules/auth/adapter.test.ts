// next-auth's adapter (packages/auth) against the real API over HTTP, as the web uses it.
import { apiAdapter, callInternal } from "@lodestone/auth/adapter";
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../../context.js";
import { buildHttpServer, createLogger } from "../../http.js";
import { createFixture, type Fixture } from "../../test/fixtures.js";

const secret = "adapter-test-secret-adapter-test-secret";
let db: TestDatabase;
let fx: Fixture;
let app: Awaited<ReturnType<typeof buildHttpServer>>;
let adapter: Required<Adapter>;
let apiUrl: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  app = await buildHttpServer({
    services: createServices(db, { internalSecret: secret }),
    logger: createLogger("silent"),
  });
  apiUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  adapter = apiAdapter({ apiUrl, internalSecret: secret }) as Required<Adapter>;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe("apiAdapter", () => {
  it("runs a whole magic-link sign-in: token, user, session, sign-out", async () => {
    const email = fx.users.usDelegate.email;
    const expires = new Date(Date.now() + 3_600_000);
    await adapter.createVerificationToken({ identifier: email, token: "hashed-0123456789abcdef", expires });
    const used = await adapter.useVerificationToken({ identifier: email, token: "hashed-0123456789abcdef" });
    expect(used?.expires).toEqual(expires);
    expect(
      await adapter.useVerificationToken({ identifier: email, token: "hashed-0123456789abcdef" }),
    ).toBeNull();

    const user = await adapter.getUserByEmail(email);
    expect(user?.id).toBe(fx.users.usDelegate.id);
    const verified = await adapter.updateUser({
      id: user!.id,
      emailVerified: new Date("2026-01-02T03:04:05Z"),
    });
    expect(verified.emailVerified).toEqual(new Date("2026-01-02T03:04:05Z"));

    const session = await adapter.createSession({
      sessionToken: "token-0123456789abcdef",
      userId: user!.id,
      expires,
    });
    expect(session.expires).toEqual(expires);
    const found = await adapter.getSessionAndUser("token-0123456789abcdef");
    expect(found?.user).toMatchObject({ id: user!.id, role: "DELEGATE", delegation: "US" });
    const later = new Date(expires.getTime() + 60_000);
    expect(
      await adapter.updateSession({ sessionToken: "token-0123456789abcdef", expires: later }),
    ).toMatchObject({
      userId: user!.id,
      expires: later,
    });
    await adapter.deleteSession("token-0123456789abcdef");
    expect(await adapter.getSessionAndUser("token-0123456789abcdef")).toBeNull();
  });

  it("never creates a user: unknown addresses cannot sign in", async () => {
    expect(await adapter.getUserByEmail("stranger@test.example")).toBeNull();
    await expect(
      adapter.createUser({ id: "x", email: "stranger@test.example", emailVerified: null }),
    ).rejects.toThrow(/Only invited users/);
  });

  it("finds single sign-on identities the API admitted, and links none of its own", async () => {
    // next-auth's own linking is closed: only the API's admission (which checks the verified
    // address and audits) links an identity.
    await expect(
      adapter.linkAccount({
        userId: fx.users.coordinator.id,
        type: "oauth",
        provider: "oidc",
        providerAccountId: "gov-sub-42",
      }),
    ).rejects.toThrow(/only when the API admits/);
    expect(await adapter.getUserByAccount({ provider: "oidc", providerAccountId: "gov-sub-42" })).toBeNull();

    const admitted = await callInternal(
      { apiUrl, internalSecret: secret },
      "auth.admitSsoSignIn",
      "mutation",
      {
        provider: "oidc",
        providerAccountId: "gov-sub-42",
        email: fx.users.coordinator.email,
        emailVerified: true,
      },
    );
    expect(admitted).toEqual({ outcome: "linked", userId: fx.users.coordinator.id });
    expect((await adapter.getUserByAccount({ provider: "oidc", providerAccountId: "gov-sub-42" }))?.id).toBe(
      fx.users.coordinator.id,
    );
    await adapter.unlinkAccount({ provider: "oidc", providerAccountId: "gov-sub-42" });
    expect(await adapter.getUserByAccount({ provider: "oidc", providerAccountId: "gov-sub-42" })).toBeNull();
  });

  it("is refused by the API without the right secret", async () => {
    const wrong = apiAdapter({
      apiUrl,
      internalSecret: "wrong-secret-wrong-secret-wrong-secret",
    }) as Required<Adapter>;
    await expect(wrong.getUserByEmail(fx.users.usDelegate.email)).rejects.toThrow(/internal/);
  });
});
