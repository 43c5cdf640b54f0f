"use client";

import type { ListProjectsInput } from "@lodestone/domain/project-list";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { toLoadError } from "./load-error";
import { ProjectListView } from "./project-list-view";

const PROJECT_PAGE_SIZE = 20;

/**
 * The project list, fetched page by page (keyset: each page's nextCursor asks for the next).
 *
 * The query function is written out rather than taken from `trpc.project.list.infiniteQueryOptions`
 * because that helper adds `direction` (and may add `cursor: null`) to the input, which the strict
 * `ListProjectsInput` schema rejects. The cache key is still tRPC's own, so `trpc.project.list`
 * filters (invalidate, refetch) reach this query.
 */
export function ProjectList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { limit: PROJECT_PAGE_SIZE } satisfies ListProjectsInput;

  const query = useInfiniteQuery({
    queryKey: trpc.project.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.project.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const hasData = query.data !== undefined;

  return (
    <ProjectListView
      status={hasData ? "success" : query.isError ? "error" : "pending"}
      items={items}
      error={!hasData && query.error ? toLoadError(query.error) : null}
      onRetry={() => void query.refetch()}
      hasNextPage={query.hasNextPage}
      isFetchingNextPage={query.isFetchingNextPage}
      loadMoreError={query.isFetchNextPageError ? toLoadError(query.error) : null}
      onLoadMore={() => void query.fetchNextPage()}
    />
  );
}
