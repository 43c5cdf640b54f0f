"use client";

import { addCalendarDays } from "@lodestone/domain/working-days";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { CALENDAR_DATE, calendarDay, daysBetween } from "@/features/delivery/dates";
import { ScrollRegion } from "@/features/ui/scroll-region";
import { diamond, monthTicks } from "@/features/ui/time-axis";
import { nameIn } from "./names";
import type { Authorization, OpenPause, PastPause } from "./types";

const LABEL_W = 230;
const CHART_W = 620;
const RIGHT = 20;
const ROW_H = 40;
const TOP = 40;
const WIDTH = LABEL_W + CHART_W + RIGHT;

/** The span the chart shows: every date of every authorization, today and the pauses, with a little room each side. */
export function chartRange(
  authorizations: readonly Authorization[],
  pauses: readonly { startedOn: string; endedOn: string | null }[],
  today: string,
): { start: string; end: string } {
  const dates = [
    today,
    ...pauses.flatMap((p) => [p.startedOn, ...(p.endedOn ? [p.endedOn] : [])]),
    ...authorizations.flatMap((a) => [
      a.startDate,
      ...a.milestones.flatMap((m) => [
        m.baselineDate,
        m.currentDate,
        ...(m.actualDate ? [m.actualDate] : []),
      ]),
    ]),
  ].sort();
  return { start: addCalendarDays(dates[0]!, -20), end: addCalendarDays(dates[dates.length - 1]!, 20) };
}

/**
 * The permitting timetable as an image: one row per authorization, from its start to its final
 * date; per milestone, its baseline target (an open diamond), its current target (a filled one,
 * red when missed) and its actual date (a green circle); a line for today (in the project's time
 * zone) and the pauses shaded. Named by a summary; the milestone tables under it hold every date.
 */
