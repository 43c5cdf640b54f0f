"use client";

import type { ProjectDetail } from "@lodestone/domain/proposal";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { DeliveryData } from "./types";

/**
 * A project's delivery as the server has it now (starting from what the page was rendered with),
 * the project's current version, and a refresh of everything a delivery change moves.
 */
export function useDelivery(initialProject: ProjectDetail, initial: DeliveryData) {
  const projectId = initialProject.id;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const delivery = useQuery(trpc.delivery.get.queryOptions({ projectId }, { initialData: initial }));
  const project = useQuery(trpc.project.get.queryOptions({ projectId }, { initialData: initialProject }));

  return {
    data: delivery.data,
    /** The project's version, read again (starting, completing and the time zone name it). */
    currentVersion: async () => (await project.refetch()).data?.version ?? project.data.version,
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.delivery.get.queryKey({ projectId: projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ projectId: projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.delivery.mine.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pipeline.queryKey() }),
      ]),
  };
}
