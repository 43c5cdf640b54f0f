// The sign-in plumbing behind next-auth's adapter (the web holds no database). Only users who
// exist and are active can sign in: nothing here creates a user.
import { inTransaction } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as store from "@lodestone/db/repositories/session";
import { DomainError } from "@lodestone/domain/errors";
import { decideSsoAdmission, type AdmitSsoSignInCommand } from "@lodestone/domain/single-sign-on";
import type { Context, SignedInContext, UseCase } from "../../context.js";
import { hashToken } from "../../context.js";
import { enforceRateLimits, signInMailAllowed } from "../../rate-limit.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const userDto = (u: store.AuthUser | null) => (u ? { ...u, emailVerified: iso(u.emailVerified) } : null);

export async function getUser({ ctx, input }: UseCase<{ userId: string }, Context>) {
  return userDto(await store.getAuthUser(ctx.db.prisma, input.userId));
}

export async function getUserByEmail({ ctx, input }: UseCase<{ email: string }, Context>) {
  return userDto(await store.getAuthUserByEmail(ctx.db.prisma, input.email));
}

export async function getUserByAccount({
  ctx,
  input,
}: UseCase<{ provider: string; providerAccountId: string }, Context>) {
  return userDto(await store.getAuthUserByAccount(ctx.db.prisma, input.provider, input.providerAccountId));
}

export async function markEmailVerified({
  ctx,
  input,
}: UseCase<{ userId: string; emailVerified: Date }, Context>) {
  return userDto(await store.markEmailVerified(ctx.db.prisma, input.userId, input.emailVerified));
}

/**
 * Single sign-on: admits a provider identity, linking it to the existing, active account with the
 * address the provider verified on its first sign-in (domain rule `decideSsoAdmission`). One
 * transaction; a new link is audited. A refusal is an answer, not an error: the web shows it.
 */
export async function admitSsoSignIn({ ctx, input }: UseCase<AdmitSsoSignInCommand, Context>) {
  return inTransaction(ctx.db, async (tx) => {
    const linkedTo = await store.findIdentityHolder(tx, input.provider, input.providerAccountId);
    const accountByEmail =
      linkedTo || !input.email ? null : await store.lockAccountForLinking(tx, input.email, input.provider);
    const decision = decideSsoAdmission({
      providerAccountId: input.providerAccountId,
      linkedTo,
      emailVerified: input.emailVerified,
      accountByEmail,
    });
    if (decision.kind === "refuse") return { outcome: "refused" as const, reason: decision.reason };
    if (decision.kind === "link") {
      await store.createIdentityLink(tx, {
        userId: decision.userId,
        type: "oauth",
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      });
      await recordEvent(tx, {
        type: "account.linked",
        actorId: decision.userId,
        requestId: ctx.requestId,
        subject: { type: "User", id: decision.userId },
        projectId: null,
        data: {},
        audit: {
          after: {
            provider: input.provider,
            providerAccountId: input.providerAccountId,
            verifiedEmail: input.email,
          },
        },
      });
    }
    return {
      outcome: decision.kind === "link" ? ("linked" as const) : ("reused" as const),
      userId: decision.userId,
    };
  });
}

export async function unlinkAccount({
  ctx,
  input,
}: UseCase<{ provider: string; providerAccountId: string }, Context>) {
  await store.unlinkAccount(ctx.db.prisma, input.provider, input.providerAccountId);
  return { ok: true as const };
}

export async function createSession({
  ctx,
  input,
}: UseCase<{ sessionToken: string; userId: string; expires: Date }, Context>) {
  return inTransaction(ctx.db, async (tx) => {
    if (!(await store.getAuthUser(tx, input.userId))) {
      throw new DomainError("FORBIDDEN", "This account cannot sign in.");
    }
    await store.createSession(tx, hashToken(input.sessionToken), input.userId, input.expires);
    await recordEvent(tx, {
      type: "session.created",
      actorId: input.userId,
      requestId: ctx.requestId,
      subject: { type: "User", id: input.userId },
      projectId: null,
      data: {},
      audit: { after: { expires: input.expires.toISOString() } },
    });
    return { sessionToken: input.sessionToken, userId: input.userId, expires: input.expires.toISOString() };
  });
}

