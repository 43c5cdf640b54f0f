import {
  ChangeRoleInput,
  InviteUserInput,
  ListUsersInput,
  UpdateProfileInput,
  UserIdInput,
} from "@lodestone/domain/user";
import type { TRPCRouterRecord } from "@trpc/server";
import { adminProcedure, signedInProcedure } from "../../trpc.js";
import * as users from "./service.js";

export const userRouter = {
  list: adminProcedure
    .meta({ heavy: true })
    .input(ListUsersInput)
    .query(({ ctx, input }) => users.listUsers({ ctx, input })),
  get: adminProcedure.input(UserIdInput).query(({ ctx, input }) => users.getUser({ ctx, input })),
  invite: adminProcedure
    .input(InviteUserInput)
    .mutation(({ ctx, input }) => users.inviteUser({ ctx, input })),
  changeRole: adminProcedure
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => users.changeRole({ ctx, input })),
  deactivate: adminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => users.deactivateUser({ ctx, input })),
  reactivate: adminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => users.reactivateUser({ ctx, input })),
  updateProfile: signedInProcedure
    .input(UpdateProfileInput)
    .mutation(({ ctx, input }) => users.updateProfile({ ctx, input })),
} satisfies TRPCRouterRecord;
