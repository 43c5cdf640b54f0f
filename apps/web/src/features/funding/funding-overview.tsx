"use client";

import { FUNDING_BUCKETS } from "@lodestone/domain/vocabulary";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { ProgressBar } from "@/features/delivery/progress-bar";
import { useDelegationName } from "@/features/deliberation/delegation-names";
import { titleIn } from "@/features/projects/project-title";
import { DataTable } from "@/features/ui/data-table";
import { listLoadState } from "@/features/ui/load-problem";
import { linkClass } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { FundingExport } from "./funding-export";
import { useMoney } from "./money";
import type { FundingTotalsRow, Programme } from "./types";

type By = "delegation" | "financier";

/**
 * Funding across every project the reader may see: totals by state per delegation or per
 * financier, each programme (a pledge across projects) against its deadline, and the export.
 */
export function FundingOverview() {
  const t = useTranslations("fundingOverview");
  const id = useId();
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby={`${id}-totals`} className="flex flex-col gap-4">
        <h2 id={`${id}-totals`} className="text-xl font-semibold text-slate-900">
          {t("totals.heading")}
        </h2>
        <Totals />
      </section>
      <section aria-labelledby={`${id}-programmes`} className="flex flex-col gap-4">
        <h2 id={`${id}-programmes`} className="text-xl font-semibold text-slate-900">
          {t("programmes.heading")}
        </h2>
        <Programmes />
      </section>
      <section aria-labelledby={`${id}-export`} className="flex flex-col gap-3">
        <h2 id={`${id}-export`} className="text-xl font-semibold text-slate-900">
          {t("export.heading")}
        </h2>
        <p className="text-slate-700">{t("export.lead")}</p>
        <FundingExport />
      </section>
    </div>
  );
}

function Totals() {
  const t = useTranslations("fundingOverview.totals");
  const trpc = useTRPC();
  const [by, setBy] = useState<By>("delegation");
  const query = useQuery(trpc.funding.totals.queryOptions({ by }));
  const loadState = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  return (
    <div className="flex flex-col gap-4">
      <div role="group" aria-label={t("byLabel")} className="flex flex-wrap gap-2">
        {(["delegation", "financier"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={by === option}
            onClick={() => setBy(option)}
            className={
              "rounded-full border px-4 py-1.5 text-sm font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 " +
              (by === option
                ? "border-blue-800 bg-blue-800 text-white"
                : "border-slate-400 bg-white text-slate-900 hover:bg-slate-50")
            }
          >
            {t(`by.${option}`)}
          </button>
        ))}
      </div>
      {loadState ?? <TotalsTable by={by} rows={query.data ?? []} />}
    </div>
  );
}

