import {
  AccountKeyCommand,
  CreateSessionCommand,
  EmailCommand,
  MarkEmailVerifiedCommand,
  SendSignInLinkCommand,
  SessionTokenCommand,
  UpdateSessionCommand,
  UseVerificationTokenCommand,
  UserIdCommand,
  VerificationTokenCommand,
} from "@lodestone/domain/auth-adapter";
import { AdmitSsoSignInCommand } from "@lodestone/domain/single-sign-on";
import type { TRPCRouterRecord } from "@trpc/server";
import { internalProcedure, signedInProcedure } from "../../trpc.js";
import * as auth from "./service.js";

/** Sign-in: the adapter procedures are internal (the web's next-auth), the rest for the caller. */
export const authRouter = {
  getUser: internalProcedure.input(UserIdCommand).query(({ ctx, input }) => auth.getUser({ ctx, input })),
  getUserByEmail: internalProcedure
    .input(EmailCommand)
    .query(({ ctx, input }) => auth.getUserByEmail({ ctx, input })),
  getUserByAccount: internalProcedure
    .input(AccountKeyCommand)
    .query(({ ctx, input }) => auth.getUserByAccount({ ctx, input })),
  markEmailVerified: internalProcedure
    .input(MarkEmailVerifiedCommand)
    .mutation(({ ctx, input }) => auth.markEmailVerified({ ctx, input })),
  admitSsoSignIn: internalProcedure
    .input(AdmitSsoSignInCommand)
    .mutation(({ ctx, input }) => auth.admitSsoSignIn({ ctx, input })),
  unlinkAccount: internalProcedure
    .input(AccountKeyCommand)
    .mutation(({ ctx, input }) => auth.unlinkAccount({ ctx, input })),
  createSession: internalProcedure
    .input(CreateSessionCommand)
    .mutation(({ ctx, input }) => auth.createSession({ ctx, input })),
  getSessionAndUser: internalProcedure
    .input(SessionTokenCommand)
    .query(({ ctx, input }) => auth.getSessionAndUser({ ctx, input })),
  updateSession: internalProcedure
    .input(UpdateSessionCommand)
    .mutation(({ ctx, input }) => auth.updateSession({ ctx, input })),
  deleteSession: internalProcedure
    .input(SessionTokenCommand)
    .mutation(({ ctx, input }) => auth.deleteSession({ ctx, input })),
  createVerificationToken: internalProcedure
    .input(VerificationTokenCommand)
    .mutation(({ ctx, input }) => auth.createVerificationToken({ ctx, input })),
  useVerificationToken: internalProcedure
    .input(UseVerificationTokenCommand)
    .mutation(({ ctx, input }) => auth.useVerificationToken({ ctx, input })),
  sendSignInLink: internalProcedure
    .input(SendSignInLinkCommand)
    .mutation(({ ctx, input }) => auth.sendSignInLink({ ctx, input })),

  me: signedInProcedure.query(({ ctx }) => auth.getMe({ ctx })),
  signOutEverywhere: signedInProcedure.mutation(({ ctx }) => auth.signOutEverywhere({ ctx })),
} satisfies TRPCRouterRecord;
