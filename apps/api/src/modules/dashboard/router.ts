import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure } from "../../trpc.js";
import * as dashboard from "./service.js";

export const dashboardRouter = {
  pipeline: signedInProcedure.meta({ heavy: true }).query(({ ctx }) => dashboard.pipeline({ ctx })),
  projectsCsv: signedInProcedure.meta({ heavy: true }).query(({ ctx }) => dashboard.projectsCsv({ ctx })),
  milestonesCsv: signedInProcedure.meta({ heavy: true }).query(({ ctx }) => dashboard.milestonesCsv({ ctx })),
} satisfies TRPCRouterRecord;