export function TimetableChart({
  authorizations,
  pause,
  pastPauses,
  today,
}: {
  authorizations: readonly Authorization[];
  pause: OpenPause | null;
  pastPauses: readonly PastPause[];
  today: string;
}) {
  const t = useTranslations("permitting.chart");
  const format = useFormatter();
  const locale = useLocale();
  const hatch = `${useId().replace(/[^\w-]/g, "")}-hatch`;
  if (authorizations.length === 0) return null;
  const pauses = [
    ...pastPauses.map((p) => ({ id: p.id, startedOn: p.startedOn, endedOn: p.endedOn as string | null })),
    ...(pause ? [{ id: pause.id, startedOn: pause.startedOn, endedOn: null }] : []),
  ];
  const { start, end } = chartRange(authorizations, pauses, today);
  const span = Math.max(1, daysBetween(start, end));
  const x = (d: string) => LABEL_W + (daysBetween(start, d) / span) * CHART_W;
  const height = TOP + authorizations.length * ROW_H + 8;
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const missed = authorizations.reduce(
    (n, a) => n + a.milestones.filter((m) => m.missedBy !== null).length,
    0,
  );
  const finals = authorizations
    .map((a) => a.finalDate)
    .filter((d): d is string => d !== null)
    .sort();
  const label = t("label", {
    count: authorizations.length,
    missed,
    today: day(today),
    final: finals.length ? day(finals[finals.length - 1]!) : "–",
    paused: pause ? "yes" : "no",
  });

  return (
    <div className="flex flex-col gap-3">
      <ScrollRegion name={t("title")} className="rounded-md border border-slate-300 bg-white p-2">
        <svg
          role="img"
          aria-label={label}
          data-testid="permitting-chart"
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="h-auto w-full min-w-[640px]"
        >
          <title>{label}</title>
          {pauses.map((p) => {
            const from = x(p.startedOn);
            const to = x(p.endedOn ?? today);
            return (
              <g key={p.id} data-pause={p.endedOn ? "past" : "open"}>
                <rect
                  x={from}
                  y={TOP - 6}
                  width={Math.max(2, to - from)}
                  height={height - TOP + 6}
                  fill={`url(#${hatch})`}
                  className="stroke-amber-700"
                  strokeWidth={1}
                />
              </g>
            );
          })}
          <defs>
            <pattern
              id={hatch}
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="8" height="8" className="fill-amber-50" />
              <line x1="0" y1="0" x2="0" y2="8" className="stroke-amber-400" strokeWidth="3" />
            </pattern>
          </defs>
          {monthTicks(start, end, 10)
            .filter((tick) => x(tick) < LABEL_W + CHART_W - 30)
            .map((tick) => (
              <g key={tick}>
                <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height} className="stroke-slate-200" />
                <text x={x(tick) + 3} y={TOP - 12} className="fill-slate-700 text-[11px]">
                  {format.dateTime(calendarDay(tick), { year: "2-digit", month: "short", timeZone: "UTC" })}
                </text>
              </g>
            ))}
          {authorizations.map((a, i) => {
            const y = TOP + i * ROW_H + ROW_H / 2;
            const title = nameIn(locale, a.titleEn, a.titleJa);
            const last = a.milestones.at(-1);
            const endDate = last ? (last.actualDate ?? last.currentDate) : a.startDate;
            const closed = a.outcome !== null;
            return (
              <g key={a.id} data-authorization={a.id}>
                <text x={8} y={y + 4} lang={title.lang} className="fill-slate-900 text-[12px]">
                  {title.text.length > 30 ? `${title.text.slice(0, 29)}…` : title.text}
                </text>
                <line
                  x1={x(a.startDate)}
                  x2={x(endDate)}
                  y1={y}
                  y2={y}
                  strokeWidth={3}
                  strokeDasharray={closed ? "4 3" : undefined}
                  className={closed ? "stroke-slate-400" : "stroke-slate-500"}
                />
                {a.milestones.map((m) => {
                  const moved = m.baselineDate !== m.currentDate;
                  return (
                    <g key={m.id} data-milestone={m.id}>
                      {moved ? (
                        <path
                          d={diamond(x(m.baselineDate), y - 9, 5)}
                          className="fill-white stroke-slate-700"
                          strokeWidth={1.5}
                        />
                      ) : null}
                      {m.actualDate ? (
                        <circle
                          cx={x(m.actualDate)}
                          cy={y}
                          r={6}
                          className="fill-emerald-700 stroke-emerald-950"
                          strokeWidth={1.5}
                        />
                      ) : (
                        <path
                          d={diamond(x(m.currentDate), y, 7)}
                          className={
                            m.missedBy !== null
                              ? "fill-red-700 stroke-red-950"
                              : closed
                                ? "fill-slate-300 stroke-slate-600"
                                : "fill-blue-800 stroke-blue-950"
                          }
                          strokeWidth={1.5}
                        />
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          <line
            x1={x(today)}
            x2={x(today)}
            y1={TOP - 24}
            y2={height}
            className="stroke-amber-700"
            strokeWidth={2}
          />
          <text x={x(today) + 4} y={TOP - 26} className="fill-amber-900 text-[11px] font-semibold">
            {t("today")}
          </text>
        </svg>
      </ScrollRegion>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700" aria-label={t("legend")}>
        <li className="flex items-center gap-1.5">
          <LegendMark shape="diamond" className="fill-blue-800 stroke-blue-950" /> {t("current")}
        </li>
        <li className="flex items-center gap-1.5">
          <LegendMark shape="diamond" className="fill-white stroke-slate-700" /> {t("baseline")}
        </li>
        <li className="flex items-center gap-1.5">
          <LegendMark shape="circle" className="fill-emerald-700 stroke-emerald-950" /> {t("actual")}
        </li>
        <li className="flex items-center gap-1.5">
          <LegendMark shape="diamond" className="fill-red-700 stroke-red-950" /> {t("missed")}
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-5 rounded-sm bg-[repeating-linear-gradient(45deg,#fbbf24_0_3px,#fffbeb_3px_7px)] ring-1 ring-inset ring-amber-700"
          />{" "}
          {t("paused")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-amber-700" /> {t("today")}
        </li>
      </ul>
      <p className="text-sm text-slate-700">{t("tablesHint")}</p>
    </div>
  );
}

function LegendMark({ shape, className }: { shape: "diamond" | "circle"; className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4">
      {shape === "diamond" ? (
        <path d={diamond(8, 8, 6)} className={className} strokeWidth={1.5} />
      ) : (
        <circle cx={8} cy={8} r={5.5} className={className} strokeWidth={1.5} />
      )}
    </svg>
  );
}
