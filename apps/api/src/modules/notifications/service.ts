import { inTransaction, type Tx } from "@lodestone/db/client";
import * as repo from "@lodestone/db/repositories/notifications";
import { canSeeProject } from "@lodestone/domain/access";
import { DomainError } from "@lodestone/domain/errors";
import {
  DEFAULT_EMAIL_CHANNEL,
  emailChannelFor,
  followStateOf,
  NOTIFICATION_REASONS,
  snoozeProblem,
  type FollowSubjectInput,
  type ListNotificationsInput,
  type MentionableInput,
  type SetEmailPreferencesInput,
  type SetFollowInput,
  type UnsubscribeInput,
  type UnsubscribeScope,
  type UpdateNotificationsInput,
} from "@lodestone/domain/notifications";
import type { z } from "zod";
import type { Context, SignedInContext, UseCase } from "../../context.js";
import { visibleProject } from "../project/service.js";
import { unsubscribeTokens } from "./unsubscribe-token.js";

// The inbox, following and email preferences: each person's own, nobody else's.

export function listInbox({ ctx, input }: UseCase<z.output<typeof ListNotificationsInput>>) {
  return repo.listNotifications(ctx.db.prisma, ctx.user.id, input, ctx.now());
}

export async function unreadCount({ ctx }: UseCase<void>) {
  return { unread: await repo.countUnread(ctx.db.prisma, ctx.user.id, ctx.now()) };
}

export function updateNotifications({ ctx, input }: UseCase<z.output<typeof UpdateNotificationsInput>>) {
  const now = ctx.now();
  let snoozedUntil: Date | null | undefined = undefined;
  if (input.snoozedUntil !== undefined) {
    snoozedUntil = input.snoozedUntil === null ? null : new Date(input.snoozedUntil);
    const problem = snoozedUntil && snoozeProblem(snoozedUntil, now);
    if (problem) throw new DomainError("VALIDATION", problem);
  }
  return inTransaction(ctx.db, async (tx) => {
    const changed = await repo.updateNotifications(
      tx,
      ctx.user.id,
      input.ids,
      { ...input, snoozedUntil },
      now,
    );
    if (changed !== new Set(input.ids).size) {
      throw new DomainError("NOT_FOUND", "Some of those notifications do not exist (or are no longer kept).");
    }
    // Other tabs and devices of this person count again.
    await repo.announceInboxChange(tx);
    return { changed };
  });
}

export function markAllRead({ ctx }: UseCase<void>) {
  return inTransaction(ctx.db, async (tx) => {
    const changed = await repo.markAllRead(tx, ctx.user.id, ctx.now());
    // Other tabs and devices of this person count again.
    await repo.announceInboxChange(tx);
    return { changed };
  });
}

/** The caller's unread count now, then again each time it changes, until they go. */
export async function* liveUnread({ ctx, signal }: UseCase<void> & { signal: AbortSignal }) {
  let last = -1;
  while (!signal.aborted) {
    const unread = await repo.countUnread(ctx.db.prisma, ctx.user.id, ctx.now());
    if (unread !== last) {
      last = unread;
      yield { unread };
    }
    if (!(await ctx.inbox.next(signal))) return;
  }
}

// ── Following ────────────────────────────────────────────────────────────────────────────

async function visibleItem(tx: Tx, ctx: SignedInContext, subject: z.output<typeof FollowSubjectInput>) {
  const projectId = await repo.projectOfItem(tx, subject);
  const what = { PROJECT: "project", ROUND: "review round", MILESTONE: "milestone" }[subject.type];
  if (!projectId) throw new DomainError("NOT_FOUND", `There is no such ${what}.`);
  await visibleProject(tx, ctx, projectId).catch(() => {
    throw new DomainError("NOT_FOUND", `There is no such ${what}.`);
  });
  return projectId;
}

/** Whether the caller follows an item: their own choice, what being part of it implies, and the result. */
export async function followState({ ctx, input }: UseCase<z.output<typeof FollowSubjectInput>>) {
  const tx = ctx.db.prisma;
  const projectId = await visibleItem(tx, ctx, input);
  const [me] = await repo.candidatesFor(tx, { projectId, item: input, onlyUserId: ctx.user.id });
  const itemChoice = input.type === "PROJECT" ? null : (me?.itemChoice ?? null);
  const projectChoice = me?.projectChoice ?? null;
  const relations = [...(me?.relations ?? [])];
  return {
    choice: input.type === "PROJECT" ? projectChoice : itemChoice,
    /** The choice on the item's project, which applies when the item has none. */
    projectChoice: input.type === "PROJECT" ? null : projectChoice,
    relations,
    state: followStateOf({ itemChoice, projectChoice, relations: new Set(relations) }),
  };
}

