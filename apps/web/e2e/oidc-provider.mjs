// A real OpenID Provider (oidc-provider) for the single sign-on tests, on a loopback port.
//
// One confidential client, the web app. Its sign-in page is oidc-provider's development form:
// whatever login is typed there becomes the person, so a test chooses the claims it needs:
//   someone@example.org              → email someone@example.org, email_verified true
//   unverified:someone@example.org   → email someone@example.org, email_verified false
// The login is the subject, so the same login is the same identity every time.
//
// Settings (environment): OIDC_PROVIDER_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI.
import process from "node:process";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PROVIDER_PORT ?? 4300);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.OIDC_CLIENT_ID ?? "lodestone-e2e";
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "lodestone-e2e-client-secret";
const redirectUri = process.env.OIDC_REDIRECT_URI ?? "http://127.0.0.1:3100/api/auth/callback/oidc";

const UNVERIFIED = "unverified:";

/** The person behind a login typed into the provider's form. */
function personFor(login) {
  const trimmed = String(login).trim();
  const unverified = trimmed.startsWith(UNVERIFIED);
  const email = (unverified ? trimmed.slice(UNVERIFIED.length) : trimmed).toLowerCase();
  return { sub: trimmed, email, email_verified: !unverified, name: email.split("@")[0] };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
  },
  // The claims of the requested scopes go into the ID token too (as most providers do), since
  // next-auth reads the person from the ID token.
  conformIdTokenClaims: false,
  cookies: { keys: ["lodestone-e2e-oidc-provider-cookie-key"] },
  // Lifetimes of its artefacts (seconds): long enough for a test, short enough to mean something.
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    Grant: 3600,
    IdToken: 600,
    Interaction: 600,
    Session: 3600,
  },
  features: { devInteractions: { enabled: true } },
  // The development form signs the session in with the typed login as the account id.
  async findAccount(_ctx, login) {
    const person = personFor(login);
    return {
      accountId: person.sub,
      async claims() {
        return person;
      },
    };
  },
  // The web app is first-party: consent is given once signed in, without asking.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

provider.listen(port, "127.0.0.1", () => {
  process.stdout.write(`OpenID Provider for the tests at ${issuer}\n`);
});
