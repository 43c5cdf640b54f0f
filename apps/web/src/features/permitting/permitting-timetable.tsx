"use client";

import type { EventType } from "@lodestone/domain/events";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { toLoadError } from "@/features/projects/load-error";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { LoadProblem } from "@/features/ui/load-problem";
import { ResultMessage } from "@/features/ui/result-message";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { AuthorizationCard } from "./authorization-card";
import { ChangeLog, PendingChanges } from "./change-log";
import { PauseDialog, ResumeDialog, SummaryDialog } from "./pause-dialogs";
import {
  AddAuthorizationDialog,
  DecideDialog,
  MoveDateDialog,
  OutcomeDialog,
  RecordActualDialog,
  type MilestoneTarget,
} from "./permit-dialogs";
import { TimetableChart } from "./timetable-chart";
import type { Authorization, DateChange, OpenPause, PastPause, PermittingData } from "./types";
import { usePermitting, useRefreshPermitting } from "./use-permitting";

/** Changes to a project's permitting timetable that the live feed tells its readers about. */
export const PERMIT_EVENTS = [
  "permit.authorization_added",
  "permit.outcome_set",
  "permit.date_changed",
  "permit.date_change_requested",
  "permit.date_change_decided",
  "permit.milestone_completed",
  "permit.paused",
  "permit.pause_summarised",
  "permit.resumed",
] as const satisfies readonly EventType[];

type Open =
  | { kind: "add" }
  | { kind: "move" | "record"; authorizationId: string; milestoneId: string }
  | { kind: "outcome"; authorizationId: string }
  | { kind: "decide"; changeId: string; approve: boolean }
  | { kind: "pause" | "summary" | "resume" }
  | null;

export interface PermittingTimetableProps {
  projectId: string;
  /** The timetable as the server loaded it for the page. */
  initial: PermittingData;
}

/**
 * A project's permitting timetable: how many authorizations are complete and when the last should
 * be, the pause (if any) with its summaries, changes waiting for a coordinator, the chart, each
 * authorization with its milestones, and the log of every date change; with what the reader may do.
 */
