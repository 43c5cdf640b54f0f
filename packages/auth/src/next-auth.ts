// next-auth options for the web: email magic links (mailed by the API) and, when configured, a
// generic OpenID Connect provider for government single sign-on. Database sessions, stored
// through the API, so a session can be revoked and the API resolves the same session.
import type { NextAuthOptions } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { apiAdapter, callInternal, type InternalApi, type LodestoneAdapterUser } from "./adapter.js";
import type { SessionUser } from "./session.js";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button. */
  name: string;
}

export interface AuthSettings extends InternalApi {
  secret: string;
  production: boolean;
  oidc: OidcSettings | null;
  /** The locale to write sign-in mails in when the address is unknown to us. */
  defaultLocale?: "en" | "ja";
  /** The client address of the sign-in request being handled, when known (for rate limits). */
  clientIp?: () => string | null;
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

export function createAuthOptions(settings: AuthSettings): NextAuthOptions {
  const adapter = apiAdapter(settings);
  // The email provider, written out (what next-auth's Email() returns) because the API, not
  // the web, sends the mail: SMTP or the development outbox.
  const email: EmailConfig = {
    id: "email",
    type: "email",
    name: "Email",
    server: "",
    from: "",
    maxAge: 24 * 60 * 60,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      await callInternal(settings, "auth.sendSignInLink", "mutation", {
        email: identifier,
        url,
        locale: settings.defaultLocale ?? "en",
        clientIp: settings.clientIp?.() ?? null,
      });
    },
  };
  const providers: NextAuthOptions["providers"] = [email];
  if (settings.oidc) {
    const { issuer, clientId, clientSecret, name } = settings.oidc;
    providers.push({
      id: "oidc",
      name,
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId,
      clientSecret,
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    });
  }

  return {
    adapter,
    providers,
    secret: settings.secret,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    useSecureCookies: settings.production,
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    callbacks: {
      async signIn({ user, account, email }) {
        // Asking for a magic link: always the same neutral answer (the API mails known users only).
        if (email?.verificationRequest) return true;
        // Single sign-on: only people who already have an account here.
        if (account?.provider === "oidc") {
          const address = user.email?.toLowerCase();
          return Boolean(address && (await adapter.getUserByEmail!(address)));
        }
        return true;
      },
      session({ session, user }) {
        const u = user as LodestoneAdapterUser;
        session.user = {
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          delegation: u.delegation,
          organisationId: u.organisationId,
          locale: u.locale,
          timeZone: u.timeZone,
        };
        return session;
      },
    },
  };
}
