import { ListProjectsInput } from "@lodestone/domain/project-list";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../../trpc.js";
import { listProjects } from "./service.js";

export const projectRouter = {
  // Readable signed out until the web's sign-in lands; then signedInProcedure.
  list: publicProcedure.input(ListProjectsInput).query(({ ctx, input }) => listProjects({ ctx, input })),
} satisfies TRPCRouterRecord;
