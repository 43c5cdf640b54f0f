import { ListProjectsInput } from "@lodestone/domain/project-list";
import {
  CreateProposalInput,
  ProjectIdInput,
  ProposalRefInput,
  RevisionRefInput,
  TimelinePageInput,
  UpdateProposalInput,
} from "@lodestone/domain/proposal";
import type { TRPCRouterRecord } from "@trpc/server";
import { proposalProcedure, signedInProcedure } from "../../trpc.js";
import * as project from "./service.js";

export const projectRouter = {
  list: signedInProcedure
    .input(ListProjectsInput)
    .query(({ ctx, input }) => project.listProjects({ ctx, input })),
  get: signedInProcedure.input(ProjectIdInput).query(({ ctx, input }) => project.getProject({ ctx, input })),
  revisions: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => project.listRevisions({ ctx, input })),
  revision: signedInProcedure
    .input(RevisionRefInput)
    .query(({ ctx, input }) => project.getRevision({ ctx, input })),
  timeline: signedInProcedure
    .input(TimelinePageInput)
    .query(({ ctx, input }) => project.listTimeline({ ctx, input })),
  create: proposalProcedure
    .input(CreateProposalInput)
    .mutation(({ ctx, input }) => project.createProposal({ ctx, input })),
  update: proposalProcedure
    .input(UpdateProposalInput)
    .mutation(({ ctx, input }) => project.updateProposal({ ctx, input })),
  submit: proposalProcedure
    .input(ProposalRefInput)
    .mutation(({ ctx, input }) => project.submitProposal({ ctx, input })),
  withdraw: proposalProcedure
    .input(ProposalRefInput)
    .mutation(({ ctx, input }) => project.withdrawProposal({ ctx, input })),
} satisfies TRPCRouterRecord;
