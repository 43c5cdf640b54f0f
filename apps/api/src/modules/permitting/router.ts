import {
  AddAuthorizationInput,
  DecideChangeInput,
  MoveDateInput,
  PauseInput,
  PauseSummaryInput,
  PermittingOverviewInput,
  PermittingProjectInput,
  RecordActualInput,
  ResumeInput,
  SetOutcomeInput,
} from "@lodestone/domain/permitting";
import type { TRPCRouterRecord } from "@trpc/server";
import { permitDeterminerProcedure, permitEditorProcedure, signedInProcedure } from "../../trpc.js";
import * as permitting from "./service.js";

export const permittingRouter = {
  get: signedInProcedure
    .input(PermittingProjectInput)
    .query(({ ctx, input }) => permitting.getTimetable({ ctx, input })),
  overview: signedInProcedure
    .input(PermittingOverviewInput)
    .query(({ ctx, input }) => permitting.permittingOverview({ ctx, input })),
  export: signedInProcedure
    .input(PermittingOverviewInput)
    .query(({ ctx, input }) => permitting.exportPermitting({ ctx, input })),
  add: permitEditorProcedure
    .input(AddAuthorizationInput)
    .mutation(({ ctx, input }) => permitting.addAuthorization({ ctx, input })),
  move: permitEditorProcedure
    .input(MoveDateInput)
    .mutation(({ ctx, input }) => permitting.moveDate({ ctx, input })),
  decide: permitDeterminerProcedure
    .input(DecideChangeInput)
    .mutation(({ ctx, input }) => permitting.decideChange({ ctx, input })),
  complete: permitEditorProcedure
    .input(RecordActualInput)
    .mutation(({ ctx, input }) => permitting.recordActual({ ctx, input })),
  setOutcome: permitEditorProcedure
    .input(SetOutcomeInput)
    .mutation(({ ctx, input }) => permitting.setOutcome({ ctx, input })),
  pause: permitEditorProcedure
    .input(PauseInput)
    .mutation(({ ctx, input }) => permitting.pause({ ctx, input })),
  summarise: permitEditorProcedure
    .input(PauseSummaryInput)
    .mutation(({ ctx, input }) => permitting.summarisePause({ ctx, input })),
  resume: permitEditorProcedure
    .input(ResumeInput)
    .mutation(({ ctx, input }) => permitting.resume({ ctx, input })),
} satisfies TRPCRouterRecord;
