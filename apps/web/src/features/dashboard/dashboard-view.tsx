"use client";

import type { AppRouter } from "@lodestone/api/router";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import dynamic from "next/dynamic";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { Spinner } from "@/features/ui/spinner";
import { secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { ChartDataTable, type ChartDatum } from "./chart-data-table";
import { CsvDownloads } from "./csv-downloads";

export type Pipeline = inferRouterOutputs<AppRouter>["dashboard"]["pipeline"];

// Recharts is loaded only here, in the browser (it measures its container).
const CountBarChart = dynamic(() => import("./bar-chart"), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-32 animate-pulse rounded bg-slate-100" />,
});

type Translate = (key: string) => string;

/** The pipeline's groups with labels in the reader's language, largest first. */
export function chartData(
  pipeline: Pipeline,
  locale: string,
  t: { status: Translate; commodity: Translate; stage: Translate },
) {
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const label = (rows: { key: string; count: number }[], name: (key: string) => string): ChartDatum[] =>
    rows.map((r) => ({ key: r.key, label: name(r.key), count: r.count })).sort((a, b) => b.count - a.count);
  return {
    status: label(pipeline.byStatus, t.status),
    commodity: label(pipeline.byCommodity, t.commodity),
    stage: label(pipeline.byStage, t.stage),
    country: label(pipeline.bySiteCountry, (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    }),
  };
}

/**
 * The pipeline dashboard: headline figures, four charts each with its table, further panels
 * (`panels`: the stage gates and the funding), CSV exports.
 */
export function Dashboard({ panels }: { panels?: ReactNode }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.dashboard.pipeline.queryOptions());
  const t = useTranslations("dashboard");
  if (query.data) return <DashboardView pipeline={query.data} panels={panels} />;
  if (query.isError) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
        <p className="font-semibold">{t("loadFailed")}</p>
        <p className="mt-1 text-sm">{t("details", { message: toLoadError(query.error).message })}</p>
        <button type="button" className={`${secondaryButton} mt-3`} onClick={() => void query.refetch()}>
          {t("retry")}
        </button>
      </div>
    );
  }
  return (
    <p role="status" aria-busy="true" aria-live="polite" className="flex items-center gap-3 text-slate-700">
      <Spinner />
      {t("loading")}
    </p>
  );
}

export function DashboardView({ pipeline, panels }: { pipeline: Pipeline; panels?: ReactNode }) {
  const t = useTranslations("dashboard");
  const tStatus = useTranslations("enums.projectStatus");
  const tCommodity = useTranslations("enums.commodity");
  const tStage = useTranslations("enums.stage");
  const format = useFormatter();
  const locale = useLocale();
  // The keys come from the API as strings: a value without a label shows as it is.
  const data = chartData(pipeline, locale, {
    status: (k) => (tStatus.has(k as never) ? tStatus(k as never) : k),
    commodity: (k) => (tCommodity.has(k as never) ? tCommodity(k as never) : k),
    stage: (k) => (tStage.has(k as never) ? tStage(k as never) : k),
  });
  const figures = [
    { key: "approvedProjects", value: format.number(pipeline.approved.projects) },
    { key: "capex", value: format.number(pipeline.approved.capexUsd, "usdCompact") },
    {
      key: "capacity",
      value: t("tonnesPerYear", { value: format.number(pipeline.approved.capacityTpy, "tonnes") }),
    },
    {
      key: "overdue",
      value: format.number(pipeline.milestones.overdue),
      alert: pipeline.milestones.overdue > 0,
    },
    { key: "dueThisMonth", value: format.number(pipeline.milestones.dueThisMonth) },
  ] as const;

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="dashboard-figures">
        <h2 id="dashboard-figures" className="sr-only">
          {t("figures")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {figures.map((f) => (
            <div
              key={f.key}
              data-figure={f.key}
              className={`rounded-md border p-4 ${"alert" in f && f.alert ? "border-red-600 bg-red-50" : "border-slate-300 bg-white"}`}
            >
              <dt className="text-sm text-slate-700">{t(`figure.${f.key}`)}</dt>
              <dd
                className={`mt-1 text-2xl font-semibold ${"alert" in f && f.alert ? "text-red-900" : "text-slate-900"}`}
              >
                {f.value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-700">{t("figuresNote")}</p>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartPanel title={t("chart.status")} category={t("category.status")} data={data.status} />
        <ChartPanel title={t("chart.commodity")} category={t("category.commodity")} data={data.commodity} />
        <ChartPanel title={t("chart.stage")} category={t("category.stage")} data={data.stage} />
        <ChartPanel title={t("chart.country")} category={t("category.country")} data={data.country} />
      </div>

      {panels ? <div className="grid gap-6 lg:grid-cols-2">{panels}</div> : null}

      <section aria-labelledby="dashboard-csv" className="flex flex-col gap-3">
        <h2 id="dashboard-csv" className="text-xl font-semibold text-slate-900">
          {t("csv.heading")}
        </h2>
        <CsvDownloads />
      </section>
    </div>
  );
}

function ChartPanel({ title, category, data }: { title: string; category: string; data: ChartDatum[] }) {
  const id = useId();
  const t = useTranslations("dashboard");
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {data.length > 0 ? <CountBarChart data={data} /> : null}
      <ChartDataTable caption={t("tableCaption", { title })} category={category} data={data} />
    </section>
  );
}
