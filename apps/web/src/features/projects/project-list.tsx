"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { toLoadError } from "./load-error";
import { ProjectFilterForm } from "./project-filter-form";
import {
  hasProjectFilters,
  projectFiltersFromParams,
  projectFiltersToInput,
  projectFiltersToQuery,
  type ProjectFilters,
} from "./project-filters";
import { ProjectListView } from "./project-list-view";

const PROJECT_PAGE_SIZE = 20;

/**
 * The project list with its search and filters (kept in the address, so a link shares them and
 * back/forward works), fetched page by page (keyset: each page's nextCursor asks for the next).
 */
export function ProjectList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = projectFiltersFromParams(searchParams);
  const input = projectFiltersToInput(filters, PROJECT_PAGE_SIZE);

  const query = useInfiniteQuery(
    trpc.project.list.infiniteQueryOptions(input, {
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const delegations = useQuery(trpc.delegation.list.queryOptions());

  function navigate(next: ProjectFilters) {
    const search = projectFiltersToQuery(next);
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const hasData = query.data !== undefined;

  return (
    <div className="flex flex-col gap-6">
      <ProjectFilterForm filters={filters} delegations={delegations.data ?? []} onChange={navigate} />
      <ProjectListView
        status={hasData ? "success" : query.isError ? "error" : "pending"}
        items={items}
        filtered={hasProjectFilters(filters)}
        error={!hasData && query.error ? toLoadError(query.error) : null}
        onRetry={() => void query.refetch()}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        loadMoreError={query.isFetchNextPageError ? toLoadError(query.error) : null}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </div>
  );
}
