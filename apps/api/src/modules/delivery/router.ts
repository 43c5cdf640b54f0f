import {
  CreateMilestoneInput,
  MyMilestonesInput,
  ReplanMilestoneInput,
  ReportProgressInput,
} from "@lodestone/domain/delivery";
import { ProjectIdInput, ProposalRefInput } from "@lodestone/domain/proposal";
import { SetProjectTimeZoneInput } from "@lodestone/domain/time-zone";
import type { TRPCRouterRecord } from "@trpc/server";
import { coordinatorProcedure, roleProcedure, signedInProcedure } from "../../trpc.js";
import * as delivery from "./service.js";

const reporterProcedure = roleProcedure("DELEGATE", "COORDINATOR", "PARTNER");

export const deliveryRouter = {
  get: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => delivery.getDelivery({ ctx, input })),
  mine: reporterProcedure
    .input(MyMilestonesInput)
    .query(({ ctx, input }) => delivery.myMilestones({ ctx, input })),
  history: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => delivery.milestoneHistory({ ctx, input })),
  assignees: coordinatorProcedure.query(({ ctx }) => delivery.assignableUsers({ ctx })),
  start: coordinatorProcedure
    .input(ProposalRefInput)
    .mutation(({ ctx, input }) => delivery.startDelivery({ ctx, input })),
  complete: coordinatorProcedure
    .input(ProposalRefInput)
    .mutation(({ ctx, input }) => delivery.completeProject({ ctx, input })),
  createMilestone: coordinatorProcedure
    .input(CreateMilestoneInput)
    .mutation(({ ctx, input }) => delivery.createMilestone({ ctx, input })),
  replan: coordinatorProcedure
    .input(ReplanMilestoneInput)
    .mutation(({ ctx, input }) => delivery.replanMilestone({ ctx, input })),
  setTimeZone: coordinatorProcedure
    .input(SetProjectTimeZoneInput)
    .mutation(({ ctx, input }) => delivery.setTimeZone({ ctx, input })),
  report: reporterProcedure
    .input(ReportProgressInput)
    .mutation(({ ctx, input }) => delivery.reportProgress({ ctx, input })),
} satisfies TRPCRouterRecord;
