import {
  CiteEvidenceInput,
  DesignateInput,
  GateActionInput,
  SetSequenceInput,
  SignOffInput,
  UpdateGateInput,
} from "@lodestone/domain/gates";
import { ProjectIdInput } from "@lodestone/domain/proposal";
import type { TRPCRouterRecord } from "@trpc/server";
import {
  gateAdvancerProcedure,
  gateSignerProcedure,
  gateWorkerProcedure,
  signedInProcedure,
} from "../../trpc.js";
import * as gates from "./service.js";

export const gatesRouter = {
  overview: signedInProcedure.query(({ ctx }) => gates.gateOverview({ ctx, input: undefined })),
  get: signedInProcedure.input(ProjectIdInput).query(({ ctx, input }) => gates.getGates({ ctx, input })),
  people: gateAdvancerProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => gates.gatePeople({ ctx, input })),
  setUp: gateAdvancerProcedure
    .input(ProjectIdInput)
    .mutation(({ ctx, input }) => gates.setUpGates({ ctx, input })),
  setSequence: gateAdvancerProcedure
    .input(SetSequenceInput)
    .mutation(({ ctx, input }) => gates.setSequence({ ctx, input })),
  designate: gateAdvancerProcedure
    .input(DesignateInput)
    .mutation(({ ctx, input }) => gates.designate({ ctx, input })),
  update: gateWorkerProcedure
    .input(UpdateGateInput)
    .mutation(({ ctx, input }) => gates.updateGate({ ctx, input })),
  cite: gateWorkerProcedure
    .input(CiteEvidenceInput)
    .mutation(({ ctx, input }) => gates.citeEvidence({ ctx, input })),
  act: gateWorkerProcedure
    .input(GateActionInput)
    .mutation(({ ctx, input }) => gates.actOnGate({ ctx, input })),
  signOff: gateSignerProcedure
    .input(SignOffInput)
    .mutation(({ ctx, input }) => gates.signOff({ ctx, input })),
} satisfies TRPCRouterRecord;
