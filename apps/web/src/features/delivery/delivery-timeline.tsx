"use client";

import { addCalendarDays } from "@lodestone/domain/working-days";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DataTable } from "@/features/ui/data-table";
import { ScrollRegion } from "@/features/ui/scroll-region";
import { smallButton } from "@/features/ui/styles";
import { diamond, monthTicks } from "@/features/ui/time-axis";
import { CALENDAR_DATE, calendarDay, daysBetween } from "./dates";
import { milestoneTitle } from "./milestone-tree";
import { flattenTree, type MilestoneView, type Replan } from "./types";

export interface TimelineRow {
  milestone: MilestoneView;
  depth: number;
  /** Earlier due dates of this milestone, oldest first (each re-plan's old date). */
  previousDates: string[];
}

/** One row per milestone (depth first), with the dates it had before each re-plan. */
export function timelineRows(milestones: MilestoneView[], replans: Replan[]): TimelineRow[] {
  return flattenTree(milestones).map(({ milestone, depth }) => ({
    milestone,
    depth,
    previousDates: replans.filter((r) => r.milestoneId === milestone.id).map((r) => r.oldDueDate),
  }));
}

const LABEL_W = 220;
const CHART_W = 560;
const ROW_H = 30;
const TOP = 36;

/** The span the chart shows: every date in it, today included, with a little room each side. */
export function timelineRange(rows: TimelineRow[], today: string): { start: string; end: string } {
  const dates = [today, ...rows.flatMap((r) => [r.milestone.dueDate, ...r.previousDates])].sort();
  return { start: addCalendarDays(dates[0]!, -14), end: addCalendarDays(dates[dates.length - 1]!, 14) };
}

/**
 * A Gantt-like chart of due dates: a diamond at each milestone's due date (red when overdue), a
 * dashed line back to its first planned date when it was re-planned, and a line for today (in the
 * project's reference time zone). The same data follows as a table, for screen readers and for
 * anyone who asks to see it.
 */
