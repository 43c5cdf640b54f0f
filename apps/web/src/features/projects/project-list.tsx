"use client";

import type { ListProjectsInput } from "@lodestone/domain/project-list";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { toLoadError } from "./load-error";
import { ProjectListView } from "./project-list-view";

const PROJECT_PAGE_SIZE = 20;

/** The project list, fetched page by page (keyset: each page's nextCursor asks for the next). */
export function ProjectList() {
  const trpc = useTRPC();
  const input = { limit: PROJECT_PAGE_SIZE } satisfies ListProjectsInput;

  const query = useInfiniteQuery(
    trpc.project.list.infiniteQueryOptions(input, {
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
  );

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
