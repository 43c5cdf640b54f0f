"use client";

import { GATE_KINDS } from "@lodestone/domain/vocabulary";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { ChartDataTable, type ChartDatum } from "@/features/dashboard/chart-data-table";
import { titleIn } from "@/features/projects/project-title";
import { DataTable } from "@/features/ui/data-table";
import { listLoadState } from "@/features/ui/load-problem";
import { linkClass } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { GateStateBadge } from "./gate-badge";
import type { GateOverview } from "./types";

// Recharts is loaded only here, in the browser (it measures its container).
const CountBarChart = dynamic(() => import("@/features/dashboard/bar-chart"), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-32 animate-pulse rounded bg-slate-100" />,
});

/** The dashboard's gate panel: projects by their current gate, and each project's days in it (longest first). */
export function GatesPanel() {
  const t = useTranslations("gatesPanel");
  const trpc = useTRPC();
  const id = useId();
  const query = useQuery(trpc.gates.overview.queryOptions());
  const loadState = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  return (
    <section
      aria-labelledby={id}
      data-panel="gates"
      className="flex min-w-0 flex-col gap-3 rounded-md border border-slate-300 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {loadState ?? (query.data ? <GatesPanelView overview={query.data} /> : null)}
    </section>
  );
}

export function GatesPanelView({ overview }: { overview: GateOverview }) {
  const t = useTranslations("gatesPanel");
  const tKind = useTranslations("enums.gateKind");
  const locale = useLocale();
  const format = useFormatter();
  const counts = overview.counts as Record<string, number | undefined>;
  // In the order of the gates, then the projects past every gate.
  const data: ChartDatum[] = [
    ...GATE_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => ({
      key: k,
      label: tKind(k),
      count: counts[k] ?? 0,
    })),
    ...((counts.OPERATING ?? 0) > 0
      ? [{ key: "OPERATING", label: t("operating"), count: counts.OPERATING ?? 0 }]
      : []),
  ];
  const inGates = overview.projects.filter((p) => p.gate !== null);
  return (
    <div className="flex flex-col gap-5">
      {data.length > 0 ? <CountBarChart data={data} /> : null}
      <ChartDataTable caption={t("countsCaption")} category={t("gate")} data={data} />
      <DataTable
        caption={t("daysCaption")}
        rows={inGates}
        rowKey={(p) => p.projectId}
        rowProps={(p) => ({ "data-reference": p.reference })}
        empty={t("noProjects")}
        // A narrow screen scrolls it sideways, within the panel.
        region={{ className: "relative" }}
        classNames={{
          caption: "mb-2 text-left font-semibold text-slate-900",
          table: "w-full text-left text-sm",
          thead: "border-b border-slate-300",
          headerCell: "py-1.5 pr-3 font-semibold text-slate-900",
          cell: "py-1.5 pr-3 align-top",
        }}
        columns={[
          {
            id: "project",
            header: t("project"),
            rowHeader: true,
            className: "font-normal",
            cell: (p) => {
              const title = titleIn(locale, { titleEn: p.title.en, titleJa: p.title.ja });
              return (
                <>
                  <span className="font-mono text-xs font-semibold text-slate-700">{p.reference}</span>{" "}
                  <Link href={`/projects/${p.projectId}/gates`} lang={title.lang} className={linkClass}>
                    {title.title || p.reference}
                  </Link>
                </>
              );
            },
          },
          {
            id: "gate",
            header: t("gate"),
            cell: (p) =>
              p.gate ? (
                <span className="flex flex-wrap items-center gap-2">
                  {tKind(p.gate.kind)} <GateStateBadge state={p.gate.state} />
                </span>
              ) : null,
          },
          {
            id: "days",
            header: t("days"),
            headerClassName: "text-right",
            className: "text-right tabular-nums",
            cell: (p) => (p.gate ? format.number(p.gate.days) : null),
          },
        ]}
      />
    </div>
  );
}
