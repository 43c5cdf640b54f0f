import {
  CommentIdInput,
  EditCommentInput,
  HideCommentInput,
  ListCommentsInput,
  PostCommentInput,
} from "@lodestone/domain/deliberation";
import { ProjectIdInput } from "@lodestone/domain/proposal";
import type { TRPCRouterRecord } from "@trpc/server";
import { commenterProcedure, moderatorProcedure, signedInProcedure } from "../../trpc.js";
import * as comments from "./service.js";

export const commentRouter = {
  list: signedInProcedure
    .input(ListCommentsInput)
    .query(({ ctx, input }) => comments.listComments({ ctx, input })),
  stats: signedInProcedure
    .input(ProjectIdInput)
    .query(({ ctx, input }) => comments.getCommentStats({ ctx, input })),
  history: signedInProcedure
    .input(CommentIdInput)
    .query(({ ctx, input }) => comments.getCommentHistory({ ctx, input })),
  post: commenterProcedure
    .input(PostCommentInput)
    .mutation(({ ctx, input }) => comments.postComment({ ctx, input })),
  edit: commenterProcedure
    .input(EditCommentInput)
    .mutation(({ ctx, input }) => comments.editComment({ ctx, input })),
  delete: commenterProcedure
    .input(CommentIdInput)
    .mutation(({ ctx, input }) => comments.deleteComment({ ctx, input })),
  hide: moderatorProcedure
    .input(HideCommentInput)
    .mutation(({ ctx, input }) => comments.hideComment({ ctx, input })),
  unhide: moderatorProcedure
    .input(CommentIdInput)
    .mutation(({ ctx, input }) => comments.unhideComment({ ctx, input })),
} satisfies TRPCRouterRecord;
