"use client";

import type { VoteView } from "@lodestone/domain/decision-record";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toLoadError } from "@/features/projects/load-error";
import { useTRPC } from "@/trpc/react";
import { useDelegationName } from "./delegation-names";
import { LoadMore } from "@/features/ui/load-more";
import { ScrollRegion } from "@/features/ui/scroll-region";
import { listLoadState } from "@/features/ui/load-problem";

/** Votes fetched per page on a round. */
export const VOTE_PAGE_SIZE = 50;

/**
 * Each counted vote: who, for which delegation, what, why and when, with that delegate's earlier
 * votes in the round under it (the same on a round and on its decision record).
 */
export function VoteReasonsTable({ votes }: { votes: readonly VoteView[] }) {
  const t = useTranslations("review.reasons");
  const tChoice = useTranslations("review.choice");
  const format = useFormatter();
  const nameOf = useDelegationName();
  const date = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  const cell = "border-b border-slate-200 px-3 py-2 align-top";
  return (
    <ScrollRegion name={t("caption")}>
      <table className="min-w-full border-collapse text-left text-sm" data-testid="vote-reasons">
        <caption className="mb-2 text-left font-semibold text-slate-900">{t("caption")}</caption>
        <thead>
          <tr className="bg-slate-100 text-slate-900">
            <th scope="col" className={cell}>
              {t("name")}
            </th>
            <th scope="col" className={cell}>
              {t("delegation")}
            </th>
            <th scope="col" className={cell}>
              {t("choice")}
            </th>
            <th scope="col" className={cell}>
              {t("reason")}
            </th>
            <th scope="col" className={cell}>
              {t("time")}
            </th>
          </tr>
        </thead>
        {votes.map((vote) => {
          const earlier = vote.history.slice(0, -1);
          return (
            <tbody key={vote.voterId} data-voter-id={vote.voterId}>
              <tr>
                <th scope="row" className={`${cell} font-semibold text-slate-900`}>
                  {vote.name}
                </th>
                <td className={`${cell} text-slate-800`}>{nameOf(vote.delegation)}</td>
                <td className={`${cell} text-slate-800`}>{tChoice(vote.choice)}</td>
                <td className={`${cell} whitespace-pre-line text-slate-800`}>
                  {vote.reason ?? t("noReason")}
                </td>
                <td className={`${cell} text-slate-800`}>
                  <time dateTime={vote.at}>{date(vote.at)}</time>
                </td>
              </tr>
              {earlier.length > 0 ? (
                <tr>
                  <td colSpan={5} className={`${cell} bg-slate-50 text-slate-700`}>
                    <p>{t("earlier", { name: vote.name })}</p>
                    <ol className="mt-1 list-decimal pl-6">
                      {earlier.map((h, i) => (
                        <li key={i}>
                          {t("earlierItem", { choice: tChoice(h.choice), date: date(h.at) })}
                          {h.reason ? <span className="whitespace-pre-line"> — {h.reason}</span> : null}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              ) : null}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}

/** A round's votes and reasons, page by page (only when the caller may read them). */
export function RoundVoteReasons({ roundId, isOpen }: { roundId: string; isOpen: boolean }) {
  const t = useTranslations("review.reasons");
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.review.votes.infiniteQueryOptions(
      { roundId, limit: VOTE_PAGE_SIZE },
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
  if (items.length === 0) {
    return <p className="text-slate-700">{isOpen ? t("noneYet") : t("none")}</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <VoteReasonsTable votes={items} />
      {query.hasNextPage ? (
        <LoadMore
          query={query}
          label={t("loadMore")}
          failed={(error) => t("loadFailed", { message: toLoadError(error).message })}
        />
      ) : null}
    </div>
  );
}
