"use client";

import type { ProjectListItem } from "@lodestone/domain/project-list";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { LoadError } from "./load-error";
import { ProjectTable } from "./project-table";

export interface ProjectListViewProps {
  status: "pending" | "error" | "success";
  items: ProjectListItem[];
  /** Whether a search or filter is set (an empty result then says "No projects match"). */
  filtered?: boolean;
  /** Why the first page failed (status "error"). */
  error?: LoadError | null;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Why the last "load more" failed; the loaded rows stay. */
  loadMoreError?: LoadError | null;
  onLoadMore: () => void;
}

const buttonClass =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
const primaryButton = `${buttonClass} bg-blue-800 text-white hover:bg-blue-900 aria-disabled:cursor-progress aria-disabled:opacity-80`;
const secondaryButton = `${buttonClass} border border-slate-400 bg-white text-slate-900 hover:bg-slate-50`;

/** The project list in each of its states: loading, failed, empty, and a table with "load more". */
export function ProjectListView(props: ProjectListViewProps) {
  const {
    status,
    items,
    filtered,
    error,
    onRetry,
    hasNextPage,
    isFetchingNextPage,
    loadMoreError,
    onLoadMore,
  } = props;
  const t = useTranslations("projects");
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const loadMoreRef = useRef<HTMLButtonElement>(null);
  const loadMoreHadFocus = useRef(false);

  // When the last page arrives the button goes away; keep keyboard focus near where it was.
  useEffect(() => {
    if (!hasNextPage && loadMoreHadFocus.current) {
      loadMoreHadFocus.current = false;
      summaryRef.current?.focus();
    }
  }, [hasNextPage]);

  if (status === "pending") {
    return (
      <div role="status" aria-busy="true" aria-live="polite" className="flex flex-col gap-3">
        <p className="flex items-center gap-3 text-slate-700">
          <span
            aria-hidden="true"
            className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-blue-800"
          />
          {t("loading")}
        </p>
        <div aria-hidden="true" className="overflow-hidden rounded-lg border border-slate-200">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="flex gap-4 border-b border-slate-100 px-3 py-4 last:border-b-0">
              <div className="h-4 w-16 animate-pulse rounded bg-slate-200" />
              <div className="h-4 flex-1 animate-pulse rounded bg-slate-200" />
              <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
              <div className="h-4 w-32 animate-pulse rounded bg-slate-200" />
            </div>
          ))}
        </div>
      </div>
    );
  }

  if (status === "error") {
    return (
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
        <h2 className="text-lg font-semibold">{t("error.title")}</h2>
        <ErrorDetails error={error ?? null} />
        <button type="button" onClick={onRetry} className={`${secondaryButton} mt-4`}>
          {t("error.retry")}
        </button>
      </div>
    );
  }

  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
        <h2 className="text-lg font-semibold text-slate-900">
          {filtered ? t("noMatch.title") : t("empty.title")}
        </h2>
        <p className="mt-2 text-slate-700">{filtered ? t("noMatch.body") : t("empty.body")}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <ProjectTable items={items} />
      <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p ref={summaryRef} tabIndex={-1} role="status" className="text-sm text-slate-700">
          {hasNextPage ? t("shownCount", { count: items.length }) : t("allShown", { count: items.length })}
        </p>
        {hasNextPage ? (
          <button
            ref={loadMoreRef}
            type="button"
            aria-disabled={isFetchingNextPage || undefined}
            onClick={() => {
              if (isFetchingNextPage) return;
              loadMoreHadFocus.current = true;
              onLoadMore();
            }}
            onBlur={() => {
              loadMoreHadFocus.current = false;
            }}
            className={primaryButton}
          >
            {isFetchingNextPage ? (
              <span
                aria-hidden="true"
                className="h-4 w-4 animate-spin rounded-full border-2 border-blue-300 border-t-white"
              />
            ) : null}
            {isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        ) : null}
      </div>
      {loadMoreError ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">{t("loadMoreError")}</p>
          <ErrorDetails error={loadMoreError} />
        </div>
      ) : null}
    </div>
  );
}

function ErrorDetails({ error }: { error: LoadError | null }) {
  const t = useTranslations("projects.error");
  if (!error) return null;
  const unavailable = error.code === "SERVICE_UNAVAILABLE" || error.code === "GATEWAY_TIMEOUT";
  return (
    <>
      {unavailable ? <p className="mt-2">{t("unavailable")}</p> : null}
      <p className="mt-2 text-sm">{t("details", { message: error.message })}</p>
    </>
  );
}
