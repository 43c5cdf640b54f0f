import { z } from "zod";

// Single sign-on (OpenID Connect): who may come in through the organisation's provider.
//
// Lodestone never creates a user at sign-in; people are invited. A provider identity (issuer's
// provider id + subject) is linked to an existing, active account the first time it signs in,
// and only when the provider asserts that it verified the email address (`email_verified`, which
// must be the JSON `true`, not a string or a missing claim). From then on the identity is the
// subject, not the address (OpenID Connect Core §5.7): a linked identity signs in even if the
// provider later stops sending the address. A deactivated account never signs in.

/** Why single sign-on did not let someone in. */
export const SSO_REFUSALS = [
  /** The provider did not assert that it verified the address: nothing is linked by it. */
  "EMAIL_UNVERIFIED",
  /** No account has this address. */
  "NO_ACCOUNT",
  /** The account (linked or found by its address) is deactivated. */
  "DEACTIVATED",
  /** The account is already linked to another identity of the same provider. */
  "OTHER_IDENTITY_LINKED",
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export type SsoAdmission =
  | { kind: "reuse"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "refuse"; reason: SsoRefusal };

export interface SsoAdmissionFacts {
  /** The identity signing in. */
  providerAccountId: string;
  /** The account this identity is already linked to, if any. */
  linkedTo: { userId: string; active: boolean } | null;
  /** Whether the provider asserted that it verified the address (the claim, as sent). */
  emailVerified: unknown;
  /**
   * The account with the asserted address, if any, and the identities of this provider already
   * linked to it. Only looked at when the identity is not linked yet.
   */
  accountByEmail: { userId: string; active: boolean; linkedIdentities: readonly string[] } | null;
}

/** The `email_verified` claim counts only as the JSON boolean `true`. */
export function isEmailVerifiedClaim(claim: unknown): boolean {
  return claim === true;
}

/**
 * Decides a single sign-on. The order matters: an unverified address is refused before anything
 * about the account with that address is looked at, so the answer to an unverified claim tells
 * nothing about which accounts exist.
 */
export function decideSsoAdmission(facts: SsoAdmissionFacts): SsoAdmission {
  if (facts.linkedTo) {
    return facts.linkedTo.active
      ? { kind: "reuse", userId: facts.linkedTo.userId }
      : { kind: "refuse", reason: "DEACTIVATED" };
  }
  if (!isEmailVerifiedClaim(facts.emailVerified)) return { kind: "refuse", reason: "EMAIL_UNVERIFIED" };
  const account = facts.accountByEmail;
  if (!account) return { kind: "refuse", reason: "NO_ACCOUNT" };
  if (!account.active) return { kind: "refuse", reason: "DEACTIVATED" };
  // Linked by a sign-in that committed a moment ago: the same identity, so simply reuse it.
  if (account.linkedIdentities.includes(facts.providerAccountId)) {
    return { kind: "reuse", userId: account.userId };
  }
  if (account.linkedIdentities.length > 0) return { kind: "refuse", reason: "OTHER_IDENTITY_LINKED" };
  return { kind: "link", userId: account.userId };
}

/**
 * The web's next-auth asks the API to admit a single sign-on: the identity, and the address and
 * its verification as the provider asserted them in the ID token. The address is not required to
 * be well-formed here (a provider may send anything); it only ever matches an account's address.
 */
export const AdmitSsoSignInCommand = z
  .object({
    provider: z.string().min(1).max(64),
    providerAccountId: z.string().min(1).max(255),
    email: z
      .string()
      .max(254)
      .transform((e) => e.trim().toLowerCase())
      .nullable(),
    emailVerified: z.boolean(),
  })
  .strict();
export type AdmitSsoSignInCommand = z.infer<typeof AdmitSsoSignInCommand>;
