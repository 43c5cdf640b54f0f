import {
  FollowSubjectInput,
  ListNotificationsInput,
  MentionableInput,
  SetEmailPreferencesInput,
  SetFollowInput,
  UnsubscribeInput,
  UpdateNotificationsInput,
} from "@lodestone/domain/notifications";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure, signedInProcedure, userAdminProcedure } from "../../trpc.js";
import * as notifications from "./service.js";

const MailProblemsInput = z
  .object({ cursor: z.uuid().nullish(), limit: z.number().int().min(1).max(100).default(25) })
  .strict();

export const notificationsRouter = {
  list: signedInProcedure
    .input(ListNotificationsInput)
    .query(({ ctx, input }) => notifications.listInbox({ ctx, input })),
  unread: signedInProcedure.query(({ ctx }) => notifications.unreadCount({ ctx, input: undefined })),
  /** The unread count, live: now, then at each change. */
  live: signedInProcedure.subscription(({ ctx, signal }) =>
    notifications.liveUnread({ ctx, input: undefined, signal: signal ?? new AbortController().signal }),
  ),
  update: signedInProcedure
    .input(UpdateNotificationsInput)
    .mutation(({ ctx, input }) => notifications.updateNotifications({ ctx, input })),
  markAllRead: signedInProcedure.mutation(({ ctx }) => notifications.markAllRead({ ctx, input: undefined })),
  followState: signedInProcedure
    .input(FollowSubjectInput)
    .query(({ ctx, input }) => notifications.followState({ ctx, input })),
  setFollow: signedInProcedure
    .input(SetFollowInput)
    .mutation(({ ctx, input }) => notifications.setFollow({ ctx, input })),
  preferences: signedInProcedure.query(({ ctx }) => notifications.preferences({ ctx, input: undefined })),
  setPreferences: signedInProcedure
    .input(SetEmailPreferencesInput)
    .mutation(({ ctx, input }) => notifications.setPreferences({ ctx, input })),
  mentionable: signedInProcedure
    .input(MentionableInput)
    .query(({ ctx, input }) => notifications.mentionable({ ctx, input })),
  /** What an unsubscribe link would turn off (the link itself is the proof: no sign-in). */
  unsubscribePreview: publicProcedure
    .input(UnsubscribeInput)
    .query(({ ctx, input }) => notifications.unsubscribePreview({ ctx, input })),
  unsubscribe: publicProcedure
    .input(UnsubscribeInput)
    .mutation(({ ctx, input }) => notifications.unsubscribe({ ctx, input })),
  mailProblems: userAdminProcedure
    .input(MailProblemsInput)
    .query(({ ctx, input }) => notifications.mailProblems({ ctx, input })),
  retryMail: userAdminProcedure
    .input(z.object({ id: z.uuid() }).strict())
    .mutation(({ ctx, input }) => notifications.retryMail({ ctx, input })),
} satisfies TRPCRouterRecord;
