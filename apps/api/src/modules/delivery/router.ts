import {
  CreateMilestoneInput,
  MilestoneIdInput,
  MyMilestonesInput,
  ReplanMilestoneInput,
  ReportProgressInput,
} from "@lodestone/domain/delivery";
import { ProjectIdInput, ProposalRefInput } from "@lodestone/domain/proposal";
import { SetProjectTimeZoneInput } from "@lodestone/domain/time-zone";
import type { TRPCRouterRecord } from "@trpc/server";
import { plannerProcedure, reporterProcedure, signedInProcedure } from "../../trpc.js";
import * as delivery from "./service.js";

export const deliveryRouter = {
  get: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => delivery.getDelivery({ ctx, input })),
  mine: reporterProcedure
    .input(MyMilestonesInput)
    .query(({ ctx, input }) => delivery.listMyMilestones({ ctx, input })),
  history: signedInProcedure
    .input(MilestoneIdInput)
    .query(({ ctx, input }) => delivery.getMilestoneHistory({ ctx, input })),
  assignees: plannerProcedure.query(({ ctx }) => delivery.listAssignees({ ctx })),
  start: plannerProcedure
    .input(ProposalRefInput)
    .mutation(({ ctx, input }) => delivery.startDelivery({ ctx, input })),
  complete: plannerProcedure
    .input(ProposalRefInput)
    .mutation(({ ctx, input }) => delivery.completeDelivery({ ctx, input })),
  createMilestone: plannerProcedure
    .input(CreateMilestoneInput)
    .mutation(({ ctx, input }) => delivery.createMilestone({ ctx, input })),
  replan: plannerProcedure
    .input(ReplanMilestoneInput)
    .mutation(({ ctx, input }) => delivery.replanMilestone({ ctx, input })),
  setTimeZone: plannerProcedure
    .input(SetProjectTimeZoneInput)
    .mutation(({ ctx, input }) => delivery.setTimeZone({ ctx, input })),
  report: reporterProcedure
    .input(ReportProgressInput)
    .mutation(({ ctx, input }) => delivery.reportProgress({ ctx, input })),
} satisfies TRPCRouterRecord;
