"use client";

import type { VoteView } from "@lodestone/domain/decision-record";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toLoadError } from "@/features/projects/load-error";
import { useTRPC } from "@/trpc/react";
import { useDelegationName } from "./delegation-names";
import { LoadMore } from "@/features/ui/load-more";
import { DataTable } from "@/features/ui/data-table";
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
    <DataTable
      caption={t("caption")}
      testId="vote-reasons"
      rows={votes}
      rowKey={(vote) => vote.voterId}
      rowGroupProps={(vote) => ({ "data-voter-id": vote.voterId })}
      rowDetail={(vote) => (vote.history.length > 1 ? <EarlierVotes vote={vote} /> : null)}
      columns={[
        {
          id: "name",
          header: t("name"),
          rowHeader: true,
          className: "font-semibold text-slate-900",
          cell: (vote) => vote.name,
        },
        {
          id: "delegation",
          header: t("delegation"),
          className: "text-slate-800",
          cell: (vote) => nameOf(vote.delegation),
        },
        {
          id: "choice",
          header: t("choice"),
          className: "text-slate-800",
          cell: (vote) => tChoice(vote.choice),
        },
        {
          id: "reason",
          header: t("reason"),
          className: "whitespace-pre-line text-slate-800",
          cell: (vote) => vote.reason ?? t("noReason"),
        },
        {
          id: "time",
          header: t("time"),
          className: "text-slate-800",
          cell: (vote) => <time dateTime={vote.at}>{date(vote.at)}</time>,
        },
      ]}
      classNames={{
        table: "min-w-full border-collapse text-left text-sm",
        caption: "mb-2 text-left font-semibold text-slate-900",
        thead: "",
        headRow: "bg-slate-100 text-slate-900",
        headerCell: cell,
        tbody: "",
        cell,
        detailCell: `${cell} bg-slate-50 text-slate-700`,
      }}
    />
  );
}

/** The delegate's earlier votes in the round (all but the last, which counts), oldest first. */
function EarlierVotes({ vote }: { vote: VoteView }) {
  const t = useTranslations("review.reasons");
  const tChoice = useTranslations("review.choice");
  const format = useFormatter();
  const earlier = vote.history.slice(0, -1);
  return (
    <>
      <p>{t("earlier", { name: vote.name })}</p>
      <ol className="mt-1 list-decimal pl-6">
        {earlier.map((h, i) => (
          <li key={i}>
            {t("earlierItem", {
              choice: tChoice(h.choice),
              date: format.dateTime(new Date(h.at), "dateTime"),
            })}
            {h.reason ? <span className="whitespace-pre-line"> — {h.reason}</span> : null}
          </li>
        ))}
      </ol>
    </>
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
