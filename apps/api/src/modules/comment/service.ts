import { inTransaction, type Tx } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as comments from "@lodestone/db/repositories/comment";
import {
  canComment,
  canReadCommentHistory,
  commentVisibility,
  MAX_COMMENT_DEPTH,
  type CommentView,
  type EditCommentInput,
  type HideCommentInput,
  type ListCommentsInput,
  type PostCommentInput,
} from "@lodestone/domain/deliberation";
import { DomainError } from "@lodestone/domain/errors";
import { mentionedIn, mentionPrefixes } from "@lodestone/domain/notifications";
import { usersNamed } from "@lodestone/db/repositories/notifications";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";
import { projectChange, visibleProject } from "../project/service.js";

function view(ctx: SignedInContext, c: comments.CommentRow): CommentView {
  const state = commentVisibility(ctx.user, c);
  const shown = state === "visible" || state === "hidden-but-shown";
  return {
    id: c.id,
    parentId: c.parentId,
    depth: c.depth,
    stance: c.stance,
    body: shown ? c.body : null,
    author: state === "deleted" ? null : { id: c.authorId, name: c.authorName },
    state: state === "hidden-but-shown" ? "hidden" : state,
    hiddenReason: state === "hidden-but-shown" ? c.hiddenReason : null,
    edited: c.editedAt !== null,
    replyCount: c.replyCount,
    createdAt: c.createdAt.toISOString(),
    canEdit: state !== "deleted" && c.authorId === ctx.user.id,
  };
}

async function commentFor(tx: Tx, ctx: SignedInContext, id: string) {
  const comment = await comments.getComment(tx, id);
  if (!comment) throw new DomainError("NOT_FOUND", "There is no such comment.");
  await visibleProject(tx, ctx, comment.projectId);
  return comment;
}

export async function listComments({ ctx, input }: UseCase<z.output<typeof ListCommentsInput>>) {
  await visibleProject(ctx.db.prisma, ctx, input.projectId);
  const page = await comments.listComments(ctx.db.prisma, input);
  return { items: page.items.map((c) => view(ctx, c)), nextCursor: page.nextCursor };
}

export async function getCommentStats({ ctx, input }: UseCase<{ projectId: string }>) {
  await visibleProject(ctx.db.prisma, ctx, input.projectId);
  return comments.commentStats(ctx.db.prisma, input.projectId);
}

export function postComment({
  ctx,
  input,
}: UseCase<z.output<typeof PostCommentInput>>): Promise<CommentView> {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProject(tx, ctx, input.projectId);
    if (!canComment(ctx.user, project)) {
      throw new DomainError("FORBIDDEN", "You cannot comment on this project.");
    }
    let depth = 0;
    if (input.parentId) {
      const parent = await comments.getComment(tx, input.parentId);
      if (!parent || parent.projectId !== input.projectId) {
        throw new DomainError("NOT_FOUND", "The comment you reply to does not exist.");
      }
      if (parent.depth >= MAX_COMMENT_DEPTH) {
        throw new DomainError("VALIDATION", "This thread is as deep as it goes: reply further up.");
      }
      depth = parent.depth + 1;
    }
    const created = await comments.createComment(tx, {
      projectId: input.projectId,
      parentId: input.parentId,
      depth,
      stance: input.stance,
      body: input.body,
      authorId: ctx.user.id,
      authorName: ctx.user.name,
    });
    const change = commentChange(ctx, created);
    const mentions = await mentionsIn(tx, input.body, ctx.user.id);
    await recordEvent(tx, {
      type: "comment.posted",
      ...change,
      data: mentions.length ? { ...change.data, mentions } : change.data,
      audit: { after: { projectId: created.projectId, parentId: created.parentId, stance: created.stance } },
    });
    return view(ctx, created);
  });
}

