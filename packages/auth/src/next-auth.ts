// next-auth options for the web: email magic links (mailed by the API) and, when configured, a
// generic OpenID Connect provider for government single sign-on. Database sessions, stored
// through the API, so a session can be revoked and the API resolves the same session.
import { isEmailVerifiedClaim, type SsoRefusal } from "@lodestone/domain/single-sign-on";
import { EmailAddress } from "@lodestone/domain/email";
import type { NextAuthOptions } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import {
  apiAdapter,
  callInternal,
  InternalApiError,
  type InternalApi,
  type LodestoneAdapterUser,
} from "./adapter.js";
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
  /** Told when the API refused a sign-in mail for the client's address, with the real wait. */
  onSignInMailRefused?: (retryAfterSeconds: number) => void;
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** next-auth's id of the single sign-on provider (its callback is /api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";
const SIGN_IN_PAGE = "/sign-in";

/** The ID token's claims that single sign-on reads. */
interface OidcClaims {
  email?: unknown;
  email_verified?: unknown;
}

/**
 * The `?error=` codes of single sign-on's refusals, shown on the sign-in page.
 *
 * They tell the person which of the reasons applies, and that leaks nothing: the address's
 * verification is judged first, so someone whose provider did not vouch for the address learns
 * nothing about the account behind it; with a verified address, only the address's owner (as
 * their organisation's provider confirmed) learns that their own account is missing,
 * deactivated or linked to another identity, which they could ask an administrator anyway.
 */
export const SSO_REFUSAL_ERRORS: Record<SsoRefusal, string> = {
  EMAIL_UNVERIFIED: "SsoEmailUnverified",
  NO_ACCOUNT: "AccessDenied",
  DEACTIVATED: "SsoAccountDeactivated",
  OTHER_IDENTITY_LINKED: "SsoOtherIdentityLinked",
};

type Admission =
  { outcome: "linked" | "reused"; userId: string } | { outcome: "refused"; reason: SsoRefusal };

/** Asks the API to admit a single sign-on; true, or the sign-in page with the reason. */
async function admitSso(
  api: InternalApi,
  providerAccountId: string,
  claims: OidcClaims | undefined,
): Promise<true | string> {
  const refusedWith = (code: string) => `${SIGN_IN_PAGE}?error=${encodeURIComponent(code)}`;
  let admission: Admission;
  try {
    admission = await callInternal<Admission>(api, "auth.admitSsoSignIn", "mutation", {
      provider: OIDC_PROVIDER_ID,
      providerAccountId,
      email: typeof claims?.email === "string" ? claims.email : null,
      emailVerified: isEmailVerifiedClaim(claims?.email_verified),
    });
  } catch {
    // The API could not be asked: single sign-on did not complete (next-auth's own code for it).
    return refusedWith("OAuthCallback");
  }
  return admission.outcome === "refused" ? refusedWith(SSO_REFUSAL_ERRORS[admission.reason]) : true;
}

/**
 * Where next-auth may send the browser after signing in or out: a path of this site, or an
 * absolute URL on this site's origin; anything else (another site, or a URL that does not parse,
 * such as `http://x:y` in a callbackUrl parameter or cookie) goes to the site's root. Never throws.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    // Paths of this site (not "//host" or "/\\host", which browsers read as another host).
    if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) {
      return `${baseUrl.replace(/\/$/, "")}${url}`;
    }
    const target = new URL(url);
    return target.origin === base.origin ? target.href : baseUrl;
  } catch {
    return baseUrl;
  }
}

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
    // The domain's one rule for addresses: one that the API would refuse (a space, over 254
    // characters) ends here, as next-auth's "could not send" page, instead of failing later.
    normalizeIdentifier(identifier) {
      const parsed = EmailAddress.safeParse(identifier.normalize("NFKC"));
      if (!parsed.success) throw new Error("Invalid email address.");
      return parsed.data;
    },
    async sendVerificationRequest({ identifier, url }) {
      try {
        await callInternal(settings, "auth.sendSignInLink", "mutation", {
          email: identifier,
          url,
          locale: settings.defaultLocale ?? "en",
          clientIp: settings.clientIp?.() ?? null,
        });
      } catch (error) {
        if (error instanceof InternalApiError && error.status === 429 && error.retryAfterSeconds) {
          settings.onSignInMailRefused?.(error.retryAfterSeconds);
        }
        throw error;
      }
    },
  };
  const providers: NextAuthOptions["providers"] = [email];
  if (settings.oidc) {
    const { issuer, clientId, clientSecret, name } = settings.oidc;
    providers.push({
      id: OIDC_PROVIDER_ID,
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
    pages: { signIn: SIGN_IN_PAGE, verifyRequest: "/sign-in/check-email", error: SIGN_IN_PAGE },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async signIn({ account, profile, email }) {
        // Asking for a magic link: always the same neutral answer (the API mails known users only).
        if (email?.verificationRequest) return true;
        // Single sign-on: the API admits the identity (linking it to the existing, active account
        // with the address the provider verified, on its first sign-in) or says why not. next-auth
        // then finds the linked identity and opens the session.
        if (account?.provider === OIDC_PROVIDER_ID) {
          return admitSso(settings, account.providerAccountId, profile as OidcClaims | undefined);
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
