"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { DataRoomFolders } from "./types";

export const DOCUMENT_PAGE_SIZE = 25;

/** The data room's folders (with counts) and what the reader may do there. */
export function useFolders(projectId: string, initial?: DataRoomFolders) {
  const trpc = useTRPC();
  return useQuery(
    trpc.documents.folders.queryOptions({ projectId }, initial ? { initialData: initial } : {}),
  );
}

/** The documents of one folder (or all), found by words when `q` is given, a page at a time. */
export function useDocumentList(projectId: string, folderId: string | null, q: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = {
    projectId,
    limit: DOCUMENT_PAGE_SIZE,
    ...(folderId ? { folderId } : {}),
    ...(q ? { q } : {}),
  };
  return useInfiniteQuery({
    queryKey: trpc.documents.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.documents.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Reads again what a change to the data room moves: its folders' counts, its lists, a document. */
export function useRefreshDataRoom(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (documentId?: string) =>
      Promise.all([
        queryClient.invalidateQueries(trpc.documents.folders.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.documents.list.pathFilter()),
        queryClient.invalidateQueries(trpc.documents.changes.queryFilter({ projectId })),
        ...(documentId
          ? [queryClient.invalidateQueries(trpc.documents.get.queryFilter({ documentId }))]
          : []),
      ]),
    [queryClient, trpc, projectId],
  );
}
