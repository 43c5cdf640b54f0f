"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { DataTable } from "@/features/ui/data-table";
import { smallButton, smallDangerButton } from "@/features/ui/styles";
import { nameIn } from "./names";
import { MissedBadge, PermitStatusBadge } from "./permit-badges";
import type { Authorization, PermitMilestone } from "./types";

export interface AuthorizationCardProps {
  authorization: Authorization;
  /** The reader may change the timetable (and it is not paused: no date moves meanwhile). */
  canAct: boolean;
  /** Milestones with a change waiting for a determination (no other move until it is decided). */
  pendingMilestones: ReadonlySet<string>;
  onMove: (authorization: Authorization, milestone: PermitMilestone) => void;
  onRecord: (authorization: Authorization, milestone: PermitMilestone) => void;
  onOutcome: (authorization: Authorization) => void;
}

/**
 * One authorization: its jurisdiction, authority and instrument, its status, the days it has taken
 * against the framework's target, and its milestones (baseline, current and actual dates, status,
 * working days missed by), with what the reader may do to each.
 */
export function AuthorizationCard({
  authorization: a,
  canAct,
  pendingMilestones,
  onMove,
  onRecord,
  onOutcome,
}: AuthorizationCardProps) {
  const t = useTranslations("permitting.authorization");
  const tm = useTranslations("permitting.milestones");
  const tJurisdiction = useTranslations("enums.jurisdiction");
  const tInstrument = useTranslations("enums.permitInstrument");
  const format = useFormatter();
  const locale = useLocale();
  const id = useId();
  const title = nameIn(locale, a.titleEn, a.titleJa);
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const open = a.outcome === null && a.status !== "COMPLETED";
  // Earlier milestones come first: only the first open one can be recorded as done.
  const firstOpen = a.milestones.find((m) => m.actualDate === null)?.id ?? null;
  const acts = canAct && a.outcome === null;

  return (
    <article
      aria-labelledby={`${id}-title`}
      data-authorization={a.id}
      data-instrument={a.instrument}
      className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h3 id={`${id}-title`} lang={title.lang} className="text-lg font-semibold text-slate-900">
            {title.text}
          </h3>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <PermitStatusBadge status={a.status} />
            <span>{t("progress", { done: a.completed, total: a.milestones.length })}</span>
          </p>
        </div>
        {canAct && open ? (
          <button type="button" className={smallDangerButton} onClick={() => onOutcome(a)}>
            {t("markOutcome")} <span className="sr-only">{t("buttonFor", { title: title.text })}</span>
          </button>
        ) : null}
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="font-semibold text-slate-700">{t("jurisdiction")}</dt>
          <dd className="text-slate-900" data-jurisdiction={a.jurisdiction}>
            {tJurisdiction(a.jurisdiction)}
            {a.region ? <span className="text-slate-700"> · {a.region}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t("authority")}</dt>
          <dd className="text-slate-900">{a.authority}</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t("instrument")}</dt>
          <dd className="text-slate-900">{tInstrument(a.instrument)}</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t("started")}</dt>
          <dd className="text-slate-900">
            <time dateTime={a.startDate}>{day(a.startDate)}</time>
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t("elapsed")}</dt>
          <dd
            className={a.elapsed.over ? "font-semibold text-red-800" : "text-slate-900"}
            data-over={a.elapsed.over || undefined}
          >
            {t("elapsedValue", { elapsed: a.elapsed.elapsedDays, target: a.elapsed.targetDays })}
            {a.elapsed.over ? <span className="block">{t("overTarget")}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t("finalDate")}</dt>
          <dd className="text-slate-900">
            {a.finalDate ? <time dateTime={a.finalDate}>{day(a.finalDate)}</time> : "–"}
          </dd>
        </div>
        {a.owner ? (
          <div>
            <dt className="font-semibold text-slate-700">{t("owner")}</dt>
            <dd className="text-slate-900">{a.owner.name}</dd>
          </div>
        ) : null}
        {a.outcome && a.outcomeReason ? (
          <div className="sm:col-span-2">
            <dt className="font-semibold text-slate-700">{t("outcomeReason")}</dt>
            <dd className="whitespace-pre-line text-slate-900">{a.outcomeReason}</dd>
          </div>
        ) : null}
      </dl>
      <DataTable
        caption={t("milestonesCaption", { title: title.text })}
        rows={a.milestones}
        rowKey={(m) => m.id}
        rowProps={(m) => ({
          "data-milestone": m.id,
          "data-kind": m.kind,
          "data-status": m.status,
          "data-final": m.final || undefined,
        })}
        region={{ className: "relative rounded-md border border-slate-200" }}
        classNames={{ table: "w-full min-w-[52rem] border-collapse text-left text-sm", row: "align-top" }}
        columns={[
          {
            id: "name",
            header: tm("columns.name"),
            rowHeader: true,
            className: "font-normal",
            cell: (m) => {
              const name = nameIn(locale, m.nameEn, m.nameJa);
              return (
                <>
                  <span lang={name.lang} className="font-semibold text-slate-900">
                    {name.text}
                  </span>
                  {m.final ? (
                    <span className="ml-2 text-xs font-semibold text-slate-700">{tm("final")}</span>
                  ) : null}
                </>
              );
            },
          },
          {
            id: "baseline",
            header: tm("columns.baseline"),
            className: "whitespace-nowrap",
            cell: (m) => <time dateTime={m.baselineDate}>{day(m.baselineDate)}</time>,
          },
          {
            id: "current",
            header: tm("columns.current"),
            className: "whitespace-nowrap",
            cell: (m) => (
              <>
                <time dateTime={m.currentDate}>{day(m.currentDate)}</time>
                {m.currentDate !== m.baselineDate ? (
                  <span className="block text-xs text-slate-700">{tm("moved")}</span>
                ) : null}
              </>
            ),
          },
          {
            id: "actual",
            header: tm("columns.actual"),
            className: "whitespace-nowrap",
            cell: (m) =>
              m.actualDate ? (
                <time dateTime={m.actualDate}>{day(m.actualDate)}</time>
              ) : (
                <span className="text-slate-600">{tm("noActual")}</span>
              ),
          },
          {
            id: "status",
            header: tm("columns.status"),
            cell: (m) => (
              <span className="flex flex-col items-start gap-1">
                <PermitStatusBadge status={m.status} />
                {m.missedBy !== null ? <MissedBadge days={m.missedBy} /> : null}
              </span>
            ),
          },
          ...(acts
            ? [
                {
                  id: "actions",
                  header: tm("columns.actions"),
                  cell: (m: PermitMilestone) => {
                    if (m.actualDate !== null) return null;
                    const name = nameIn(locale, m.nameEn, m.nameJa).text;
                    return (
                      <span className="flex flex-wrap gap-2">
                        {pendingMilestones.has(m.id) ? (
                          <span className="text-xs text-amber-900">{tm("pending")}</span>
                        ) : (
                          <button type="button" className={smallButton} onClick={() => onMove(a, m)}>
                            {tm("move")}{" "}
                            <span className="sr-only">{tm("buttonFor", { milestone: name })}</span>
                          </button>
                        )}
                        {m.id === firstOpen ? (
                          <button type="button" className={smallButton} onClick={() => onRecord(a, m)}>
                            {tm("record")}{" "}
                            <span className="sr-only">{tm("buttonFor", { milestone: name })}</span>
                          </button>
                        ) : null}
                      </span>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
    </article>
  );
}
