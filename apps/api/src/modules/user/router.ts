import {
  ChangeRoleInput,
  InviteUserInput,
  ListUsersInput,
  UpdateProfileInput,
  UserIdInput,
} from "@lodestone/domain/user";
import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure, userAdminProcedure } from "../../trpc.js";
import * as users from "./service.js";

export const userRouter = {
  list: userAdminProcedure
    .meta({ heavy: true })
    .input(ListUsersInput)
    .query(({ ctx, input }) => users.listUsers({ ctx, input })),
  get: userAdminProcedure.input(UserIdInput).query(({ ctx, input }) => users.getUser({ ctx, input })),
  invite: userAdminProcedure
    .input(InviteUserInput)
    .mutation(({ ctx, input }) => users.inviteUser({ ctx, input })),
  changeRole: userAdminProcedure
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => users.changeRole({ ctx, input })),
  deactivate: userAdminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => users.deactivateUser({ ctx, input })),
  reactivate: userAdminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => users.reactivateUser({ ctx, input })),
  updateProfile: signedInProcedure
    .input(UpdateProfileInput)
    .mutation(({ ctx, input }) => users.updateProfile({ ctx, input })),
} satisfies TRPCRouterRecord;
