"use client";

import { may } from "@lodestone/domain/access";
import type { Role } from "@lodestone/domain/enums";
import type { EventType } from "@lodestone/domain/events";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { FollowControl } from "@/features/notifications/follow-control";
import { toLoadError } from "@/features/projects/load-error";
import { LoadProblem } from "@/features/ui/load-problem";
import { ResultMessage } from "@/features/ui/result-message";
import { Spinner } from "@/features/ui/spinner";
import { linkClass } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { CloseRoundSection } from "./close-round-section";
import { MyVote } from "./my-vote";
import { Electorate, RoundFacts, RoundHeading } from "./round-facts";
import { RoundReasons, RoundTally } from "./round-outcome";
import { RoundRule } from "./round-rule";

/** What happens to a round that the live feed tells its readers about. */
const ROUND_EVENTS = [
  "vote.cast",
  "vote.changed",
  "review_round.rule_changed",
  "review_round.closed_at_time",
  "decision.recorded",
] as const satisfies readonly EventType[];

/**
 * One review round: its facts, rule, the reader's vote, results and reasons, and its closing. It
 * follows the live feed (the round is read again by the feed's provider, with the reader's rules)
 * and says what changed: the reader's own vote or rule change has its own message instead.
 */
export function RoundSection({
  roundId,
  number,
  projectId,
  role,
  current = false,
}: {
  roundId: string;
  number: number;
  projectId: string;
  role: Role;
  /** The project's newest round: the reader may follow or mute it here. */
  current?: boolean;
}) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const query = useQuery(trpc.review.round.queryOptions({ roundId }));
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();
  const { announce } = useLiveStatusActions();
  useLiveEvents({ projectId, types: ROUND_EVENTS }, (event) => {
    if (event.data.roundId !== roundId) return;
    if (event.type === "vote.cast" || event.type === "vote.changed") {
      if (!event.mine) announce(t("live.turnoutUpdated"));
    } else if (event.type === "review_round.rule_changed") {
      if (!event.mine) announce(t("live.ruleChanged"));
    } else {
      announce(t("live.roundClosed"));
    }
  });

  if (query.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-700">
        <Spinner /> {t("loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <LoadProblem
        message={t("loadFailed", { message: toLoadError(query.error).message })}
        retryLabel={t("retry")}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const round = query.data;
  const runsRounds = may(role, "round.run");
  const votes = may(role, "round.vote");

  return (
    <section
      aria-labelledby={headingId}
      data-round-id={round.id}
      className="flex flex-col gap-5 rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      <RoundHeading id={headingId} number={number} round={round} />
      <RoundFacts round={round} />
      <Electorate electorate={round.electorate} />
      {current ? (
        <FollowControl subject={{ type: "ROUND", id: round.id }} level={3} className="max-w-2xl" />
      ) : null}
      <RoundRule round={round} canEdit={runsRounds} onNotice={setNotice} />
      {votes ? <MyVote round={round} refetchRound={() => query.refetch()} onNotice={setNotice} /> : null}

      {/* Focus goes to the notice: the vote form starts afresh and the rule form closes. */}
      <ResultMessage message={notice} className="font-semibold text-green-900" />

      <RoundTally round={round} votes={votes} />
      <RoundReasons round={round} />

      {round.decisionId ? (
        <p>
          <Link href={`/projects/${projectId}/decisions/${round.decisionId}`} className={linkClass}>
            {t("decisionLink")}
          </Link>
        </p>
      ) : runsRounds ? (
        <CloseRoundSection projectId={projectId} roundId={round.id} isOpen={round.status === "OPEN"} />
      ) : null}
    </section>
  );
}
