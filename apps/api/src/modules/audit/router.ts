import { ListAuditInput } from "@lodestone/domain/audit";
import type { TRPCRouterRecord } from "@trpc/server";
import { auditReaderProcedure } from "../../trpc.js";
import * as audit from "./service.js";

export const auditRouter = {
  list: auditReaderProcedure
    .meta({ heavy: true })
    .input(ListAuditInput)
    .query(({ ctx, input }) => audit.listAudit({ ctx, input })),
} satisfies TRPCRouterRecord;
