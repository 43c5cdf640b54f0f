"use client";

import { may } from "@lodestone/domain/access";
import type { ProjectStatus, Role } from "@lodestone/domain/enums";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { toLoadError } from "@/features/projects/load-error";
import { LoadProblem } from "@/features/ui/load-problem";
import { Spinner } from "@/features/ui/spinner";
import { useTRPC } from "@/trpc/react";
import { OpenRoundSection } from "./open-round-section";
import { RoundSection } from "./round-section";

interface ReviewPanelProps {
  projectId: string;
  projectStatus: ProjectStatus;
  role: Role;
}

/** A project's review rounds: opening one, voting, the results as the reader may see them, closing. */
export function ReviewPanel({ projectId, projectStatus, role }: ReviewPanelProps) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const rounds = useQuery(trpc.review.rounds.queryOptions({ projectId }));
  const { announce } = useLiveStatusActions();
  useLiveEvents({ projectId, types: ["review_round.opened"] }, (event) => {
    if (!event.mine) announce(t("live.roundOpened"));
  });
  const anyOpen = rounds.data?.some((r) => r.status === "OPEN") ?? false;

  return (
    <div className="flex flex-col gap-8">
      {may(role, "round.run") && projectStatus === "SUBMITTED" && rounds.data && !anyOpen ? (
        <OpenRoundSection projectId={projectId} />
      ) : null}

      {rounds.isPending ? (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <Spinner /> {t("loading")}
        </p>
      ) : rounds.isError ? (
        <LoadProblem
          message={t("loadFailed", { message: toLoadError(rounds.error).message })}
          retryLabel={t("retry")}
          onRetry={() => void rounds.refetch()}
        />
      ) : rounds.data.length === 0 ? (
        <p className="text-slate-700">{t("noRounds")}</p>
      ) : (
        rounds.data.map((round, index) => (
          <RoundSection
            key={round.id}
            roundId={round.id}
            number={rounds.data.length - index}
            projectId={projectId}
            role={role}
            current={index === 0}
          />
        ))
      )}
    </div>
  );
}
