/** next-auth's `?error=` codes, grouped into what we tell the person. */
const ERROR_MESSAGES = {
  AccessDenied: "accessDenied",
  EmailCreateAccount: "accessDenied",
  OAuthCreateAccount: "accessDenied",
  Verification: "verification",
  EmailSignin: "emailSignin",
  // Too many sign-in links asked for from this client address (the page says how long to wait).
  RateLimited: "rateLimited",
  OAuthSignin: "sso",
  OAuthCallback: "sso",
  OAuthAccountNotLinked: "sso",
  // Single sign-on's refusals (packages/auth, SSO_REFUSAL_ERRORS).
  SsoEmailUnverified: "ssoEmailUnverified",
  SsoAccountDeactivated: "ssoAccountDeactivated",
  SsoOtherIdentityLinked: "ssoOtherIdentityLinked",
  Callback: "callback",
  SessionRequired: "sessionRequired",
  Configuration: "configuration",
} as const;

export type SignInErrorKey = (typeof ERROR_MESSAGES)[keyof typeof ERROR_MESSAGES] | "default";

/** The message key for a next-auth error code; null when there is no error. */
export function signInErrorKey(code: string | null | undefined): SignInErrorKey | null {
  if (!code) return null;
  return Object.hasOwn(ERROR_MESSAGES, code)
    ? ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES]
    : "default";
}