/** Who a comment names with `@Full Name` (never its author); the notifier decides who may hear of it. */
async function mentionsIn(tx: Tx, body: string, authorId: string): Promise<string[]> {
  const prefixes = mentionPrefixes(body);
  if (prefixes.length === 0) return [];
  return mentionedIn(body, await usersNamed(tx, prefixes))
    .filter((id) => id !== authorId)
    .slice(0, 50);
}

/** What every comment event names: the comment, its project, and its state after the change. */
function commentChange(
  ctx: SignedInContext,
  c: {
    id: string;
    projectId: string;
    parentId: string | null;
    authorId: string;
    hiddenAt: Date | null;
    deletedAt: Date | null;
  },
) {
  return {
    ...projectChange(ctx, c.projectId),
    subject: { type: "Comment" as const, id: c.id },
    data: {
      commentId: c.id,
      parentId: c.parentId,
      authorId: c.authorId,
      hidden: c.hiddenAt !== null,
      deleted: c.deletedAt !== null,
    },
  };
}

export function editComment({
  ctx,
  input,
}: UseCase<z.output<typeof EditCommentInput>>): Promise<CommentView> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await commentFor(tx, ctx, input.commentId);
    if (before.authorId !== ctx.user.id)
      throw new DomainError("FORBIDDEN", "Only the author can edit a comment.");
    if (before.deletedAt) throw new DomainError("INVALID_STATE", "A removed comment cannot be edited.");
    const after = await comments.editComment(tx, input.commentId, input.body, ctx.user.id, ctx.now());
    await recordEvent(tx, {
      type: "comment.edited",
      ...commentChange(ctx, after),
      audit: { before: { body: before.body }, after: { body: after.body } },
    });
    return view(ctx, after);
  });
}

export async function getCommentHistory({ ctx, input }: UseCase<{ commentId: string }>) {
  const comment = await commentFor(ctx.db.prisma, ctx, input.commentId);
  if (!canReadCommentHistory(ctx.user, comment)) {
    throw new DomainError("FORBIDDEN", "The history of this comment is not shown to you.");
  }
  return comments.listCommentEdits(ctx.db.prisma, input.commentId);
}

/** Removes a comment's text; the thread keeps its place ("comment removed"). */
export function deleteComment({ ctx, input }: UseCase<{ commentId: string }>): Promise<CommentView> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await commentFor(tx, ctx, input.commentId);
    if (before.authorId !== ctx.user.id)
      throw new DomainError("FORBIDDEN", "Only the author can remove a comment.");
    if (before.deletedAt) throw new DomainError("CONFLICT", "This comment is already removed.");
    const after = await comments.markCommentDeleted(tx, input.commentId, ctx.now());
    await recordEvent(tx, {
      type: "comment.deleted",
      ...commentChange(ctx, after),
      audit: { before: { body: before.body } },
    });
    return view(ctx, after);
  });
}

export function hideComment({
  ctx,
  input,
}: UseCase<z.output<typeof HideCommentInput>>): Promise<CommentView> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await commentFor(tx, ctx, input.commentId);
    if (before.hiddenAt) throw new DomainError("CONFLICT", "This comment is already hidden.");
    const after = await comments.setCommentHidden(tx, input.commentId, {
      at: ctx.now(),
      reason: input.reason,
      byId: ctx.user.id,
    });
    await recordEvent(tx, {
      type: "comment.hidden",
      ...commentChange(ctx, after),
      audit: { after: { reason: input.reason } },
    });
    return view(ctx, after);
  });
}

export function unhideComment({ ctx, input }: UseCase<{ commentId: string }>): Promise<CommentView> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await commentFor(tx, ctx, input.commentId);
    if (!before.hiddenAt) throw new DomainError("CONFLICT", "This comment is not hidden.");
    const after = await comments.setCommentHidden(tx, input.commentId, null);
    await recordEvent(tx, {
      type: "comment.unhidden",
      ...commentChange(ctx, after),
      audit: { before: { reason: before.hiddenReason } },
    });
    return view(ctx, after);
  });
}
