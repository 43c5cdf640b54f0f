"use client";

import { ROLES, type Role } from "@lodestone/domain/vocabulary";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toApiProblem } from "@/features/forms/api-problem";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { listLoadState } from "@/features/ui/load-problem";
import { LoadMore } from "@/features/ui/load-more";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { AccessEntry } from "./types";

const isRole = (v: string | null): v is Role => (ROLES as readonly (string | null)[]).includes(v);

/**
 * Who opened and downloaded a document, newest first, a page at a time: the person, their role
 * and delegation or organisation, which version, and when (in the reader's time zone). Only the
 * uploading organisation and coordinators see it.
 */
export function AccessList({ documentId }: { documentId: string }) {
  const t = useTranslations("documents.access");
  const tRole = useTranslations("enums.role");
  const format = useFormatter();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = useInfiniteQuery({
    queryKey: trpc.documents.accessList.infiniteQueryKey({ documentId }),
    queryFn: ({ pageParam, signal }) =>
      client.documents.accessList.query(pageParam ? { documentId, cursor: pageParam } : { documentId }, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const loadState = listLoadState(list, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });

  const columns: DataTableColumn<AccessEntry>[] = [
    {
      id: "when",
      header: t("when"),
      className: "whitespace-nowrap",
      cell: (e) => <time dateTime={e.at}>{format.dateTime(new Date(e.at), "dateTime")}</time>,
    },
    {
      id: "who",
      header: t("who"),
      rowHeader: true,
      className: "font-normal",
      cell: (e) => <span className="font-semibold text-slate-900">{e.userName ?? t("unknown")}</span>,
    },
    {
      id: "role",
      header: t("role"),
      cell: (e) => (
        <>
          <span className="block">{isRole(e.role) ? tRole(e.role) : (e.role ?? "")}</span>
          {e.delegation || e.organisation ? (
            <span className="block text-slate-700">{e.delegation ?? e.organisation}</span>
          ) : null}
        </>
      ),
    },
    {
      id: "action",
      header: t("action"),
      cell: (e) => (
        <span data-access-action={e.action}>
          {e.action === "document.downloaded" ? t("downloaded") : t("viewed")}
        </span>
      ),
    },
    {
      id: "version",
      header: t("version"),
      className: "whitespace-nowrap tabular-nums",
      cell: (e) => (e.versionNumber !== null ? t("versionNumber", { number: e.versionNumber }) : "—"),
    },
  ];

  if (loadState) return loadState;
  return (
    <div className="flex flex-col gap-4" aria-busy={list.isFetching && !list.isFetchingNextPage}>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={items}
        rowKey={(e) => e.id}
        rowProps={(e) => ({ "data-access": e.action })}
        empty={t("empty")}
        region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
        classNames={{
          table: "w-full min-w-[40rem] border-collapse text-left text-sm",
          row: "align-top odd:bg-white even:bg-slate-50",
        }}
      />
      {list.hasNextPage ? (
        <LoadMore
          query={list}
          label={t("loadMore")}
          failed={(error) => t("loadMoreFailed", { message: toApiProblem(error).message })}
        />
      ) : null}
    </div>
  );
}