export function setFollow({ ctx, input }: UseCase<z.output<typeof SetFollowInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const projectId = await visibleItem(tx, ctx, input.subject);
    await repo.setFollowChoice(tx, ctx.user.id, input.subject, projectId, input.state);
    return { state: input.state };
  });
}

// ── Email preferences ────────────────────────────────────────────────────────────────────

export async function preferences({ ctx }: UseCase<void>) {
  const choices = await repo.emailChoices(ctx.db.prisma, ctx.user.id);
  return {
    channels: NOTIFICATION_REASONS.map((reason) => ({
      reason,
      channel: emailChannelFor(reason, choices),
      default: DEFAULT_EMAIL_CHANNEL[reason],
    })),
  };
}

export function setPreferences({ ctx, input }: UseCase<z.output<typeof SetEmailPreferencesInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    await repo.setEmailChoices(tx, ctx.user.id, input.channels);
    return { saved: Object.keys(input.channels).length };
  });
}

// ── Mentions ─────────────────────────────────────────────────────────────────────────────

/** People the caller may name in a project's discussion: those who may see it, by name. */
export async function mentionable({ ctx, input }: UseCase<z.output<typeof MentionableInput>>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const people = await repo.mentionCandidates(tx, input.query, 50);
  return people
    .filter((p) => p.id !== ctx.user.id && canSeeProject(p, project))
    .slice(0, 8)
    .map((p) => ({ id: p.id, name: p.name }));
}

// ── One-click unsubscribe (no sign-in: the signed token is the proof) ────────────────────

function readToken(ctx: Context, token: string) {
  const read = unsubscribeTokens(ctx.internalSecret).read(token);
  if (!read) {
    throw new DomainError(
      "NOT_FOUND",
      "This unsubscribe link is not valid. Open your profile to change what you receive.",
    );
  }
  return read;
}

async function describeScope(tx: Tx, scope: UnsubscribeScope) {
  if (scope.kind !== "item") return { ...scope, project: null };
  const projectId = await repo.projectOfItem(tx, scope.subject);
  const project = projectId ? await repo.projectLabel(tx, projectId) : null;
  return { ...scope, project };
}

/** What a link would turn off, to show before the person confirms. */
export async function unsubscribePreview({
  ctx,
  input,
}: UseCase<z.output<typeof UnsubscribeInput>, Context>) {
  const { scope } = readToken(ctx, input.token);
  return describeScope(ctx.db.prisma, scope);
}

/**
 * Turns off what the link names: an item is muted, a reason or a digest channel is set to never.
 * Doing it twice changes nothing more.
 */
export function unsubscribe({ ctx, input }: UseCase<z.output<typeof UnsubscribeInput>, Context>) {
  const { userId, scope } = readToken(ctx, input.token);
  return inTransaction(ctx.db, async (tx) => {
    if (!(await repo.userExists(tx, userId)))
      throw new DomainError("NOT_FOUND", "This unsubscribe link is for an account that no longer exists.");
    if (scope.kind === "item") {
      const projectId = await repo.projectOfItem(tx, scope.subject);
      if (!projectId) throw new DomainError("NOT_FOUND", "What this link was for no longer exists.");
      await repo.setFollowChoice(tx, userId, scope.subject, projectId, "MUTED");
    } else if (scope.kind === "reason") {
      await repo.setEmailChoices(tx, userId, { [scope.reason]: "NEVER" });
    } else {
      const choices = await repo.emailChoices(tx, userId);
      const off = NOTIFICATION_REASONS.filter((r) => emailChannelFor(r, choices) === scope.channel);
      await repo.setEmailChoices(tx, userId, Object.fromEntries(off.map((r) => [r, "NEVER"])));
    }
    return describeScope(tx, scope);
  });
}

// ── Mail problems (administrators) ──────────────────────────────────────────────────────

export function mailProblems({ ctx, input }: UseCase<{ cursor?: string | null | undefined; limit: number }>) {
  return repo.listMailProblems(ctx.db.prisma, input);
}

export function retryMail({ ctx, input }: UseCase<{ id: string }>) {
  return inTransaction(ctx.db, async (tx) => {
    if (!(await repo.retryMail(tx, input.id, ctx.now()))) {
      throw new DomainError(
        "NOT_FOUND",
        "There is no failed mail with that id (it may have been sent meanwhile).",
      );
    }
    return { id: input.id };
  });
}
