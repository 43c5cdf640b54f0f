import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure } from "../../trpc.js";
import * as dashboard from "./service.js";

export const dashboardRouter = {
  pipeline: signedInProcedure.query(({ ctx }) => dashboard.pipeline({ ctx })),
  projectsCsv: signedInProcedure.query(({ ctx }) => dashboard.projectsCsv({ ctx })),
  milestonesCsv: signedInProcedure.query(({ ctx }) => dashboard.milestonesCsv({ ctx })),
} satisfies TRPCRouterRecord;
