// Storage behind next-auth (users, accounts, sessions, verification tokens), reached only
// through the API. Session tokens are stored as SHA-256 hashes: a copy of the table opens nothing.
import type { Locale, Role } from "@lodestone/domain/enums";
import type { Tx } from "../client.js";
import { Prisma } from "../generated/prisma/client.js";
import { queryRows } from "../statement.js";

export interface AuthUser {
  id: string;
  email: string;
  emailVerified: Date | null;
  name: string;
  image: string | null;
}

const authUserSelect = { id: true, email: true, emailVerified: true, name: true, image: true } as const;

/** The signed-in caller as every request needs it. */
export interface SessionPrincipal {
  id: string;
  name: string;
  email: string;
  role: Role;
  delegation: string | null;
  organisationId: string | null;
  locale: Locale;
  timeZone: string;
}

export async function getAuthUser(tx: Tx, id: string): Promise<AuthUser | null> {
  return tx.user.findFirst({ where: { id, deactivatedAt: null }, select: authUserSelect });
}

export async function getAuthUserByEmail(tx: Tx, email: string): Promise<AuthUser | null> {
  return tx.user.findFirst({
    where: { email: email.toLowerCase(), deactivatedAt: null },
    select: authUserSelect,
  });
}

export async function getAuthUserByAccount(
  tx: Tx,
  provider: string,
  providerAccountId: string,
): Promise<AuthUser | null> {
  const account = await tx.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { ...authUserSelect, deactivatedAt: true } } },
  });
  if (!account || account.user.deactivatedAt) return null;
  const { deactivatedAt: _ignored, ...user } = account.user;
  return user;
}

export async function markEmailVerified(tx: Tx, id: string, at: Date): Promise<AuthUser> {
  return tx.user.update({ where: { id }, data: { emailVerified: at }, select: authUserSelect });
}

/** The account a provider identity is linked to, and whether that account may sign in. */
export async function findIdentityHolder(
  tx: Tx,
  provider: string,
  providerAccountId: string,
): Promise<{ userId: string; active: boolean } | null> {
  const account = await tx.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true, user: { select: { deactivatedAt: true } } },
  });
  return account ? { userId: account.userId, active: account.user.deactivatedAt === null } : null;
}

/**
 * The account with this address (active or not) and the identities of `provider` linked to it,
 * with the account's row locked until the transaction ends: two first sign-ins of one person
 * cannot both link.
 */
export async function lockAccountForLinking(
  tx: Tx,
  email: string,
  provider: string,
): Promise<{ userId: string; active: boolean; linkedIdentities: string[] } | null> {
  const [row] = await queryRows<{ id: string; deactivatedAt: Date | null }>(
    tx,
    Prisma.sql`SELECT id, "deactivatedAt" FROM "User" WHERE email = ${email.toLowerCase()} FOR UPDATE`,
  );
  if (!row) return null;
  const links = await tx.account.findMany({
    where: { userId: row.id, provider },
    select: { providerAccountId: true },
    orderBy: { providerAccountId: "asc" },
  });
  return {
    userId: row.id,
    active: row.deactivatedAt === null,
    linkedIdentities: links.map((l) => l.providerAccountId),
  };
}

/**
 * Links a provider identity to an account. Only the identity is kept: Lodestone never calls the
 * provider, so its tokens are not stored.
 */
export async function createIdentityLink(
  tx: Tx,
  link: { userId: string; type: string; provider: string; providerAccountId: string },
): Promise<void> {
  await tx.account.create({ data: link, select: { id: true } });
}

export async function unlinkAccount(tx: Tx, provider: string, providerAccountId: string): Promise<void> {
  await tx.account.deleteMany({ where: { provider, providerAccountId } });
}

export async function createSession(tx: Tx, tokenHash: string, userId: string, expires: Date): Promise<void> {
  await tx.session.create({ data: { sessionToken: tokenHash, userId, expires }, select: { id: true } });
}

/** Moves a session's expiry; returns its user, or null when there is no such session. */
export async function updateSessionExpiry(tx: Tx, tokenHash: string, expires: Date): Promise<string | null> {
  const rows = await tx.session.updateManyAndReturn({
    where: { sessionToken: tokenHash },
    data: { expires },
    select: { userId: true },
  });
  return rows[0]?.userId ?? null;
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.session.deleteMany({ where: { sessionToken: tokenHash } });
}

/** Ends every session of a user (sign out everywhere; deactivation). Returns how many ended. */
export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}

export interface SessionWithUser {
  expires: Date;
  userId: string;
  principal: SessionPrincipal;
  authUser: AuthUser;
}

/** A live session (not expired) of an active user, or null. Every request asks this first. */
export async function findSession(tx: Tx, tokenHash: string, now: Date): Promise<SessionWithUser | null> {
  const [row] = await queryRows<{
    expires: Date;
    id: string;
    email: string;
    emailVerified: Date | null;
    name: string;
    image: string | null;
    role: Role;
    locale: Locale;
    timeZone: string;
    deactivatedAt: Date | null;
    organisationId: string | null;
    delegation: string | null;
  }>(
    tx,
    Prisma.sql`
      SELECT s.expires, u.id, u.email, u."emailVerified", u.name, u.image, u.role::text AS role,
             u.locale::text AS locale, u."timeZone", u."deactivatedAt", u."organisationId",
             d.code AS delegation
      FROM "Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "Delegation" d ON d.id = u."delegationId"
      WHERE s."sessionToken" = ${tokenHash}`,
  );
  if (!row || row.expires <= now || row.deactivatedAt) return null;
  return {
    expires: row.expires,
    userId: row.id,
    authUser: {
      id: row.id,
      email: row.email,
      emailVerified: row.emailVerified,
      name: row.name,
      image: row.image,
    },
    principal: {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      delegation: row.delegation,
      organisationId: row.organisationId,
      locale: row.locale,
      timeZone: row.timeZone,
    },
  };
}

export async function createVerificationToken(
  tx: Tx,
  token: { identifier: string; token: string; expires: Date },
): Promise<void> {
  await tx.verificationToken.create({ data: token, select: { token: true } });
}

/** Consumes a verification token exactly once: returns it and deletes it, or null. */
export async function useVerificationToken(
  tx: Tx,
  identifier: string,
  token: string,
): Promise<{ identifier: string; token: string; expires: Date } | null> {
  const found = await tx.verificationToken.findUnique({
    where: { identifier_token: { identifier, token } },
    select: { identifier: true, token: true, expires: true },
  });
  if (!found) return null;
  const { count } = await tx.verificationToken.deleteMany({ where: { identifier, token } });
  return count === 1 ? found : null;
}

export async function getLocaleOf(tx: Tx, id: string): Promise<Locale | null> {
  const row = await tx.user.findUnique({ where: { id }, select: { locale: true } });
  return row?.locale ?? null;
}
