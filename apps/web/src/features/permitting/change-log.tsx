"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { DataTable } from "@/features/ui/data-table";
import { smallButton, smallDangerButton } from "@/features/ui/styles";
import { nameIn } from "./names";
import { ChangeStateBadge } from "./permit-badges";
import type { DateChange } from "./types";

/** "+12 days", "−3 days": how far a change moves a date. */
function useDays() {
  const t = useTranslations("permitting.log");
  return (days: number) =>
    t("days", { days, sign: days > 0 ? "+" : days < 0 ? "−" : "", abs: Math.abs(days) });
}

/**
 * The date changes waiting for a coordinator's determination (a move of more than 30 days to a
 * final date asked for by a partner): each with what it moves and why, and, for coordinators,
 * "Approve" and "Reject".
 */
export function PendingChanges({
  changes,
  canDetermine,
  onDecide,
}: {
  changes: readonly DateChange[];
  canDetermine: boolean;
  onDecide: (change: DateChange, approve: boolean) => void;
}) {
  const t = useTranslations("permitting.pending");
  const tReason = useTranslations("enums.dateChangeReason");
  const format = useFormatter();
  const locale = useLocale();
  const id = useId();
  const days = useDays();
  if (changes.length === 0) return null;
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  return (
    <section
      aria-labelledby={id}
      data-pending-changes=""
      className="flex flex-col gap-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-5"
    >
      <h2 id={id} className="text-lg font-semibold text-amber-950">
        {t("heading", { count: changes.length })}
      </h2>
      <p className="text-sm text-amber-950">{canDetermine ? t("leadCoordinator") : t("lead")}</p>
      <ul className="flex flex-col gap-3">
        {changes.map((c) => {
          const milestone = nameIn(locale, c.milestone.nameEn, c.milestone.nameJa);
          const authorization = nameIn(locale, c.authorization.titleEn, c.authorization.titleJa);
          return (
            <li key={c.id} data-change={c.id} className="rounded-md border border-amber-300 bg-white p-4">
              <p className="font-semibold text-slate-900">
                <span lang={authorization.lang}>{authorization.text}</span>
                {t("separator")}
                <span lang={milestone.lang}>{milestone.text}</span>
              </p>
              <p className="text-slate-900">
                {t("move", { from: day(c.from), to: day(c.to) })}{" "}
                <span className="tabular-nums text-slate-700">({days(c.days)})</span>
              </p>
              <p className="text-sm text-slate-800">
                {t("reason", { reason: tReason(c.reason) })} · {t("by", { name: c.changedBy })} ·{" "}
                <time dateTime={c.changedAt}>{format.dateTime(new Date(c.changedAt), "dateTime")}</time>
              </p>
              <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{c.justification}</p>
              {canDetermine ? (
                <p className="mt-3 flex flex-wrap gap-2">
                  <button type="button" className={smallButton} onClick={() => onDecide(c, true)}>
                    {t("approve")}{" "}
                    <span className="sr-only">{t("buttonFor", { milestone: milestone.text })}</span>
                  </button>
                  <button type="button" className={smallDangerButton} onClick={() => onDecide(c, false)}>
                    {t("reject")}{" "}
                    <span className="sr-only">{t("buttonFor", { milestone: milestone.text })}</span>
                  </button>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every date change of the project's timetable, newest first: what moved, by how much, why, and who decided. */
export function ChangeLog({ changes }: { changes: readonly DateChange[] }) {
  const t = useTranslations("permitting.log");
  const tReason = useTranslations("enums.dateChangeReason");
  const format = useFormatter();
  const locale = useLocale();
  const days = useDays();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const justification = (c: DateChange) => {
    const pause = c.reason === "PROJECT_PAUSE" ? c.pause : null;
    return pause?.endedOn
      ? t("pauseJustification", { from: day(pause.startedOn), to: day(pause.endedOn) })
      : c.justification;
  };
  return (
    <DataTable
      caption={t("caption")}
      rows={changes}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ "data-change": c.id, "data-reason": c.reason, "data-state": c.state })}
      empty={t("empty")}
      region={{ className: "relative rounded-lg border border-slate-300 bg-white shadow-sm" }}
      classNames={{
        table: "w-full min-w-[64rem] border-collapse text-left text-sm",
        row: "bg-white align-top",
      }}
      columns={[
        {
          id: "at",
          header: t("columns.at"),
          className: "whitespace-nowrap",
          cell: (c) => (
            <time dateTime={c.changedAt}>{format.dateTime(new Date(c.changedAt), "dateTime")}</time>
          ),
        },
        {
          id: "milestone",
          header: t("columns.milestone"),
          rowHeader: true,
          className: "min-w-[14rem] font-normal",
          cell: (c) => {
            const milestone = nameIn(locale, c.milestone.nameEn, c.milestone.nameJa);
            const authorization = nameIn(locale, c.authorization.titleEn, c.authorization.titleJa);
            return (
              <>
                <span lang={milestone.lang} className="block font-semibold text-slate-900">
                  {milestone.text}
                </span>
                <span lang={authorization.lang} className="block text-slate-700">
                  {authorization.text}
                </span>
              </>
            );
          },
        },
        {
          id: "change",
          header: t("columns.change"),
          className: "whitespace-nowrap",
          cell: (c) => (
            <>
              <time dateTime={c.from}>{day(c.from)}</time> → <time dateTime={c.to}>{day(c.to)}</time>
            </>
          ),
        },
        {
          id: "days",
          header: t("columns.days"),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (c) => days(c.days),
        },
        { id: "reason", header: t("columns.reason"), cell: (c) => tReason(c.reason) },
        {
          id: "justification",
          header: t("columns.justification"),
          className: "min-w-[14rem] whitespace-pre-line",
          cell: (c) => justification(c),
        },
        { id: "state", header: t("columns.state"), cell: (c) => <ChangeStateBadge state={c.state} /> },
        { id: "by", header: t("columns.by"), cell: (c) => c.changedBy },
        {
          id: "determination",
          header: t("columns.determination"),
          className: "min-w-[12rem]",
          cell: (c) =>
            c.determination ? (
              <>
                <span className="block whitespace-pre-line">{c.determination}</span>
                {c.decidedBy ? (
                  <span className="block text-xs text-slate-700">
                    {c.decidedAt
                      ? t("decidedByAt", {
                          name: c.decidedBy,
                          at: format.dateTime(new Date(c.decidedAt), "dateTime"),
                        })
                      : t("decidedBy", { name: c.decidedBy })}
                  </span>
                ) : null}
              </>
            ) : (
              <span className="text-slate-600">{t("noDetermination")}</span>
            ),
        },
      ]}
    />
  );
}
