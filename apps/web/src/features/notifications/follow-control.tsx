"use client";

import type { FollowState, FollowSubjectType, Relation } from "@lodestone/domain/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { toLoadError } from "@/features/projects/load-error";
import { LoadProblem } from "@/features/ui/load-problem";
import { Spinner } from "@/features/ui/spinner";
import { smallButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import type { FollowStateData } from "./types";

type WhyKey = "chosen" | "project" | "muted" | "projectMuted" | "implied" | "none";

/** Why the reader follows an item, mutes it, or neither (which sentence explains it). */
export function followReason(data: FollowStateData): WhyKey {
  if (data.choice === "FOLLOWING") return "chosen";
  if (data.choice === "MUTED") return "muted";
  if (data.projectChoice === "FOLLOWING") return "project";
  if (data.projectChoice === "MUTED") return "projectMuted";
  return data.state === "FOLLOWING" && data.relations.length > 0 ? "implied" : "none";
}

/**
 * Following or muting a project, a review round or a milestone: where the reader stands and why
 * (their own choice, their project's, or being part of it), with Follow, Mute and "Reset to default".
 */
export function FollowControl({
  subject,
  heading,
  level = 2,
  className = "",
}: {
  subject: { type: FollowSubjectType; id: string };
  /** The box heading's level in the page's outline. */
  level?: 2 | 3 | 4;
  /** Names the box (default: "Notifications about this project/round/milestone"). */
  heading?: string;
  className?: string;
}) {
  const t = useTranslations("notifications.follow");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const Heading = `h${level}` as const;
  const query = useQuery(trpc.notifications.followState.queryOptions(subject));
  const [said, setSaid] = useState<string | null>(null);
  const set = useMutation(
    trpc.notifications.setFollow.mutationOptions({
      // An item's state can follow its project's: read every follow state again.
      onSettled: () => queryClient.invalidateQueries(trpc.notifications.followState.pathFilter()),
    }),
  );
  const choose = (state: FollowState | null) => {
    if (set.isPending) return;
    setSaid(null);
    set.mutate(
      { subject, state },
      { onSuccess: () => setSaid(state === null ? t("changed.reset") : t(`changed.${state}`)) },
    );
  };

  let body;
  if (query.isPending) {
    body = (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <Spinner /> {t("loading")}
      </p>
    );
  } else if (query.isError) {
    body = (
      <LoadProblem
        message={t("loadFailed", { message: toLoadError(query.error).message })}
        retryLabel={t("retry")}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    const data = query.data;
    const why = followReason(data);
    const relations = (data.relations as Relation[]).map((r) => t(`relation.${r}`));
    body = (
      <>
        <p className="text-sm text-slate-800">
          <strong data-follow-state={data.state ?? "NONE"} className="font-semibold text-slate-900">
            {data.state ? t(`state.${data.state}`) : t("state.none")}
          </strong>
          {" — "}
          {why === "implied"
            ? t("why.implied", { reasons: format.list(relations, { type: "conjunction" }) })
            : t(`why.${why}`)}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {data.choice !== "FOLLOWING" ? (
            <button
              type="button"
              className={smallButton}
              aria-disabled={set.isPending || undefined}
              onClick={() => choose("FOLLOWING")}
            >
              {t("follow")}
            </button>
          ) : null}
          {data.choice !== "MUTED" ? (
            <button
              type="button"
              className={smallButton}
              aria-disabled={set.isPending || undefined}
              onClick={() => choose("MUTED")}
            >
              {t("mute")}
            </button>
          ) : null}
          {data.choice !== null ? (
            <button
              type="button"
              className={smallButton}
              aria-disabled={set.isPending || undefined}
              onClick={() => choose(null)}
            >
              {t("reset")}
            </button>
          ) : null}
          {set.isPending ? (
            <span className="flex items-center gap-1 text-sm text-slate-700">
              <Spinner /> {t("busy")}
            </span>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-follow={subject.type}
      className={`flex flex-col gap-2 rounded-md border border-slate-300 bg-slate-50 p-3 ${className}`}
    >
      <Heading id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
        {heading ?? t(`heading.${subject.type}`)}
      </Heading>
      {body}
      <p role="status" className="text-sm font-medium text-green-900">
        {said ?? ""}
      </p>
      {set.isError ? (
        <p role="alert" className="text-sm text-red-900">
          {t("failed", { message: toApiProblem(set.error).message })}
        </p>
      ) : null}
    </section>
  );
}