export function DeliveryTimeline({
  milestones,
  replans,
  today,
  timeZone,
}: {
  milestones: MilestoneView[];
  replans: Replan[];
  today: string;
  timeZone: string;
}) {
  const t = useTranslations("delivery.timeline");
  const format = useFormatter();
  const locale = useLocale();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const rows = timelineRows(milestones, replans);
  if (rows.length === 0) return null;
  const { start, end } = timelineRange(rows, today);
  const span = Math.max(1, daysBetween(start, end));
  const x = (d: string) => LABEL_W + (daysBetween(start, d) / span) * CHART_W;
  const height = TOP + rows.length * ROW_H + 8;
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const overdueCount = rows.filter((r) => r.milestone.overdue).length;

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("zone", { timeZone })}</p>
      <ScrollRegion name={t("chartTitle")} className="rounded-md border border-slate-300 bg-white p-2">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${LABEL_W + CHART_W + 20} ${height}`}
          className="h-auto w-full min-w-[640px]"
        >
          <title id={`${id}-title`}>{t("chartTitle")}</title>
          <desc id={`${id}-desc`}>
            {t("chartDescription", { count: rows.length, overdue: overdueCount, today: day(today) })}
          </desc>
          {monthTicks(start, end, 12)
            .filter((tick) => x(tick) < LABEL_W + CHART_W - 24)
            .map((tick) => (
              <g key={tick}>
                <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height} className="stroke-slate-200" />
                <text x={x(tick) + 3} y={TOP - 12} className="fill-slate-700 text-[11px]">
                  {format.dateTime(calendarDay(tick), { year: "2-digit", month: "short", timeZone: "UTC" })}
                </text>
              </g>
            ))}
          {rows.map((r, i) => {
            const y = TOP + i * ROW_H + ROW_H / 2;
            const m = r.milestone;
            const title = milestoneTitle(m, locale);
            const due = x(m.dueDate);
            const first = r.previousDates[0];
            const tone = m.overdue
              ? "fill-red-700 stroke-red-900"
              : m.status === "DONE"
                ? "fill-emerald-700 stroke-emerald-900"
                : m.status === "CANCELLED"
                  ? "fill-slate-300 stroke-slate-500"
                  : "fill-blue-800 stroke-blue-950";
            return (
              <g key={m.id} data-row={m.id}>
                {i % 2 === 0 ? (
                  <rect
                    x={0}
                    y={y - ROW_H / 2}
                    width={LABEL_W + CHART_W + 20}
                    height={ROW_H}
                    className="fill-slate-50"
                  />
                ) : null}
                <text
                  x={8 + r.depth * 14}
                  y={y + 4}
                  lang={title.lang}
                  className={`text-[12px] ${m.overdue ? "fill-red-900 font-semibold" : "fill-slate-900"}`}
                >
                  {title.text.length > 28 - r.depth * 2
                    ? `${title.text.slice(0, 27 - r.depth * 2)}…`
                    : title.text}
                </text>
                {first ? (
                  <line
                    x1={x(first)}
                    x2={due}
                    y1={y}
                    y2={y}
                    strokeDasharray="4 3"
                    className="stroke-slate-500"
                    strokeWidth={2}
                  />
                ) : null}
                {r.previousDates.map((d) => (
                  <path
                    key={d}
                    d={diamond(x(d), y, 5)}
                    className="fill-white stroke-slate-600"
                    strokeWidth={1.5}
                  />
                ))}
                <path d={diamond(due, y, 7)} className={tone} strokeWidth={1.5} />
              </g>
            );
          })}
          <line
            x1={x(today)}
            x2={x(today)}
            y1={TOP - 24}
            y2={height}
            className="stroke-amber-600"
            strokeWidth={2}
          />
          <text x={x(today) + 4} y={TOP - 26} className="fill-amber-900 text-[11px] font-semibold">
            {t("today")}
          </text>
        </svg>
      </ScrollRegion>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700" aria-label={t("legend")}>
        <li className="flex items-center gap-1.5">
          <LegendDiamond className="fill-blue-800" /> {t("legendDue")}
        </li>
        <li className="flex items-center gap-1.5">
          <LegendDiamond className="fill-red-700" /> {t("legendOverdue")}
        </li>
        <li className="flex items-center gap-1.5">
          <LegendDiamond className="fill-white stroke-slate-600" /> {t("legendPrevious")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-amber-600" /> {t("today")}
        </li>
      </ul>
      <div>
        <button
          type="button"
          className={smallButton}
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t("hideTable") : t("showTable")}
        </button>
      </div>
      <TimelineTable
        id={`${id}-table`}
        rows={rows}
        caption={t("tableCaption", { timeZone })}
        visuallyHidden={!showTable}
        day={day}
      />
    </div>
  );
}

/** The chart's data as a table: for screen readers, and for anyone who asks to see it. */
function TimelineTable({
  id,
  rows,
  caption,
  visuallyHidden,
  day,
}: {
  id: string;
  rows: TimelineRow[];
  caption: string;
  visuallyHidden: boolean;
  /** A calendar date as the reader reads it. */
  day: (date: string) => string;
}) {
  const t = useTranslations("delivery.timeline");
  const tStatus = useTranslations("delivery.status");
  const locale = useLocale();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.milestone.id}
      rowProps={(r) => ({
        "data-overdue": r.milestone.overdue || undefined,
        className: r.milestone.overdue ? "bg-red-50" : undefined,
      })}
      columns={[
        {
          id: "milestone",
          header: t("milestone"),
          rowHeader: true,
          className: "font-normal",
          cellProps: (r) => ({
            lang: milestoneTitle(r.milestone, locale).lang,
            style: { paddingLeft: `${r.depth}rem` },
          }),
          cell: (r) => milestoneTitle(r.milestone, locale).text,
        },
        { id: "due", header: t("due"), cell: (r) => day(r.milestone.dueDate) },
        {
          id: "status",
          header: t("status"),
          cell: (r) => `${tStatus(r.milestone.status)}${r.milestone.overdue ? ` · ${t("overdue")}` : ""}`,
        },
        {
          id: "previous",
          header: t("previous"),
          cell: (r) => (r.previousDates.length ? r.previousDates.map(day).join(", ") : t("none")),
        },
      ]}
      region={{ id, visuallyHidden }}
      classNames={{
        table: "min-w-full divide-y divide-slate-300 text-left text-sm",
        thead: "",
        headerCell: "py-2 pr-4 font-semibold",
        cell: "py-2 pr-4",
      }}
    />
  );
}

function LegendDiamond({ className }: { className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 14 14" className="h-3.5 w-3.5">
      <path d={diamond(7, 7, 6)} className={className} strokeWidth={1.5} />
    </svg>
  );
}
