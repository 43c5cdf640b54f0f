import { ListProjectsInput } from "@lodestone/domain/project-list";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../../trpc.js";
import { listProjects } from "./service.js";

export const projectRouter = {
  // Public only until sign-in lands (issue: sign-in, delegations and roles).
  list: publicProcedure.input(ListProjectsInput).query(({ ctx, input }) => listProjects({ ctx, input })),
} satisfies TRPCRouterRecord;
