import type { Stance } from "@lodestone/domain/enums";
import type { Page } from "@lodestone/domain/page";
import type { Tx } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";
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

const select = {
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
  const row = await tx.comment.findUnique({ where: { id }, select });
  return row ? toRow(row) : null;
}

/** One keyset page of a thread level, oldest first (top-level threads when `parentId` is null). */
export async function listComments(
  tx: Tx,
  query: { projectId: string; parentId: string | null; cursor?: string | null | undefined; limit: number },
): Promise<Page<CommentRow>> {
  // The keyset condition is written out so that its first half bounds the index scan
  // (createdAt >= the cursor's): Prisma's own cursor is an OR the planner can only filter with,
  // so page 1,000 of a long thread walked the 20,000 comments before it.
  let after: Prisma.CommentWhereInput = {};
  if (query.cursor) {
    const cursor = await tx.comment.findUnique({
      where: { id: query.cursor },
      select: { id: true, createdAt: true },
    });
    if (!cursor) return { items: [], nextCursor: null };
    after = {
      createdAt: { gte: cursor.createdAt },
      OR: [{ createdAt: { gt: cursor.createdAt } }, { id: { gt: cursor.id } }],
    };
  }
  const rows = await tx.comment.findMany({
    where: { projectId: query.projectId, parentId: query.parentId, ...after },
    select,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  return keysetPage(rows, query.limit, toRow);
}

export async function createComment(
  tx: Tx,
  c: {
    projectId: string;
    parentId: string | null;
    depth: number;
    stance: Stance | null;
    body: string;
    authorId: string;
  },
): Promise<CommentRow> {
  const row = await tx.comment.create({ data: c, select });
  if (c.parentId) {
    await tx.comment.update({
      where: { id: c.parentId },
      data: { replyCount: { increment: 1 } },
      select: { id: true },
    });
  }
  return toRow(row);
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
  return toRow(await tx.comment.update({ where: { id }, data: { body, editedAt: at }, select }));
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
  return toRow(await tx.comment.update({ where: { id }, data: { deletedAt: at }, select }));
}

export async function setCommentHidden(
  tx: Tx,
  id: string,
  hidden: { at: Date; reason: string; byId: string } | null,
): Promise<CommentRow> {
  const data = hidden
    ? { hiddenAt: hidden.at, hiddenReason: hidden.reason, hiddenById: hidden.byId }
    : { hiddenAt: null, hiddenReason: null, hiddenById: null };
  return toRow(await tx.comment.update({ where: { id }, data, select }));
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
