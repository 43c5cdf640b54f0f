import {
  CastVoteInput,
  DecisionIdInput,
  CloseRoundInput,
  ListVotesInput,
  OpenRoundInput,
  RoundIdInput,
  UpdateRoundRuleInput,
} from "@lodestone/domain/deliberation";
import { ProjectIdInput } from "@lodestone/domain/proposal";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure, roundRunnerProcedure, signedInProcedure, voterProcedure } from "../../trpc.js";
import * as review from "./service.js";

export const reviewRouter = {
  rounds: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => review.listRounds({ ctx, input })),
  round: signedInProcedure.input(RoundIdInput).query(({ ctx, input }) => review.getRound({ ctx, input })),
  open: roundRunnerProcedure
    .input(OpenRoundInput)
    .mutation(({ ctx, input }) => review.openRound({ ctx, input })),
  updateRule: roundRunnerProcedure
    .input(UpdateRoundRuleInput)
    .mutation(({ ctx, input }) => review.updateRule({ ctx, input })),
  votes: signedInProcedure.input(ListVotesInput).query(({ ctx, input }) => review.listVotes({ ctx, input })),
  castVote: voterProcedure.input(CastVoteInput).mutation(({ ctx, input }) => review.castVote({ ctx, input })),
  close: roundRunnerProcedure
    .input(CloseRoundInput)
    .mutation(({ ctx, input }) => review.closeRound({ ctx, input })),
  decision: signedInProcedure
    .input(DecisionIdInput)
    .query(({ ctx, input }) => review.getDecision({ ctx, input })),
  verify: signedInProcedure
    .input(DecisionIdInput)
    .query(({ ctx, input }) => review.verifyDecision({ ctx, input })),
  /** The public key that verifies this deployment's decision records (published; no sign-in). */
  signingKey: publicProcedure.query(({ ctx }) => review.getSigningKey(ctx)),
} satisfies TRPCRouterRecord;
