import {
  CreateFacilityInput,
  FundingExportInput,
  FundingTotalsInput,
  RecordEntryInput,
} from "@lodestone/domain/funding";
import { ProjectIdInput } from "@lodestone/domain/proposal";
import type { TRPCRouterRecord } from "@trpc/server";
import { fundingRecorderProcedure, signedInProcedure } from "../../trpc.js";
import * as funding from "./service.js";

export const fundingRouter = {
  financiers: signedInProcedure.query(({ ctx }) => funding.listFinanciers({ ctx, input: undefined })),
  project: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => funding.projectFunding({ ctx, input })),
  totals: signedInProcedure
    .input(FundingTotalsInput)
    .query(({ ctx, input }) => funding.fundingTotals({ ctx, input })),
  programmes: signedInProcedure.query(({ ctx }) => funding.listProgrammes({ ctx, input: undefined })),
  export: signedInProcedure
    .input(FundingExportInput)
    .query(({ ctx, input }) => funding.exportLedger({ ctx, input })),
  open: fundingRecorderProcedure
    .input(CreateFacilityInput)
    .mutation(({ ctx, input }) => funding.openFacility({ ctx, input })),
  record: fundingRecorderProcedure
    .input(RecordEntryInput)
    .mutation(({ ctx, input }) => funding.recordEntry({ ctx, input })),
} satisfies TRPCRouterRecord;
