import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure } from "../../trpc.js";
import * as dashboard from "./service.js";

export const dashboardRouter = {
  pipeline: signedInProcedure.meta({ heavy: true }).query(({ ctx }) => dashboard.getPipeline({ ctx })),
  projectsCsv: signedInProcedure
    .meta({ heavy: true })
    .query(({ ctx }) => dashboard.exportProjectsCsv({ ctx })),
  milestonesCsv: signedInProcedure
    .meta({ heavy: true })
    .query(({ ctx }) => dashboard.exportMilestonesCsv({ ctx })),
} satisfies TRPCRouterRecord;
