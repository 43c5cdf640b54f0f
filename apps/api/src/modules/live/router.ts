import { LiveEventsInput } from "@lodestone/domain/events";
import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure } from "../../trpc.js";
import * as live from "./service.js";

export const liveRouter = {
  events: signedInProcedure
    .input(LiveEventsInput)
    .subscription(({ ctx, input, signal }) =>
      live.openLiveEvents({ ctx, input, signal: signal ?? new AbortController().signal }),
    ),
} satisfies TRPCRouterRecord;
