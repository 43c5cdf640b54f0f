"use client";

import type { ScanStatus } from "@lodestone/domain/documents";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { LoadProblem } from "@/features/ui/load-problem";
import { Spinner } from "@/features/ui/spinner";
import { linkClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { inLocale } from "./document-format";
import { ScanState } from "./scan-state";
import type { ScanProblem } from "./types";

/**
 * The malware scanner as coordinators and administrators need to know it: whether one is
 * configured and answers, and the versions it holds back (still waiting, or quarantined), with
 * their errors.
 */
export function ScanStatusView() {
  const t = useTranslations("documents.scanning");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const headingId = useId();
  const status = useQuery(trpc.documents.scanStatus.queryOptions());

  if (status.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-700">
        <Spinner /> {t("loading")}
      </p>
    );
  }
  if (status.isError) {
    return (
      <LoadProblem
        message={t("loadFailed", { message: toLoadError(status.error).message })}
        retryLabel={t("retry")}
        onRetry={() => void status.refetch()}
      />
    );
  }
  const data = status.data;
  const scanner = !data.configured
    ? { text: t("notConfigured"), look: "border-slate-400 bg-slate-50 text-slate-900" }
    : data.reachable === false
      ? { text: t("unreachable"), look: "border-red-400 bg-red-50 text-red-950" }
      : data.reachable === true
        ? { text: t("reachable"), look: "border-green-600 bg-green-50 text-green-950" }
        : { text: t("unknown"), look: "border-slate-400 bg-slate-50 text-slate-900" };

  const columns: DataTableColumn<ScanProblem>[] = [
    {
      id: "document",
      header: t("columns.document"),
      rowHeader: true,
      className: "min-w-[14rem] font-normal",
      cell: (p) => {
        const title = inLocale(locale, p.titleEn, p.titleJa);
        return (
          <>
            <Link
              href={`/projects/${p.projectId}/documents/${p.documentId}`}
              lang={title.lang}
              className={`${linkClass} font-semibold`}
            >
              {title.text}
            </Link>
            <span className="block text-slate-700">
              <span className="font-mono">{p.projectReference}</span> ·{" "}
              {t("versionNumber", { number: p.number })}
            </span>
          </>
        );
      },
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: (p) => <ScanState status={p.status as ScanStatus} signature={p.signature} />,
    },
    {
      id: "attempts",
      header: t("columns.attempts"),
      className: "text-right tabular-nums",
      cell: (p) => p.attempts,
    },
    {
      id: "error",
      header: t("columns.error"),
      className: "min-w-[14rem] break-words font-mono text-xs text-slate-800",
      cell: (p) => p.error ?? t("noError"),
    },
    {
      id: "since",
      header: t("columns.since"),
      cell: (p) => (
        <time dateTime={p.since} className="whitespace-nowrap">
          {format.dateTime(new Date(p.since), "dateTime")}
        </time>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-6">
      <div
        role="status"
        className={`rounded-md border p-4 ${scanner.look}`}
        data-scanner={data.configured ? String(data.reachable) : "off"}
      >
        <p className="font-semibold">{t("scannerHeading")}</p>
        <p className="mt-1">{scanner.text}</p>
      </div>
      <section aria-labelledby={headingId} className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={headingId} className="text-xl font-semibold text-slate-900">
            {t("problemsHeading")}
          </h2>
          <button
            type="button"
            className={secondaryButton}
            aria-disabled={status.isFetching || undefined}
            onClick={() => void status.refetch()}
          >
            {status.isFetching ? <Spinner /> : null}
            {t("refresh")}
          </button>
        </div>
        {data.problems.length === 0 ? (
          <p className="text-slate-800">{t("noProblems")}</p>
        ) : (
          <DataTable
            caption={t("caption")}
            columns={columns}
            rows={data.problems}
            rowKey={(p) => p.versionId}
            rowProps={(p) => ({ "data-scan-problem": p.status })}
            region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
            classNames={{
              table: "w-full min-w-[52rem] border-collapse text-left text-sm",
              row: "align-top odd:bg-white even:bg-slate-50",
            }}
          />
        )}
      </section>
    </div>
  );
}
