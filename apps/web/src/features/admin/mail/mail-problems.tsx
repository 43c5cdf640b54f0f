"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import type { MailProblem } from "@/features/notifications/types";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { listLoadState } from "@/features/ui/load-problem";
import { LoadMore } from "@/features/ui/load-more";
import { ResultMessage } from "@/features/ui/result-message";
import { smallButton } from "@/features/ui/styles";
import { useTRPC, useTRPCClient } from "@/trpc/react";

const PAGE_SIZE = 25;
const MAIL_KINDS = ["IMMEDIATE", "DAILY", "WEEKLY"] as const;
const MAIL_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED", "SKIPPED"] as const;
const isKind = (v: string): v is (typeof MAIL_KINDS)[number] => (MAIL_KINDS as readonly string[]).includes(v);
const isStatus = (v: string): v is (typeof MAIL_STATUSES)[number] =>
  (MAIL_STATUSES as readonly string[]).includes(v);

/** Notification mails that failed (or are waiting to be retried after failing), with "Retry now". */
export function MailProblems() {
  const t = useTranslations("admin.mail");
  const format = useFormatter();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const input = { limit: PAGE_SIZE };
  const list = useInfiniteQuery({
    queryKey: trpc.notifications.mailProblems.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.notifications.mailProblems.query(pageParam ? { ...input, cursor: pageParam } : input, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
  const [target, setTarget] = useState<MailProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const retry = useMutation(
    trpc.notifications.retryMail.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.notifications.mailProblems.pathFilter()),
    }),
  );

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const loadState = listLoadState(list, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retryLoad"),
  });
  const kindName = (kind: string) => (isKind(kind) ? t(`kind.${kind}`) : kind);
  const statusName = (status: string) => (isStatus(status) ? t(`status.${status}`) : status);
  const when = (iso: string) => (
    <time dateTime={iso} className="whitespace-nowrap">
      {format.dateTime(new Date(iso), "dateTime")}
    </time>
  );

  const columns: DataTableColumn<MailProblem>[] = [
    {
      id: "recipient",
      header: t("columns.recipient"),
      rowHeader: true,
      className: "min-w-[14rem] font-normal",
      cell: (mail) => (
        <>
          <span className="block font-semibold text-slate-900">{mail.recipient.name}</span>
          <span className="block break-words text-slate-600">{mail.recipient.email}</span>
        </>
      ),
    },
    { id: "kind", header: t("columns.kind"), cell: (mail) => kindName(mail.kind) },
    {
      id: "status",
      header: t("columns.status"),
      cell: (mail) => <span data-mail-status={mail.status}>{statusName(mail.status)}</span>,
    },
    { id: "attempts", header: t("columns.attempts"), className: "text-right", cell: (mail) => mail.attempts },
    {
      id: "lastError",
      header: t("columns.lastError"),
      className: "min-w-[16rem] break-words font-mono text-xs text-slate-800",
      cell: (mail) => mail.lastError ?? t("noError"),
    },
    {
      id: "nextAttempt",
      header: t("columns.nextAttempt"),
      cell: (mail) => (mail.status === "FAILED" ? t("noError") : when(mail.nextAttemptAt)),
    },
    { id: "created", header: t("columns.created"), cell: (mail) => when(mail.createdAt) },
    {
      id: "actions",
      header: t("columns.actions"),
      cell: (mail) =>
        mail.status === "FAILED" ? (
          <button
            type="button"
            className={smallButton}
            aria-label={t("retryOf", { name: mail.recipient.name })}
            onClick={() => {
              retry.reset();
              setTarget(mail);
            }}
          >
            {t("retry")}
          </button>
        ) : null,
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      <ResultMessage message={notice} className="font-semibold text-green-900" />
      {loadState ??
        (items.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
            <h2 className="text-lg font-semibold text-slate-900">{t("empty.title")}</h2>
            <p className="mt-2 text-slate-700">{t("empty.body")}</p>
          </div>
        ) : (
          <div className="flex flex-col gap-4" aria-busy={list.isFetching && !list.isFetchingNextPage}>
            <DataTable
              caption={t("caption")}
              columns={columns}
              rows={items}
              rowKey={(mail) => mail.id}
              rowProps={(mail) => ({ "data-mail": mail.id })}
              region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
              classNames={{
                table: "w-full min-w-[60rem] border-collapse text-left text-sm",
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
        ))}
      <ConfirmDialog
        open={target !== null}
        title={t("confirmTitle")}
        confirmLabel={t("confirm")}
        busyLabel={t("retrying")}
        busy={retry.isPending}
        error={retry.isError ? t("retryFailed", { message: toApiProblem(retry.error).message }) : null}
        onConfirm={() => {
          if (!target) return;
          retry.mutate(
            { id: target.id },
            {
              onSuccess: () => {
                setNotice(t("retried", { name: target.recipient.name }));
                setTarget(null);
              },
            },
          );
        }}
        onCancel={() => {
          if (retry.isPending) return;
          setTarget(null);
        }}
      >
        {target ? (
          <p>
            {t("confirmBody", {
              kind: kindName(target.kind),
              name: target.recipient.name,
              email: target.recipient.email,
            })}
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
