"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toLoadError } from "@/features/projects/load-error";
import { Markdown } from "@/features/projects/markdown";
import { Spinner } from "@/features/ui/spinner";
import { useTRPC } from "@/trpc/react";

/** Earlier versions of a comment, oldest first, each with who changed it and when. */
export function CommentHistory({ commentId, current }: { commentId: string; current: string }) {
  const t = useTranslations("discussion.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery(trpc.comment.history.queryOptions({ commentId }));

  return (
    <section
      aria-label={t("label")}
      aria-live="polite"
      className="rounded-md border border-slate-300 bg-slate-50 p-3"
    >
      {history.isPending ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <Spinner /> {t("loading")}
        </p>
      ) : history.isError ? (
        <p role="alert" className="text-sm text-red-900">
          {t("failed", { message: toLoadError(history.error).message })}
        </p>
      ) : (
        <ol className="flex flex-col gap-3">
          {history.data.map((edit, index) => (
            <li key={edit.id} className="flex flex-col gap-1">
              <p className="text-sm font-semibold text-slate-800">
                {t("version", {
                  number: index + 1,
                  date: format.dateTime(new Date(edit.createdAt), "dateTime"),
                  name: edit.editor.name,
                })}
              </p>
              <Markdown>{edit.previousBody}</Markdown>
            </li>
          ))}
          <li className="flex flex-col gap-1">
            <p className="text-sm font-semibold text-slate-800">{t("current")}</p>
            <Markdown>{current}</Markdown>
          </li>
        </ol>
      )}
    </section>
  );
}
