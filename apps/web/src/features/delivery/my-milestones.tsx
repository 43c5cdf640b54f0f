"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { toLoadError, type LoadError } from "@/features/projects/load-error";
import { Spinner } from "@/features/ui/spinner";
import { linkClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { CALENDAR_DATE, calendarDay, daysBetween, todayIn } from "./dates";
import { MilestoneStatusBadge, OverdueBadge } from "./milestone-status-badge";
import { milestoneTitle } from "./milestone-tree";
import { ProgressBar } from "./progress-bar";
import type { MyMilestone } from "./types";

const PAGE_SIZE = 25;

/** What is assigned to the reader or their organisation, due soonest first (keyset pages). */
export function MyMilestones() {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.delivery.mine.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (lastPage) => lastPage.nextCursor },
    ),
  );
  const hasData = query.data !== undefined;
  return (
    <MyMilestonesView
      status={hasData ? "success" : query.isError ? "error" : "pending"}
      items={query.data?.pages.flatMap((p) => p.items) ?? []}
      error={!hasData && query.error ? toLoadError(query.error) : null}
      onRetry={() => void query.refetch()}
      hasNextPage={query.hasNextPage}
      isFetchingNextPage={query.isFetchingNextPage}
      onLoadMore={() => void query.fetchNextPage()}
    />
  );
}

export interface MyMilestonesViewProps {
  status: "pending" | "error" | "success";
  items: MyMilestone[];
  error: LoadError | null;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  /** For tests: the moment "due in n days" counts from. */
  now?: Date;
}

export function MyMilestonesView({
  status,
  items,
  error,
  onRetry,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
  now,
}: MyMilestonesViewProps) {
  const t = useTranslations("myMilestones");
  const format = useFormatter();
  const locale = useLocale();

  if (status === "pending") {
    return (
      <p role="status" aria-busy="true" aria-live="polite" className="flex items-center gap-3 text-slate-700">
        <Spinner />
        {t("loading")}
      </p>
    );
  }
  if (status === "error") {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
        <p className="font-semibold">{t("loadFailed")}</p>
        <p className="mt-1 text-sm">{t("details", { message: error?.message ?? "" })}</p>
        <button type="button" className={`${secondaryButton} mt-3`} onClick={onRetry}>
          {t("retry")}
        </button>
      </div>
    );
  }
  if (items.length === 0) return <p className="text-slate-700">{t("empty")}</p>;

  const overdue = items.filter((m) => m.overdue).length;
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-slate-800">
        {t("summary", { count: items.length, overdue })}
      </p>
      <ul className="flex flex-col gap-3" aria-label={t("listLabel")}>
        {items.map((m) => {
          const title = milestoneTitle(m, locale);
          const projectTitle = milestoneTitle(m.project, locale);
          const days = daysBetween(todayIn(m.referenceTimeZone, now), m.dueDate);
          return (
            <li
              key={m.id}
              data-overdue={m.overdue || undefined}
              className={`rounded-md border p-4 ${m.overdue ? "border-l-8 border-red-600 bg-red-50/60" : "border-slate-300 bg-white"}`}
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <h2 lang={title.lang} className="text-lg font-semibold text-slate-900">
                  {title.text}
                </h2>
                <MilestoneStatusBadge status={m.status} />
                {m.overdue ? <OverdueBadge /> : null}
              </div>
              <p className="mt-1 text-sm text-slate-700">
                <span className="font-mono font-semibold">{m.project.reference}</span>{" "}
                <Link
                  href={`/projects/${m.projectId}/delivery`}
                  className={linkClass}
                  lang={projectTitle.lang}
                >
                  {projectTitle.text}
                </Link>
              </p>
              <p className={`mt-2 text-sm ${m.overdue ? "font-semibold text-red-900" : "text-slate-800"}`}>
                {t("due", {
                  date: format.dateTime(calendarDay(m.dueDate), CALENDAR_DATE),
                  timeZone: m.referenceTimeZone,
                })}{" "}
                ·{" "}
                {days < 0
                  ? t("daysLate", { count: -days })
                  : days === 0
                    ? t("dueToday")
                    : t("daysLeft", { count: days })}
              </p>
              <div className="mt-3 max-w-xl">
                <ProgressBar value={m.progress} label={t("progressOf", { title: title.text })} />
              </div>
            </li>
          );
        })}
      </ul>
      {hasNextPage ? (
        <div>
          <button
            type="button"
            className={primaryButton}
            aria-disabled={isFetchingNextPage || undefined}
            onClick={() => {
              if (!isFetchingNextPage) onLoadMore();
            }}
          >
            {isFetchingNextPage ? <Spinner tone="light" /> : null}
            {isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
