"use client";

import type { AppRouter } from "@lodestone/api/router";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { toLoadError } from "./load-error";
import { ProjectFilterForm } from "./project-filter-form";
import {
  PROJECT_PAGE_SIZE,
  hasProjectFilters,
  projectFiltersFromParams,
  projectFiltersToInput,
  projectFiltersToQuery,
  type ProjectFilters,
} from "./project-filters";
import { ProjectListView } from "./project-list-view";

type Outputs = inferRouterOutputs<AppRouter>;

/** What the server loaded with the page, so the first page of the list is in its HTML. */
export interface ProjectListInitial {
  /** The filters it was loaded for, as in the address (`projectFiltersToQuery`). */
  query: string;
  firstPage: Outputs["project"]["list"];
  delegations: Outputs["delegation"]["list"];
}

/**
 * The project list with its search and filters (kept in the address, so a link shares them and
 * back/forward works), fetched page by page (keyset: each page's nextCursor asks for the next).
 * `initial`: the first page and the delegations as the server loaded them for the page's address
 * (then nothing is fetched until the filters change or the data is stale).
 */
export function ProjectList({ initial = null }: { initial?: ProjectListInitial | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = projectFiltersFromParams(searchParams);
  const input = projectFiltersToInput(filters, PROJECT_PAGE_SIZE);
  const seeded = initial !== null && initial.query === projectFiltersToQuery(filters);

  const query = useInfiniteQuery(
    trpc.project.list.infiniteQueryOptions(input, {
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      placeholderData: keepPreviousData,
      initialData: seeded ? { pages: [initial.firstPage], pageParams: [null] } : undefined,
    }),
  );
  const delegations = useQuery(
    trpc.delegation.list.queryOptions(undefined, { initialData: initial?.delegations }),
  );

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
