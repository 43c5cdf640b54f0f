"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/react";
import type { GatesData } from "./types";

/** A project's gates as the server has them now (starting from what the page was rendered with). */
export function useGates(projectId: string, initial: GatesData) {
  const trpc = useTRPC();
  return useQuery(trpc.gates.get.queryOptions({ projectId }, { initialData: initial }));
}

/** Reads again what a change to a project's gates moves: its gates, the lists and panels that show them. */
export function useRefreshGates(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.gates.get.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.gates.overview.pathFilter()),
        queryClient.invalidateQueries(trpc.project.list.pathFilter()),
      ]),
    [queryClient, trpc, projectId],
  );
}
