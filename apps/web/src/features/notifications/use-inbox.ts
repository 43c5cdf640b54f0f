"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { listInput, type InboxFilters } from "./inbox-filters";

const PAGE_SIZE = 25;

/** The notifications `filters` select, newest first, page by page (keyset "load more"). */
export function useInboxList(filters: InboxFilters) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = listInput(filters, PAGE_SIZE);
  // Written out (not `infiniteQueryOptions`): that helper adds `direction` to the input, which the
  // strict input schema refuses. The key is tRPC's own, so `trpc.notifications` filters reach it.
  return useInfiniteQuery({
    queryKey: trpc.notifications.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.notifications.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Reads the lists and the unread count again (after the reader's own change). */
export function useRefreshInbox(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.notifications.list.pathFilter()),
      queryClient.invalidateQueries(trpc.notifications.unread.pathFilter()),
    ]);
}

/**
 * Changes notifications (read, done, saved, snoozed). The lists and the header's count are read
 * again when it settles, even when the component that asked has gone (a link followed).
 */
export function useUpdateNotifications() {
  const trpc = useTRPC();
  const refresh = useRefreshInbox();
  return useMutation(trpc.notifications.update.mutationOptions({ onSettled: () => refresh() }));
}

/** Marks everything in the inbox as read. */
export function useMarkAllRead() {
  const trpc = useTRPC();
  const refresh = useRefreshInbox();
  return useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: () => refresh() }));
}
