"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Refetch every round of the review (after a vote, a rule change, opening or closing). */
export function useRefreshReview(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.review.pathFilter());
}
