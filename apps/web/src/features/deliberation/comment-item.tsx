"use client";

import type { CommentView } from "@lodestone/domain/deliberation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Markdown } from "@/features/projects/markdown";

const STANCE_CLASSES = {
  SUPPORT: "bg-green-50 text-green-900 ring-green-700",
  OPPOSE: "bg-red-50 text-red-900 ring-red-700",
  NEUTRAL: "bg-slate-100 text-slate-900 ring-slate-500",
  QUESTION: "bg-amber-50 text-amber-950 ring-amber-700",
} as const;

export function StanceBadge({ stance }: { stance: NonNullable<CommentView["stance"]> }) {
  const t = useTranslations("discussion.stance");
  return (
    <span
      data-stance={stance}
      className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STANCE_CLASSES[stance]}`}
    >
      {t(stance)}
    </span>
  );
}

interface CommentItemProps {
  comment: CommentView;
  /** The buttons for what this reader may do with the comment. */
  actions?: ReactNode;
  /** What opens under the comment: its edit form, history, reply form. */
  children?: ReactNode;
}

/**
 * One comment as this reader may see it: a removed comment keeps its place in the thread without
 * its text or author; a hidden one shows its text, marked, only to its author and moderators.
 */
export function CommentItem({ comment, actions, children }: CommentItemProps) {
  const t = useTranslations("discussion");
  const format = useFormatter();
  const id = useId();
  const removed = comment.state === "deleted";
  const hidden = comment.state === "hidden";

  return (
    <article
      aria-labelledby={`${id}-by`}
      data-comment-id={comment.id}
      data-state={comment.state}
      className={`flex flex-col gap-3 rounded-lg border p-4 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${hidden ? "border-amber-600 bg-amber-50/40" : "border-slate-300 bg-white"}`}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span id={`${id}-by`} className="font-semibold text-slate-900">
          {removed ? t("removedAuthor") : (comment.author?.name ?? t("unknownAuthor"))}
        </span>
        {comment.stance ? <StanceBadge stance={comment.stance} /> : null}
        <time dateTime={comment.createdAt}>{format.dateTime(new Date(comment.createdAt), "dateTime")}</time>
        {comment.edited && !removed ? <span>{t("edited")}</span> : null}
      </header>

      {removed ? (
        <p className="italic text-slate-700">{t("removed")}</p>
      ) : hidden && comment.body === null ? (
        <p className="italic text-slate-700">{t("hiddenFromYou")}</p>
      ) : (
        <>
          {hidden ? (
            <p className="rounded-md border border-amber-600 bg-amber-50 p-2 text-sm text-amber-950">
              <strong>{t("hiddenMarker")}</strong>{" "}
              {comment.hiddenReason ? t("hiddenReason", { reason: comment.hiddenReason }) : null}
            </p>
          ) : null}
          <Markdown>{comment.body ?? ""}</Markdown>
        </>
      )}

      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      {children}
    </article>
  );
}
