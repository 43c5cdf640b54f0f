import type { AppRouter } from "@lodestone/api/router";
import type { inferRouterOutputs } from "@trpc/server";

/** A review round as `review.round` answers it for this reader. */
export type RoundView = inferRouterOutputs<AppRouter>["review"]["round"];
