"use client";

import type { CommentView } from "@lodestone/domain/deliberation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { LoadMore } from "@/features/ui/load-more";
import { listLoadState } from "@/features/ui/load-problem";
import { useTRPC } from "@/trpc/react";
import { ActionProblem } from "./action-problem";
import { CommentActions } from "./comment-actions";
import { CommentForm } from "./comment-form";
import { CommentHistory } from "./comment-history";
import { CommentItem } from "./comment-item";
import { HideCommentDialog } from "./hide-comment-dialog";
import { ShowNewComments, useNewComments } from "./new-comments";
import { useCommentActions } from "./use-comment-actions";

export const COMMENT_PAGE_SIZE = 20;

interface ThreadProps {
  projectId: string;
  canComment: boolean;
  canModerate: boolean;
}

/**
 * One level of a thread (top-level threads, or the replies to one comment), page by page. New
 * comments by others wait behind "N new comments — show" (see NewCommentsProvider) even when the
 * list has been read again meanwhile; showing them moves focus to the first of them.
 */
export function CommentLevel({
  projectId,
  parentId,
  canComment,
  canModerate,
}: ThreadProps & { parentId: string | null }) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.comment.list.infiniteQueryOptions(
      { projectId, parentId, limit: COMMENT_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const waiting = useNewComments(parentId);
  const items = (query.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => !waiting.ids.includes(c.id));
  const containerRef = useRef<HTMLDivElement>(null);
  /** The comments just shown, to move focus to once they are on the page. */
  const focusRequest = useRef<readonly string[] | null>(null);
  useEffect(() => {
    const ids = focusRequest.current;
    const container = containerRef.current;
    if (!ids || !container || ids.some((id) => waiting.ids.includes(id))) return;
    focusRequest.current = null;
    focusFirstOf(container, ids);
  });

  const state = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  if (state) return state;
  return (
    <div
      ref={containerRef}
      className="flex flex-col gap-3 rounded focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
    >
      {items.length > 0 ? (
        <ol className={`flex flex-col gap-3 ${parentId ? "border-l-2 border-slate-300 pl-4" : ""}`}>
          {items.map((comment) => (
            <li key={comment.id} className="flex flex-col gap-3">
              <CommentNode
                comment={comment}
                projectId={projectId}
                canComment={canComment}
                canModerate={canModerate}
              />
            </li>
          ))}
        </ol>
      ) : parentId === null ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : null}
      {waiting.ids.length > 0 ? (
        <ShowNewComments
          count={waiting.ids.length}
          replies={parentId !== null}
          onShow={async () => {
            focusRequest.current = waiting.ids;
            await waiting.show();
          }}
        />
      ) : null}
      {query.hasNextPage ? (
        <LoadMore
          query={query}
          label={parentId ? t("loadMoreReplies") : t("loadMore")}
          failed={(error) => t("loadFailed", { message: toLoadError(error).message })}
        />
      ) : null}
    </div>
  );
}

/**
 * Focus on the first of `ids` shown in `container`, or on the container when none is (a new
 * thread can be on a page not loaded yet).
 */
function focusFirstOf(container: HTMLElement, ids: readonly string[]): void {
  const target =
    ids
      .map((id) => container.querySelector<HTMLElement>(`[data-comment-id="${id}"]`))
      .find((element) => element !== null) ?? container;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
}

/** A comment with what this reader may do to it, and its replies beneath. */
function CommentNode({
  comment,
  projectId,
  canComment,
  canModerate,
}: ThreadProps & { comment: CommentView }) {
  const t = useTranslations("discussion");
  const actions = useCommentActions(comment, projectId);
  const { open, problem, deleting, hiding } = actions;
  const removed = comment.state === "deleted";
  // A first reply by someone else waits in a reply list of its own, which then stays: the list
  // above may still say "no replies" for a moment after the reply is shown.
  const repliesWaiting = useNewComments(comment.id).ids.length > 0;
  const [hasReplies, setHasReplies] = useState(false);
  if (!hasReplies && (comment.replyCount > 0 || repliesWaiting)) setHasReplies(true);

  return (
    <>
      <CommentItem
        comment={comment}
        actions={
          removed && !canComment ? null : (
            <CommentActions
              comment={comment}
              actions={actions}
              canComment={canComment}
              canModerate={canModerate}
            />
          )
        }
      >
        {problem && !deleting.open && !hiding.open ? (
          <ActionProblem title={t("actionFailed")} problem={problem} />
        ) : null}
        {open === "history" ? <CommentHistory commentId={comment.id} current={comment.body ?? ""} /> : null}
        {open === "edit" ? (
          <CommentForm
            kind="edit"
            mentionsIn={projectId}
            initialBody={comment.body ?? ""}
            submitLabel={t("form.save")}
            busyLabel={t("form.saving")}
            onCancel={actions.close}
            onSubmit={({ body }) => actions.saveEdit(body)}
          />
        ) : null}
        {open === "reply" ? (
          <CommentForm
            kind="reply"
            mentionsIn={projectId}
            submitLabel={t("form.postReply")}
            busyLabel={t("form.posting")}
            onCancel={actions.close}
            onSubmit={({ body }) => actions.reply(body)}
          />
        ) : null}
      </CommentItem>
      {hasReplies ? (
        <CommentLevel
          projectId={projectId}
          parentId={comment.id}
          canComment={canComment}
          canModerate={canModerate}
        />
      ) : null}

      <ConfirmDialog
        open={deleting.open}
        title={t("deleteTitle")}
        confirmLabel={t("deleteConfirm")}
        busyLabel={t("deleting")}
        tone="danger"
        busy={deleting.busy}
        error={problem ? problem.message : null}
        onCancel={deleting.cancel}
        onConfirm={deleting.confirm}
      >
        {t("deleteBody")}
      </ConfirmDialog>
      <HideCommentDialog
        open={hiding.open}
        commentId={comment.id}
        onClose={hiding.close}
        onHidden={hiding.done}
      />
    </>
  );
}
