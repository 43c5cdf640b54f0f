"use client";

import type { ListUsersInput } from "@lodestone/domain/user";
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { UserFilters } from "./user-filters";

const PAGE_SIZE = 25;

/** The users matching `filters`, page by page (keyset "load more"). */
export function useUserList(filters: UserFilters) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = {
    limit: PAGE_SIZE,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    includeDeactivated: filters.status === "all",
  } satisfies ListUsersInput;

  // Written out (not `infiniteQueryOptions`): that helper adds `direction` to the input, which
  // the strict ListUsersInput refuses. The key is tRPC's own, so `trpc.user.list` filters reach it.
  return useInfiniteQuery({
    queryKey: trpc.user.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.user.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export type UserListQuery = ReturnType<typeof useUserList>;

/** Refetch the user list and the delegations (whose user counts change with it). */
export function useRefreshUserLists(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.user.list.pathFilter()),
      queryClient.invalidateQueries(trpc.delegation.list.pathFilter()),
    ]);
}