export function PermittingTimetable({ projectId, initial }: PermittingTimetableProps) {
  const t = useTranslations("permitting");
  const format = useFormatter();
  const headingId = useId();
  const query = usePermitting(projectId, initial);
  const data = query.data ?? initial;
  const refresh = useRefreshPermitting(projectId);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useLiveStatusActions();
  useLiveEvents({ projectId, types: PERMIT_EVENTS }, (event) => {
    if (!event.mine) live.announce(t("liveUpdated"));
  });

  const close = () => setOpen(null);
  const done = async (message: string) => {
    setOpen(null);
    await refresh();
    setNotice(message);
  };
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const authorizationById = (id: string) => data.authorizations.find((a) => a.id === id) ?? null;
  const milestoneTarget = (o: Open, kind: "move" | "record"): MilestoneTarget | null => {
    if (o?.kind !== kind) return null;
    const authorization = authorizationById(o.authorizationId);
    const milestone = authorization?.milestones.find((m) => m.id === o.milestoneId);
    return authorization && milestone ? { authorization, milestone } : null;
  };
  const pending = data.changes.filter((c) => c.state === "PENDING");
  const pendingMilestones = new Set(pending.map((c) => c.milestone.id));
  const deciding =
    open?.kind === "decide"
      ? (() => {
          const change = data.changes.find((c) => c.id === open.changeId);
          return change ? { change, approve: open.approve } : null;
        })()
      : null;
  const canPause =
    data.canEdit &&
    data.pause === null &&
    data.authorizations.some((a) => a.outcome === null && a.milestones.some((m) => m.actualDate === null));

  if (!data.hasTimetable) {
    return (
      <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-10 text-center">
        <p className="text-lg font-semibold text-slate-900">{t("noTimetable.title")}</p>
        <p className="mt-2 text-slate-700">{t("noTimetable.hint")}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <ResultMessage message={notice} className="font-semibold text-green-900" />
      {query.isError ? (
        <LoadProblem
          message={t("refreshFailed", { message: toLoadError(query.error).message })}
          retryLabel={t("retry")}
          onRetry={() => void query.refetch()}
        />
      ) : null}

      <section
        aria-labelledby={`${headingId}-summary`}
        className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
      >
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id={`${headingId}-summary`} className="text-lg font-semibold text-slate-900">
            {t("summary.heading")}
          </h2>
          {data.canEdit ? (
            <div className="flex flex-wrap gap-3">
              <button type="button" className={primaryButton} onClick={() => setOpen({ kind: "add" })}>
                {t("add.button")}
              </button>
              {canPause ? (
                <button type="button" className={secondaryButton} onClick={() => setOpen({ kind: "pause" })}>
                  {t("pause.button")}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
        <p className="text-slate-900" data-complete={`${data.complete.done}/${data.complete.total}`}>
          {t("summary.complete", { done: data.complete.done, total: data.complete.total })}
        </p>
        <p className="text-slate-900">
          {data.estimatedCompletion
            ? t("summary.estimated", { date: day(data.estimatedCompletion) })
            : t("summary.noEstimate")}
        </p>
        <p className="text-sm text-slate-700">
          {t("summary.zone", { timeZone: data.timeZone, today: day(data.today) })}
        </p>
      </section>

      {data.pause ? (
        <PauseBanner
          pause={data.pause}
          canEdit={data.canEdit}
          onSummary={() => setOpen({ kind: "summary" })}
          onResume={() => setOpen({ kind: "resume" })}
        />
      ) : null}

      <PendingChanges
        changes={pending}
        canDetermine={data.canDetermine}
        onDecide={(change: DateChange, approve: boolean) =>
          setOpen({ kind: "decide", changeId: change.id, approve })
        }
      />

      {data.authorizations.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-10 text-center">
          <p className="text-lg font-semibold text-slate-900">{t("empty.title")}</p>
          <p className="mt-2 text-slate-700">{data.canEdit ? t("empty.addHint") : t("empty.readHint")}</p>
          {data.canEdit ? (
            <p className="mt-4">
              <button type="button" className={primaryButton} onClick={() => setOpen({ kind: "add" })}>
                {t("add.button")}
              </button>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <section aria-labelledby={`${headingId}-chart`} className="flex flex-col gap-3">
            <h2 id={`${headingId}-chart`} className="text-xl font-semibold text-slate-900">
              {t("chart.title")}
            </h2>
            <TimetableChart
              authorizations={data.authorizations}
              pause={data.pause}
              pastPauses={data.pastPauses}
              today={data.today}
            />
          </section>

          <section aria-labelledby={`${headingId}-authorizations`} className="flex flex-col gap-4">
            <h2 id={`${headingId}-authorizations`} className="text-xl font-semibold text-slate-900">
              {t("authorizations.heading", { count: data.authorizations.length })}
            </h2>
            {data.pause && data.canEdit ? (
              <p className="text-sm text-slate-700">{t("authorizations.pausedHint")}</p>
            ) : null}
            <div className="flex flex-col gap-6" aria-busy={query.isFetching || undefined}>
              {data.authorizations.map((a: Authorization) => (
                <AuthorizationCard
                  key={a.id}
                  authorization={a}
                  canAct={data.canEdit && data.pause === null}
                  pendingMilestones={pendingMilestones}
                  onMove={(authorization, milestone) =>
                    setOpen({ kind: "move", authorizationId: authorization.id, milestoneId: milestone.id })
                  }
                  onRecord={(authorization, milestone) =>
                    setOpen({ kind: "record", authorizationId: authorization.id, milestoneId: milestone.id })
                  }
                  onOutcome={(authorization) =>
                    setOpen({ kind: "outcome", authorizationId: authorization.id })
                  }
                />
              ))}
            </div>
          </section>
        </>
      )}

      {data.pastPauses.length > 0 ? <PastPauses pauses={data.pastPauses} /> : null}

      <section aria-labelledby={`${headingId}-log`} className="flex flex-col gap-3">
        <h2 id={`${headingId}-log`} className="text-xl font-semibold text-slate-900">
          {t("log.heading")}
        </h2>
        <p className="text-sm text-slate-700">{t("log.lead", { days: data.determinationThresholdDays })}</p>
        <ChangeLog changes={data.changes} />
      </section>

      <AddAuthorizationDialog
        open={open?.kind === "add"}
        projectId={projectId}
        today={data.today}
        onClose={close}
        onDone={done}
      />
      <MoveDateDialog
        target={milestoneTarget(open, "move")}
        canDetermine={data.canDetermine}
        thresholdDays={data.determinationThresholdDays}
        onClose={close}
        onDone={done}
      />
      <RecordActualDialog
        target={milestoneTarget(open, "record")}
        today={data.today}
        onClose={close}
        onDone={done}
      />
      <OutcomeDialog
        authorization={open?.kind === "outcome" ? authorizationById(open.authorizationId) : null}
        onClose={close}
        onDone={done}
      />
      <DecideDialog decision={deciding} onClose={close} onDone={done} />
      <PauseDialog
        open={open?.kind === "pause"}
        projectId={projectId}
        today={data.today}
        onClose={close}
        onDone={done}
      />
      <SummaryDialog open={open?.kind === "summary"} projectId={projectId} onClose={close} onDone={done} />
      <ResumeDialog
        open={open?.kind === "resume"}
        projectId={projectId}
        pause={data.pause}
        authorizations={data.authorizations}
        today={data.today}
        canDetermine={data.canDetermine}
        thresholdDays={data.determinationThresholdDays}
        onClose={close}
        onDone={done}
      />
    </div>
  );
}

/** The open pause: why and since when, when its next summary is due (overdue in a warning), its summaries. */
function PauseBanner({
  pause,
  canEdit,
  onSummary,
  onResume,
}: {
  pause: OpenPause;
  canEdit: boolean;
  onSummary: () => void;
  onResume: () => void;
}) {
  const t = useTranslations("permitting.pause");
  const tReason = useTranslations("enums.pauseReason");
  const format = useFormatter();
  const id = useId();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  return (
    <section
      aria-labelledby={id}
      data-pause={pause.id}
      className="flex flex-col gap-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold text-amber-950">
          {t("heading")}
        </h2>
        {canEdit ? (
          <div className="flex flex-wrap gap-3">
            <button type="button" className={secondaryButton} onClick={onSummary}>
              {t("addSummary")}
            </button>
            <button type="button" className={primaryButton} onClick={onResume}>
              {t("resume")}
            </button>
          </div>
        ) : null}
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold text-amber-950">{t("reason")}</dt>
          <dd className="text-slate-900" data-pause-reason={pause.reason}>
            {tReason(pause.reason)}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-amber-950">{t("since")}</dt>
          <dd className="text-slate-900">
            <time dateTime={pause.startedOn}>{day(pause.startedOn)}</time>
            <span className="text-slate-700"> · {t("by", { name: pause.startedBy })}</span>
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-amber-950">{t("summaryDue")}</dt>
          <dd>
            <time dateTime={pause.summaryDue}>{day(pause.summaryDue)}</time>
          </dd>
        </div>
      </dl>
      {pause.summaryOverdue ? (
        <p
          role="alert"
          data-summary-overdue=""
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-semibold text-red-900"
        >
          {t("overdue", { date: day(pause.summaryDue) })}
        </p>
      ) : (
        <p className="text-sm text-amber-950">{t("rule")}</p>
      )}
      <div>
        <h3 className="text-sm font-semibold text-amber-950">{t("summaries")}</h3>
        <ol className="mt-2 flex flex-col gap-2">
          {pause.summaries.map((s) => (
            <li key={s.at} className="rounded-md border border-amber-300 bg-white p-3 text-sm">
              <p className="whitespace-pre-line text-slate-900">{s.text}</p>
              <p className="mt-1 text-xs text-slate-700">
                <time dateTime={s.writtenOn}>{day(s.writtenOn)}</time> · {s.author}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

function PastPauses({ pauses }: { pauses: readonly PastPause[] }) {
  const t = useTranslations("permitting.pause");
  const tReason = useTranslations("enums.pauseReason");
  const format = useFormatter();
  const id = useId();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {t("pastHeading")}
      </h2>
      <ul className="flex flex-col gap-1 text-sm text-slate-800">
        {pauses.map((p) => (
          <li key={p.id} data-past-pause={p.id}>
            {t("past", { reason: tReason(p.reason), from: day(p.startedOn), to: day(p.endedOn) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
