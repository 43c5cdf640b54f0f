"use client";

import { useTranslations } from "next-intl";
import { useDelegationName } from "./delegation-names";
import { RoundResults } from "./round-results";
import type { RoundView } from "./round-view";
import { RoundVoteReasons } from "./vote-reasons";

/** The tally by delegation and what it means, when the reader may see it; else when they will. */
export function RoundTally({ round, votes }: { round: RoundView; /** The reader votes. */ votes: boolean }) {
  const t = useTranslations("review");
  const nameOf = useDelegationName();
  const isOpen = round.status === "OPEN";
  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-lg font-semibold text-slate-900">{t("results.heading")}</h3>
      {round.results ? (
        <>
          <RoundResults
            delegations={round.results.delegations}
            caption={t("results.caption")}
            nameOf={nameOf}
          />
          <p className="font-semibold text-slate-900" data-testid="round-outcome">
            {isOpen
              ? round.results.approved
                ? t("results.soFarApproves")
                : t("results.soFarNotApproved")
              : round.results.approved
                ? t("results.approves")
                : t("results.notApproved")}
          </p>
        </>
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
          {votes ? t("results.afterYouVote") : t("results.afterClose")}
        </p>
      )}
    </div>
  );
}

/** Every vote and its reason, when the reader may read them. */
export function RoundReasons({ round }: { round: RoundView }) {
  const t = useTranslations("review");
  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-lg font-semibold text-slate-900">{t("reasons.heading")}</h3>
      {round.reasonsVisible ? (
        <RoundVoteReasons roundId={round.id} isOpen={round.status === "OPEN"} />
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
          {t("reasons.hidden")}
        </p>
      )}
    </div>
  );
}
