import type { Stance } from "@lodestone/domain/enums";
import type { Page } from "@lodestone/domain/page";
import type { Tx } from "../client.js";
import { Prisma } from "../generated/prisma/client.js";
import { queryRows } from "../statement.js";
import { keysetPage } from "./page.js";

export interface CommentRow {
  id: string;
  projectId: string;
  parentId: string | null;
  depth: number;
  stance: Stance | null;
  body: string;
  authorId: string;
  authorName: string;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  replyCount: number;
  createdAt: Date;
}

/** A comment row with its author's name, as the model queries read it. */
export const commentSelect = {
  id: true,
  projectId: true,
  parentId: true,
  depth: true,
  stance: true,
  body: true,
  authorId: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  replyCount: true,
  createdAt: true,
  author: { select: { name: true } },
} as const;

type Selected = Omit<CommentRow, "authorName"> & { author: { name: string } };
const toRow = ({ author, ...c }: Selected): CommentRow => ({ ...c, authorName: author.name });

export async function getComment(tx: Tx, id: string): Promise<CommentRow | null> {
  const row = await tx.comment.findUnique({ where: { id }, select: commentSelect });
  return row ? toRow(row) : null;
}

/**
 * One keyset page of a thread level, oldest first (top-level threads when `parentId` is null), in
 * one statement. The keyset condition compares (createdAt, id) with the cursor's row, so the scan
 * starts at the cursor on the thread's index: page 1,000 costs what page 1 does. (Prisma's own
 * cursor is an OR the planner can only filter with after reading the cursor's row first, and its
 * nested select built the author as JSON: written out, two statements become one and the API
 * spends half the CPU on it — `pnpm --filter @lodestone/bench queries`.)
 */
export async function listComments(
  tx: Tx,
  query: { projectId: string; parentId: string | null; cursor?: string | null | undefined; limit: number },
): Promise<Page<CommentRow>> {
  const rows = await queryRows<CommentRow>(
    tx,
    Prisma.sql`
    SELECT c.id, c."projectId", c."parentId", c.depth, c.stance::text AS stance, c.body, c."authorId",
           u.name AS "authorName", c."editedAt", c."deletedAt", c."hiddenAt", c."hiddenReason",
           c."replyCount", c."createdAt"
    FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
    WHERE c."projectId" = ${query.projectId}::uuid
      AND ${query.parentId === null ? Prisma.sql`c."parentId" IS NULL` : Prisma.sql`c."parentId" = ${query.parentId}::uuid`}
      ${
        query.cursor
          ? Prisma.sql`AND (c."createdAt", c.id) > (SELECT "createdAt", id FROM "Comment" WHERE id = ${query.cursor}::uuid)`
          : Prisma.empty
      }
    ORDER BY c."createdAt", c.id
    LIMIT ${query.limit + 1}`,
  );
  return keysetPage(rows, query.limit, (row) => row);
}

/** Creates a comment (one INSERT … RETURNING: the author's name is the caller's, not read back). */
export async function createComment(
  tx: Tx,
  c: {
    projectId: string;
    parentId: string | null;
    depth: number;
    stance: Stance | null;
    body: string;
    authorId: string;
    authorName: string;
  },
): Promise<CommentRow> {
  const { authorName, ...data } = c;
  const { author: _none, ...scalars } = commentSelect;
  const row = await tx.comment.create({ data, select: scalars });
  if (c.parentId) {
    await tx.comment.update({
      where: { id: c.parentId },
      data: { replyCount: { increment: 1 } },
      select: { id: true },
    });
  }
  return { ...row, authorName };
}

/** Keeps the previous text in the edit history, then replaces it. */
export async function editComment(
  tx: Tx,
  id: string,
  body: string,
  editorId: string,
  at: Date,
): Promise<CommentRow> {
  const before = await tx.comment.findUniqueOrThrow({ where: { id }, select: { body: true } });
  await tx.commentEdit.create({
    data: { commentId: id, previousBody: before.body, editorId },
    select: { id: true },
  });
  return toRow(
    await tx.comment.update({ where: { id }, data: { body, editedAt: at }, select: commentSelect }),
  );
}

export async function listCommentEdits(tx: Tx, commentId: string) {
  const rows = await tx.commentEdit.findMany({
    where: { commentId },
    select: { id: true, previousBody: true, createdAt: true, editor: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function markCommentDeleted(tx: Tx, id: string, at: Date): Promise<CommentRow> {
  return toRow(await tx.comment.update({ where: { id }, data: { deletedAt: at }, select: commentSelect }));
}

export async function setCommentHidden(
  tx: Tx,
  id: string,
  hidden: { at: Date; reason: string; byId: string } | null,
): Promise<CommentRow> {
  const data = hidden
    ? { hiddenAt: hidden.at, hiddenReason: hidden.reason, hiddenById: hidden.byId }
    : { hiddenAt: null, hiddenReason: null, hiddenById: null };
  return toRow(await tx.comment.update({ where: { id }, data, select: commentSelect }));
}

/** Comments on a project and the stance of its threads, counted by the database. */
export async function commentStats(tx: Tx, projectId: string) {
  const [total, stances] = await Promise.all([
    tx.comment.count({ where: { projectId, deletedAt: null } }),
    tx.comment.groupBy({
      by: ["stance"],
      where: { projectId, parentId: null, deletedAt: null, stance: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const byStance = { SUPPORT: 0, OPPOSE: 0, NEUTRAL: 0, QUESTION: 0 } as Record<Stance, number>;
  for (const s of stances) if (s.stance) byStance[s.stance] = s._count._all;
  return { total, byStance };
}
