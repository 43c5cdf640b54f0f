"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import type { RoundView } from "./round-view";
import { useRefreshReview } from "./use-refresh-review";
import { VoteForm } from "./vote-form";

/**
 * A delegate's vote in the round: the one that counts, their earlier ones, and the form while
 * the round is open (unless they joined after it opened, so are not in its electorate).
 */
export function MyVote({
  round,
  refetchRound,
  onNotice,
}: {
  round: RoundView;
  /** The round as the server has it now (to tell whether it closed before the vote arrived). */
  refetchRound: () => Promise<{ data?: RoundView }>;
  onNotice: (notice: string | null) => void;
}) {
  const t = useTranslations("review");
  const tChoice = useTranslations("review.choice");
  const format = useFormatter();
  const trpc = useTRPC();
  const refresh = useRefreshReview();
  const castVote = useMutation(trpc.review.castVote.mutationOptions());
  /** Why the delegate's last vote was refused, when the round closed before it arrived. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const isOpen = round.status === "OPEN";
  const date = (iso: string) => format.dateTime(new Date(iso), "dateTime");

  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-lg font-semibold text-slate-900">{t("vote.heading")}</h3>
      {round.myVote ? (
        <p className="text-slate-800" data-testid="my-vote">
          {t("vote.yours", { choice: tChoice(round.myVote.choice), date: date(round.myVote.at) })}
        </p>
      ) : isOpen ? null : (
        <p className="text-slate-800">{t("vote.none")}</p>
      )}
      {round.myVoteHistory.length > 1 ? (
        <details className="text-sm text-slate-800">
          <summary className="cursor-pointer font-semibold text-blue-800 underline underline-offset-4">
            {t("vote.history", { count: round.myVoteHistory.length })}
          </summary>
          <ol className="mt-2 list-decimal pl-6">
            {round.myVoteHistory.map((v, i) => (
              <li key={i}>
                {tChoice(v.choice)} — <time dateTime={v.createdAt}>{date(v.createdAt)}</time>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {isOpen && !round.electorate.includesMe ? (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
          data-testid="not-in-electorate"
        >
          {t("electorate.notIncluded")}
        </p>
      ) : isOpen ? (
        <VoteForm
          key={round.myVote?.at ?? "none"}
          roundId={round.id}
          current={round.myVote}
          onSubmit={async (vote) => {
            onNotice(null);
            await castVote.mutateAsync(vote);
            onNotice(t("vote.recorded", { choice: tChoice(vote.choice) }));
            await refresh();
          }}
          describeProblem={async () => {
            const again = await refetchRound();
            if (again.data?.status !== "CLOSED") return null;
            setRefusal(t("vote.closedNow"));
            return t("vote.closedNow");
          }}
        />
      ) : refusal ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-950">
          {refusal}
        </p>
      ) : (
        <p className="text-slate-800">{t("vote.closed")}</p>
      )}
    </div>
  );
}