/** Totals by state in US dollars, one row per delegation (or financier), with a total row. */
export function TotalsTable({
  by,
  rows,
  caption,
}: {
  by: By;
  rows: readonly FundingTotalsRow[];
  caption?: string;
}) {
  const t = useTranslations("fundingOverview.totals");
  const tBucket = useTranslations("enums.fundingBucket");
  const locale = useLocale();
  const format = useFormatter();
  const money = useMoney();
  const delegationName = useDelegationName();
  const label = (row: FundingTotalsRow) =>
    by === "delegation"
      ? row.key
        ? delegationName(row.key)
        : t("noDelegation")
      : locale === "ja" && row.labelJa?.trim()
        ? row.labelJa
        : row.label;
  const sum = (bucket: (typeof FUNDING_BUCKETS)[number]) => rows.reduce((s, r) => s + r.usd[bucket], 0);
  return (
    <DataTable
      caption={caption ?? t(`caption.${by}`)}
      rows={rows}
      rowKey={(row) => row.key || "none"}
      rowProps={(row) => ({ "data-key": row.key })}
      empty={t("empty")}
      region={{ className: "relative rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{ table: "w-full min-w-[48rem] border-collapse text-left text-sm", row: "bg-white" }}
      columns={[
        {
          id: "label",
          header: by === "delegation" ? t("columns.delegation") : t("columns.financier"),
          rowHeader: true,
          className: "font-semibold text-slate-900",
          cell: label,
          footer: t("total"),
          footerClassName: "px-3 py-3 font-semibold",
        },
        ...FUNDING_BUCKETS.map((bucket) => ({
          id: bucket,
          header: tBucket(bucket),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (row: FundingTotalsRow) => <span data-bucket={bucket}>{money(row.usd[bucket], "USD")}</span>,
          footer: <span data-total={bucket}>{money(sum(bucket), "USD")}</span>,
          footerClassName: "whitespace-nowrap px-3 py-3 text-right font-semibold tabular-nums",
        })),
        {
          id: "projects",
          header: t("columns.projects"),
          headerClassName: "text-right",
          className: "text-right tabular-nums",
          cell: (row) => format.number(row.projects),
        },
      ]}
    />
  );
}

function Programmes() {
  const t = useTranslations("fundingOverview.programmes");
  const trpc = useTRPC();
  const query = useQuery(trpc.funding.programmes.queryOptions());
  const loadState = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  if (loadState) return loadState;
  const programmes = query.data ?? [];
  if (programmes.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <ul className="flex flex-col gap-6">
      {programmes.map((p) => (
        <ProgrammeCard key={p.id} programme={p} />
      ))}
    </ul>
  );
}

function ProgrammeCard({ programme: p }: { programme: Programme }) {
  const t = useTranslations("fundingOverview.programmes");
  const locale = useLocale();
  const format = useFormatter();
  const money = useMoney();
  const delegationName = useDelegationName();
  const id = useId();
  const name =
    locale === "ja" && p.nameJa.trim() ? { text: p.nameJa, lang: "ja" } : { text: p.nameEn, lang: "en" };
  const share = p.amountUsd > 0 ? (p.allocatedUsd / p.amountUsd) * 100 : 0;
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <article aria-labelledby={`${id}-name`} className="flex flex-col gap-4">
        <div>
          <h3 id={`${id}-name`} lang={name.lang} className="text-lg font-semibold text-slate-900">
            {name.text}
          </h3>
          <p className="text-slate-700">{t("delegation", { delegation: delegationName(p.delegation) })}</p>
        </div>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t("amount")}</dt>
            <dd className="tabular-nums text-slate-900">{money(p.amountUsd, "USD")}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t("allocated")}</dt>
            <dd className="tabular-nums text-slate-900">{money(p.allocatedUsd, "USD")}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t("unallocated")}</dt>
            <dd className="tabular-nums text-slate-900">{money(p.unallocatedUsd, "USD")}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t("deadline")}</dt>
            <dd className="text-slate-900">
              <time dateTime={p.deadline}>{format.dateTime(calendarDay(p.deadline), CALENDAR_DATE)}</time>{" "}
              <span className={p.daysLeft < 0 ? "font-semibold text-red-800" : "text-slate-700"}>
                {p.daysLeft < 0
                  ? t("deadlinePassed", { days: -p.daysLeft })
                  : t("daysLeft", { days: p.daysLeft })}
              </span>
            </dd>
          </div>
        </dl>
        <div className="flex flex-col gap-1">
          <ProgressBar value={share} label={t("progressLabel", { name: name.text })} />
          <p className="text-sm text-slate-700">
            {t("progressText", {
              share: format.number(share / 100, { style: "percent", maximumFractionDigits: 2 }),
            })}
          </p>
        </div>
        {p.fundingDueDays !== null ? (
          <p className="text-sm text-slate-700">{t("dueRule", { days: p.fundingDueDays })}</p>
        ) : null}
        <DataTable
          caption={t("projectsCaption", { name: name.text })}
          rows={p.projects}
          rowKey={(r) => r.projectId}
          rowProps={(r) => ({ "data-overdue": r.overdue || undefined })}
          empty={t("noProjects")}
          classNames={{
            caption: "mb-2 text-left font-semibold text-slate-900",
            table: "w-full min-w-[40rem] border-collapse text-left text-sm",
          }}
          columns={[
            {
              id: "project",
              header: t("columns.project"),
              rowHeader: true,
              className: "font-normal",
              cell: (r) => {
                const title = titleIn(locale, r);
                return (
                  <>
                    <span className="font-mono text-xs font-semibold text-slate-700">{r.reference}</span>{" "}
                    <Link href={`/projects/${r.projectId}/funding`} lang={title.lang} className={linkClass}>
                      {title.title || r.reference}
                    </Link>
                  </>
                );
              },
            },
            {
              id: "allocated",
              header: t("columns.allocated"),
              headerClassName: "text-right",
              className: "whitespace-nowrap text-right tabular-nums",
              cell: (r) => money(r.allocatedUsd, "USD"),
            },
            {
              id: "committed",
              header: t("columns.committed"),
              headerClassName: "text-right",
              className: "whitespace-nowrap text-right tabular-nums",
              cell: (r) => money(r.committedUsd, "USD"),
            },
            {
              id: "due",
              header: t("columns.due"),
              className: "whitespace-nowrap",
              cell: (r) =>
                r.dueDate ? (
                  <>
                    <time dateTime={r.dueDate}>{format.dateTime(calendarDay(r.dueDate), CALENDAR_DATE)}</time>
                    {r.overdue ? (
                      <span className="ml-2 inline-flex rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-inset ring-red-300">
                        {t("overdue")}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="text-slate-600">{t("noDue")}</span>
                ),
            },
          ]}
        />
      </article>
    </li>
  );
}