export async function getSessionAndUser({ ctx, input }: UseCase<{ sessionToken: string }, Context>) {
  const found = await store.findSession(ctx.db.prisma, hashToken(input.sessionToken), ctx.now());
  if (!found) return null;
  return {
    session: { sessionToken: input.sessionToken, userId: found.userId, expires: found.expires.toISOString() },
    user: { ...userDto(found.authUser)!, ...found.principal },
  };
}

export async function updateSession({
  ctx,
  input,
}: UseCase<{ sessionToken: string; expires?: Date | undefined }, Context>) {
  if (!input.expires) return null;
  const userId = await store.updateSessionExpiry(ctx.db.prisma, hashToken(input.sessionToken), input.expires);
  return userId ? { sessionToken: input.sessionToken, userId, expires: input.expires.toISOString() } : null;
}

export async function deleteSession({ ctx, input }: UseCase<{ sessionToken: string }, Context>) {
  await store.deleteSession(ctx.db.prisma, hashToken(input.sessionToken));
  return { ok: true as const };
}

export async function createVerificationToken({
  ctx,
  input,
}: UseCase<{ identifier: string; token: string; expires: Date }, Context>) {
  await store.createVerificationToken(ctx.db.prisma, input);
  return { ...input, expires: input.expires.toISOString() };
}

export async function useVerificationToken({
  ctx,
  input,
}: UseCase<{ identifier: string; token: string }, Context>) {
  const used = await store.useVerificationToken(ctx.db.prisma, input.identifier, input.token);
  return used ? { ...used, expires: used.expires.toISOString() } : null;
}

const SIGN_IN_MAIL = {
  en: {
    subject: "Sign in to Lodestone",
    text: (url: string) =>
      `Use this link to sign in to Lodestone:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this mail.`,
  },
  ja: {
    subject: "Lodestone へのサインイン",
    text: (url: string) =>
      `次のリンクから Lodestone にサインインしてください。\n\n${url}\n\nこのリンクは一度だけ使え、24 時間で無効になります。心当たりがない場合は、このメールを無視してください。`,
  },
} as const;

/**
 * Mails a sign-in link to an active user. An unknown or deactivated address gets the same answer
 * and no mail, so the answer tells nobody which addresses exist.
 */
export async function sendSignInLink({
  ctx,
  input,
}: UseCase<
  { email: string; url: string; locale: "en" | "ja"; clientIp?: string | null | undefined },
  Context
>) {
  // Refused per client address when the web server knows it (the refusal says how long to wait).
  if (input.clientIp) {
    await enforceRateLimits(ctx, [[ctx.rateLimits.signInMailsPerIp, `sign-in:ip:${input.clientIp}`]]);
  }
  // Counted per address asked for, known or not, and never refused: the answer is always the same
  // and tells nothing about accounts, and a flood of requests for someone's address slows the
  // mails to it down without stopping them.
  if (!(await signInMailAllowed(ctx, input.email))) return { ok: true as const };
  const user = await store.getAuthUserByEmail(ctx.db.prisma, input.email);
  if (user) {
    const locale = (await store.getLocaleOf(ctx.db.prisma, user.id)) ?? input.locale;
    const mail = SIGN_IN_MAIL[locale];
    await ctx.mailer.send({ to: user.email, subject: mail.subject, text: mail.text(input.url) });
  }
  return { ok: true as const };
}

export function getMe({ ctx }: { ctx: SignedInContext }) {
  return ctx.user;
}

/** Ends every session of the caller, this one included. */
export async function signOutEverywhere({ ctx }: { ctx: SignedInContext }) {
  return inTransaction(ctx.db, async (tx) => {
    const ended = await store.deleteSessionsOfUser(tx, ctx.user.id);
    await recordEvent(tx, {
      type: "session.signed_out_everywhere",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "User", id: ctx.user.id },
      projectId: null,
      data: {},
      audit: { after: { sessionsEnded: ended } },
    });
    return { sessionsEnded: ended };
  });
}
