import type { Page } from "@lodestone/domain/page";

/**
 * Turns the rows of a keyset query that asked for `limit + 1` rows into a page: the extra row
 * only tells that there is more, and the last item's id is the next cursor.
 */
export function keysetPage<Row, Item extends { id: string }>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const items = (hasMore ? rows.slice(0, limit) : rows).map(toItem);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** The Prisma arguments that continue after `cursor` (the last id of the previous page). */
export function afterCursor(cursor: string | null | undefined): { cursor?: { id: string }; skip?: number } {
  return cursor ? { cursor: { id: cursor }, skip: 1 } : {};
}
