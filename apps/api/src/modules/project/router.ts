import { ListProjectsInput } from "@lodestone/domain/project-list";
import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure } from "../../trpc.js";
import { listProjects } from "./service.js";

export const projectRouter = {
  list: signedInProcedure.input(ListProjectsInput).query(({ ctx, input }) => listProjects({ ctx, input })),
} satisfies TRPCRouterRecord;
