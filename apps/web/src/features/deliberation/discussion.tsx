"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Spinner } from "@/features/ui/spinner";
import { useTRPC } from "@/trpc/react";
import { CommentForm } from "./comment-form";
import { CommentStatsView } from "./comment-stats";
import { CommentLevel } from "./comment-thread";
import { NewCommentsProvider } from "./new-comments";

interface DiscussionProps {
  projectId: string;
  /** DESIGN §4: delegates and coordinators, and partners on their own organisation's projects. */
  canComment: boolean;
  /** Coordinators and administrators hide and show comments. */
  canModerate: boolean;
}

/**
 * A project's discussion: its stance breakdown, a new thread, and the threads (oldest first),
 * kept current by the live feed (new comments by others wait to be shown: NewCommentsProvider).
 */
export function Discussion({ projectId, canComment, canModerate }: DiscussionProps) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const stats = useQuery(trpc.comment.stats.queryOptions({ projectId }));
  const headingId = useId();

  return (
    <NewCommentsProvider projectId={projectId}>
      <div className="flex flex-col gap-8">
        <section aria-labelledby={`${headingId}-summary`} className="flex flex-col gap-2">
          <h2 id={`${headingId}-summary`} className="text-xl font-semibold text-slate-900">
            {t("summaryHeading")}
          </h2>
          {stats.data ? <CommentStatsView stats={stats.data} /> : <Spinner />}
        </section>

        {canComment ? (
          <NewThread projectId={projectId} headingId={`${headingId}-new`} />
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
    </NewCommentsProvider>
  );
}

/** Start a thread, with a stance. */
function NewThread({ projectId, headingId }: { projectId: string; headingId: string }) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const post = useMutation(trpc.comment.post.mutationOptions());
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t("newThreadHeading")}
      </h2>
      <CommentForm
        kind="thread"
        mentionsIn={projectId}
        submitLabel={t("form.post")}
        busyLabel={t("form.posting")}
        onSubmit={async ({ stance, body }) => {
          await post.mutateAsync({ projectId, parentId: null, stance, body });
          await queryClient.invalidateQueries(trpc.comment.pathFilter());
        }}
      />
    </section>
  );
}
