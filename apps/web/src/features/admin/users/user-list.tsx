"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import type { UserListQuery } from "./use-user-list";
import { UserTable } from "./user-table";

type TableProps = Omit<ComponentProps<typeof UserTable>, "items">;

/** The list as it stands: loading, could not load, nothing found, or the table and "load more". */
export function UserList({
  list,
  filtered,
  ...table
}: TableProps & {
  list: UserListQuery;
  /** Whether any filter is set (the empty state says so). */
  filtered: boolean;
}) {
  const t = useTranslations("admin.users");
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.data === undefined) {
    return list.isError ? (
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
        <h2 className="text-lg font-semibold">{t("error.title")}</h2>
        <p className="mt-2 text-sm">{t("error.details", { message: toApiProblem(list.error).message })}</p>
        <button type="button" onClick={() => void list.refetch()} className={`${secondaryButton} mt-4`}>
          {t("error.retry")}
        </button>
      </div>
    ) : (
      <p role="status" aria-busy="true" className="flex items-center gap-3 text-slate-700">
        <Spinner />
        {t("loading")}
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
        <h2 className="text-lg font-semibold text-slate-900">
          {filtered ? t("empty.filteredTitle") : t("empty.title")}
        </h2>
        <p className="mt-2 text-slate-700">{filtered ? t("empty.filteredBody") : t("empty.body")}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4" aria-busy={list.isFetching && !list.isFetchingNextPage}>
      <UserTable items={items} {...table} />
      <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700">
          {list.hasNextPage
            ? t("shownCount", { count: items.length })
            : t("allShown", { count: items.length })}
        </p>
        {list.hasNextPage ? (
          <button
            type="button"
            className={primaryButton}
            aria-disabled={list.isFetchingNextPage || undefined}
            onClick={() => {
              if (!list.isFetchingNextPage) void list.fetchNextPage();
            }}
          >
            {list.isFetchingNextPage ? <Spinner tone="light" /> : null}
            {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        ) : null}
      </div>
      {list.isFetchNextPageError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          {t("loadMoreError", { message: toApiProblem(list.error).message })}
        </p>
      ) : null}
    </div>
  );
}
