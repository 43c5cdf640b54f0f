import { DelegationInput, UpdateDelegationInput } from "@lodestone/domain/user";
import type { TRPCRouterRecord } from "@trpc/server";
import { delegationAdminProcedure, signedInProcedure } from "../../trpc.js";
import * as delegations from "./service.js";

export const delegationRouter = {
  list: signedInProcedure.query(({ ctx }) => delegations.listDelegations({ ctx })),
  organisations: signedInProcedure.query(({ ctx }) => delegations.listOrganisations({ ctx })),
  create: delegationAdminProcedure
    .input(DelegationInput)
    .mutation(({ ctx, input }) => delegations.createDelegation({ ctx, input })),
  update: delegationAdminProcedure
    .input(UpdateDelegationInput)
    .mutation(({ ctx, input }) => delegations.updateDelegation({ ctx, input })),
} satisfies TRPCRouterRecord;
