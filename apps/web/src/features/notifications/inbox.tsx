"use client";

import { INBOX_VIEWS, NOTIFICATION_REASONS, type NotificationReason } from "@lodestone/domain/notifications";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { listLoadState } from "@/features/ui/load-problem";
import { LoadMore } from "@/features/ui/load-more";
import { ResultMessage } from "@/features/ui/result-message";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, secondaryButton } from "@/features/ui/styles";
import { isFiltered, type InboxFilters, type ReasonMode } from "./inbox-filters";
import { InboxItemRow, type InboxNotice } from "./inbox-item";
import { useInboxFilters } from "./use-inbox-filters";
import { useInboxList, useMarkAllRead } from "./use-inbox";

/**
 * The inbox: a view (inbox, saved, snoozed, done), a filter by reason (only it, or all but it),
 * the notifications newest first with "load more", and "mark all as read".
 */
export function Inbox() {
  const t = useTranslations("notifications");
  const { filters, setFilters, hrefFor } = useInboxFilters();
  const list = useInboxList(filters);
  const markAll = useMarkAllRead();
  // An action that removed its row says so where focus can land; others say it politely.
  const [moved, setMoved] = useState<{ text: string; n: number } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const onNotice = (notice: InboxNotice) => {
    if (notice.removed) {
      setSaid(null);
      setMoved((was) => ({ text: notice.text, n: (was?.n ?? 0) + 1 }));
    } else {
      setMoved(null);
      setSaid(notice.text);
    }
  };
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const loadState = listLoadState(list, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("views.label")}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-300">
          {INBOX_VIEWS.map((view) => {
            const current = view === filters.view;
            return (
              <li key={view}>
                <Link
                  href={hrefFor({ ...filters, view })}
                  scroll={false}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex rounded-t-md border px-4 py-2 text-sm font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${current ? "border-slate-300 border-b-white bg-white text-blue-900" : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
                >
                  {t(`views.${view}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <ReasonFilter filters={filters} onChange={setFilters} />
        {filters.view === "inbox" ? (
          <button
            type="button"
            className={secondaryButton}
            aria-disabled={markAll.isPending || undefined}
            onClick={() => {
              if (markAll.isPending) return;
              markAll.mutate(undefined, {
                onSuccess: ({ changed }) =>
                  onNotice({ text: t("notices.allRead", { count: changed }), removed: false }),
              });
            }}
          >
            {markAll.isPending ? <Spinner /> : null}
            {markAll.isPending ? t("markingAllRead") : t("markAllRead")}
          </button>
        ) : null}
      </div>

      {/* What the last action did (empty until then, taking no room). */}
      <div className="-my-3 flex flex-col gap-2">
        {markAll.isError ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
            {t("markAllFailed", { message: toApiProblem(markAll.error).message })}
          </p>
        ) : null}
        <ResultMessage
          key={moved?.n ?? 0}
          message={moved?.text ?? null}
          className="font-semibold text-green-900"
        />
        <p role="status" className="text-sm font-medium text-green-900">
          {said ?? ""}
        </p>
      </div>

      {loadState ??
        (items.length === 0 ? (
          <EmptyInbox filters={filters} />
        ) : (
          <div className="flex flex-col gap-4" aria-busy={list.isFetching && !list.isFetchingNextPage}>
            <ol aria-label={t("listLabel")} className="flex flex-col gap-3">
              {items.map((item) => (
                <InboxItemRow key={item.id} item={item} view={filters.view} onNotice={onNotice} />
              ))}
            </ol>
            <p className="text-sm text-slate-700">{t("shown", { count: items.length })}</p>
            {list.hasNextPage ? (
              <LoadMore
                query={list}
                label={t("loadMore")}
                failed={(error) => t("loadMoreFailed", { message: toApiProblem(error).message })}
              />
            ) : null}
          </div>
        ))}
    </div>
  );
}

function ReasonFilter({
  filters,
  onChange,
}: {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
}) {
  const t = useTranslations("notifications");
  const id = useId();
  return (
    <fieldset className="flex flex-wrap items-end gap-4">
      <legend className="sr-only">{t("filters.label")}</legend>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-reason`} className="text-sm font-semibold text-slate-900">
          {t("filters.reason")}
        </label>
        <select
          id={`${id}-reason`}
          value={filters.reason ?? ""}
          onChange={(event) =>
            onChange({ ...filters, reason: (event.target.value || null) as NotificationReason | null })
          }
          className={inputClass}
        >
          <option value="">{t("filters.allReasons")}</option>
          {NOTIFICATION_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`reasonName.${reason}`)}
            </option>
          ))}
        </select>
      </div>
      {filters.reason ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-mode`} className="text-sm font-semibold text-slate-900">
            {t("filters.mode")}
          </label>
          <select
            id={`${id}-mode`}
            value={filters.mode}
            onChange={(event) => onChange({ ...filters, mode: event.target.value as ReasonMode })}
            className={inputClass}
          >
            <option value="only">{t("filters.only")}</option>
            <option value="except">{t("filters.except")}</option>
          </select>
        </div>
      ) : null}
      <label className="flex items-center gap-2 pb-2 text-sm font-medium text-slate-900">
        <input
          type="checkbox"
          checked={filters.unreadOnly}
          onChange={(event) => onChange({ ...filters, unreadOnly: event.target.checked })}
          className="h-4 w-4 accent-blue-800"
        />
        {t("filters.unreadOnly")}
      </label>
    </fieldset>
  );
}

function EmptyInbox({ filters }: { filters: InboxFilters }) {
  const t = useTranslations("notifications.empty");
  const key = isFiltered(filters) ? "filtered" : filters.view;
  return (
    <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{t(`${key}.title`)}</h2>
      <p className="mt-2 text-slate-700">{t(`${key}.body`)}</p>
    </div>
  );
}
