"use client";

import { MAX_COMMENT_DEPTH, type CommentView } from "@lodestone/domain/deliberation";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { toLoadError } from "@/features/projects/load-error";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { Dialog } from "@/features/ui/dialog";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import {
  dangerButton,
  inputClass,
  secondaryButton,
  smallButton,
  smallDangerButton,
} from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { ActionProblem } from "./action-problem";
import { CommentForm } from "./comment-form";
import { CommentHistory } from "./comment-history";
import { CommentItem } from "./comment-item";
import { CommentStatsView } from "./comment-stats";
import { LoadMore } from "@/features/ui/load-more";
import { listLoadState } from "@/features/ui/load-problem";

export const COMMENT_PAGE_SIZE = 20;

interface DiscussionProps {
  projectId: string;
  /** DESIGN §4: delegates and coordinators, and partners on their own organisation's projects. */
  canComment: boolean;
  /** Coordinators and administrators hide and show comments. */
  canModerate: boolean;
}

/** A project's discussion: its stance breakdown, a new thread, and the threads (oldest first). */
export function Discussion({ projectId, canComment, canModerate }: DiscussionProps) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stats = useQuery(trpc.comment.stats.queryOptions({ id: projectId }));
  const post = useMutation(trpc.comment.post.mutationOptions());
  const headingId = useId();

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby={`${headingId}-summary`} className="flex flex-col gap-2">
        <h2 id={`${headingId}-summary`} className="text-xl font-semibold text-slate-900">
          {t("summaryHeading")}
        </h2>
        {stats.data ? <CommentStatsView stats={stats.data} /> : <Spinner />}
      </section>

      {canComment ? (
        <section
          aria-labelledby={`${headingId}-new`}
          className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5"
        >
          <h2 id={`${headingId}-new`} className="text-xl font-semibold text-slate-900">
            {t("newThreadHeading")}
          </h2>
          <CommentForm
            kind="thread"
            submitLabel={t("form.post")}
            busyLabel={t("form.posting")}
            onSubmit={async ({ stance, body }) => {
              await post.mutateAsync({ projectId, parentId: null, stance, body });
              await queryClient.invalidateQueries(trpc.comment.pathFilter());
            }}
          />
        </section>
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
          {t("cannotComment")}
        </p>
      )}

      <section aria-labelledby={`${headingId}-threads`} className="flex flex-col gap-4">
        <h2 id={`${headingId}-threads`} className="text-xl font-semibold text-slate-900">
          {t("threadsHeading")}
        </h2>
        <CommentLevel
          projectId={projectId}
          parentId={null}
          canComment={canComment}
          canModerate={canModerate}
        />
      </section>
    </div>
  );
}

