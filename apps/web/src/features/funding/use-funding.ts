"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/react";
import type { ProjectFundingData } from "./types";

/** A project's ledger as the server has it now (starting from what the page was rendered with). */
export function useProjectFunding(projectId: string, initial: ProjectFundingData) {
  const trpc = useTRPC();
  return useQuery(trpc.funding.project.queryOptions({ projectId }, { initialData: initial }));
}

/** Reads again what a ledger entry moves: the project's ledger and gates, the totals and programmes. */
export function useRefreshFunding(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.funding.project.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.funding.totals.pathFilter()),
        queryClient.invalidateQueries(trpc.funding.programmes.pathFilter()),
        queryClient.invalidateQueries(trpc.gates.get.queryFilter({ projectId })),
      ]),
    [queryClient, trpc, projectId],
  );
}
