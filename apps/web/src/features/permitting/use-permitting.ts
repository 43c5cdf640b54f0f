"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/react";
import type { PermittingData } from "./types";

/** A project's permitting timetable as the server has it now (starting from what the page was rendered with). */
export function usePermitting(projectId: string, initial: PermittingData) {
  const trpc = useTRPC();
  return useQuery(trpc.permitting.get.queryOptions({ projectId }, { initialData: initial }));
}

/** Reads again what a change to a project's timetable moves: the timetable and the page across projects. */
export function useRefreshPermitting(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.permitting.get.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.permitting.overview.pathFilter()),
      ]),
    [queryClient, trpc, projectId],
  );
}