/** One level of a thread (top-level threads, or the replies to one comment), page by page. */
function CommentLevel({
  projectId,
  parentId,
  canComment,
  canModerate,
}: {
  projectId: string;
  parentId: string | null;
  canComment: boolean;
  canModerate: boolean;
}) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.comment.list.infiniteQueryOptions(
      { projectId, parentId, limit: COMMENT_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  const state = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  if (state) return state;
  if (parentId === null && items.length === 0) {
    return <p className="text-slate-700">{t("empty")}</p>;
  }
  return (
    <div className="flex flex-col gap-3">
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

type Open = null | "reply" | "edit" | "history";

/** A comment with what this reader may do to it, and its replies beneath. */
function CommentNode({
  comment,
  projectId,
  canComment,
  canModerate,
}: {
  comment: CommentView;
  projectId: string;
  canComment: boolean;
  canModerate: boolean;
}) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [hideOpen, setHideOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const post = useMutation(trpc.comment.post.mutationOptions());
  const edit = useMutation(trpc.comment.edit.mutationOptions());
  const remove = useMutation(trpc.comment.delete.mutationOptions());
  const unhide = useMutation(trpc.comment.unhide.mutationOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.comment.pathFilter());
  const removed = comment.state === "deleted";
  const toggle = (what: Exclude<Open, null>) => setOpen((current) => (current === what ? null : what));

  const actions = (
    <>
      {canComment && comment.depth < MAX_COMMENT_DEPTH ? (
        <button
          type="button"
          className={smallButton}
          aria-expanded={open === "reply"}
          onClick={() => toggle("reply")}
        >
          {t("reply")}
        </button>
      ) : null}
      {comment.edited && comment.body !== null ? (
        <button
          type="button"
          className={smallButton}
          aria-expanded={open === "history"}
          onClick={() => toggle("history")}
        >
          {t("showHistory")}
        </button>
      ) : null}
      {comment.canEdit ? (
        <>
          <button
            type="button"
            className={smallButton}
            aria-expanded={open === "edit"}
            onClick={() => toggle("edit")}
          >
            {t("edit")}
          </button>
          <button
            type="button"
            className={smallDangerButton}
            onClick={() => {
              setProblem(null);
              setConfirmDelete(true);
            }}
          >
            {t("delete")}
          </button>
        </>
      ) : null}
      {canModerate && !removed ? (
        comment.state === "hidden" ? (
          <button
            type="button"
            className={smallButton}
            aria-disabled={unhide.isPending || undefined}
            onClick={() => {
              if (unhide.isPending) return;
              setProblem(null);
              unhide.mutate(
                { id: comment.id },
                { onSuccess: () => void refresh(), onError: (e) => setProblem(toApiProblem(e)) },
              );
            }}
          >
            {t("unhide")}
          </button>
        ) : (
          <button
            type="button"
            className={smallDangerButton}
            onClick={() => {
              setProblem(null);
              setHideOpen(true);
            }}
          >
            {t("hide")}
          </button>
        )
      ) : null}
    </>
  );

  return (
    <>
      <CommentItem comment={comment} actions={removed && !canComment ? null : actions}>
        {problem && !confirmDelete && !hideOpen ? (
          <ActionProblem title={t("actionFailed")} problem={problem} />
        ) : null}
        {open === "history" ? <CommentHistory commentId={comment.id} current={comment.body ?? ""} /> : null}
        {open === "edit" ? (
          <CommentForm
            kind="edit"
            initialBody={comment.body ?? ""}
            submitLabel={t("form.save")}
            busyLabel={t("form.saving")}
            onCancel={() => setOpen(null)}
            onSubmit={async ({ body }) => {
              await edit.mutateAsync({ id: comment.id, body });
              setOpen(null);
              await refresh();
            }}
          />
        ) : null}
        {open === "reply" ? (
          <CommentForm
            kind="reply"
            submitLabel={t("form.postReply")}
            busyLabel={t("form.posting")}
            onCancel={() => setOpen(null)}
            onSubmit={async ({ body }) => {
              await post.mutateAsync({ projectId, parentId: comment.id, stance: null, body });
              setOpen(null);
              await refresh();
            }}
          />
        ) : null}
      </CommentItem>
      {comment.replyCount > 0 ? (
        <CommentLevel
          projectId={projectId}
          parentId={comment.id}
          canComment={canComment}
          canModerate={canModerate}
        />
      ) : null}

      <ConfirmDialog
        open={confirmDelete}
        title={t("deleteTitle")}
        confirmLabel={t("deleteConfirm")}
        busyLabel={t("deleting")}
        tone="danger"
        busy={remove.isPending}
        error={problem ? problem.message : null}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setProblem(null);
          remove.mutate(
            { id: comment.id },
            {
              onSuccess: () => {
                setConfirmDelete(false);
                setOpen(null);
                void refresh();
              },
              onError: (e) => setProblem(toApiProblem(e)),
            },
          );
        }}
      >
        {t("deleteBody")}
      </ConfirmDialog>
      <HideDialog
        open={hideOpen}
        commentId={comment.id}
        onClose={() => setHideOpen(false)}
        onHidden={() => {
          setHideOpen(false);
          void refresh();
        }}
      />
    </>
  );
}

/** A coordinator hides a comment, giving the reason its author will read. */
function HideDialog({
  open,
  commentId,
  onClose,
  onHidden,
}: {
  open: boolean;
  commentId: string;
  onClose: () => void;
  onHidden: () => void;
}) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const hide = useMutation(trpc.comment.hide.mutationOptions());
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const id = useId();
  const reasonId = `${id}-reason`;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("hideTitle")}
      description={t("hideBody")}
      busy={hide.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (hide.isPending) return;
          const trimmed = reason.trim();
          if (trimmed.length < 3 || trimmed.length > 500) {
            setInvalid(true);
            document.getElementById(reasonId)?.focus();
            return;
          }
          setInvalid(false);
          setProblem(null);
          hide.mutate(
            { id: commentId, reason: trimmed },
            {
              onSuccess: () => {
                setReason("");
                onHidden();
              },
              onError: (error) => setProblem(toApiProblem(error)),
            },
          );
        }}
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor={reasonId} className="text-sm font-semibold text-slate-900">
            {t("hideReason")}
          </label>
          <textarea
            id={reasonId}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(reasonId, { error: invalid })}
            className={inputClass}
          />
          {invalid ? <FieldError id={`${reasonId}-error`}>{t("hideReasonRequired")}</FieldError> : null}
        </div>
        {problem ? <ActionProblem title={t("actionFailed")} problem={problem} /> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t("form.cancel")}
          </button>
          <button type="submit" className={dangerButton} aria-disabled={hide.isPending || undefined}>
            {hide.isPending ? <Spinner tone="light" /> : null}
            {t("hideConfirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
