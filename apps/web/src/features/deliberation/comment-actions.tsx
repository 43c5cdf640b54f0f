"use client";

import { MAX_COMMENT_DEPTH, type CommentView } from "@lodestone/domain/deliberation";
import { useTranslations } from "next-intl";
import { smallButton, smallDangerButton } from "@/features/ui/styles";
import type { CommentActionState } from "./use-comment-actions";

/** The buttons for what this reader may do with a comment. */
export function CommentActions({
  comment,
  actions,
  canComment,
  canModerate,
}: {
  comment: CommentView;
  actions: CommentActionState;
  canComment: boolean;
  canModerate: boolean;
}) {
  const t = useTranslations("discussion");
  const { open, toggle } = actions;
  const removed = comment.state === "deleted";
  return (
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
          <button type="button" className={smallDangerButton} onClick={actions.deleting.ask}>
            {t("delete")}
          </button>
        </>
      ) : null}
      {canModerate && !removed ? (
        comment.state === "hidden" ? (
          <button
            type="button"
            className={smallButton}
            aria-disabled={actions.unhiding.busy || undefined}
            onClick={actions.unhiding.run}
          >
            {t("unhide")}
          </button>
        ) : (
          <button type="button" className={smallDangerButton} onClick={actions.hiding.ask}>
            {t("hide")}
          </button>
        )
      ) : null}
    </>
  );
}
