"use client";

import { PAUSE_REASONS, type PauseReason } from "@lodestone/domain/vocabulary";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { CALENDAR_DATE, calendarDay, daysBetween } from "@/features/delivery/dates";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { Dialog } from "@/features/ui/dialog";
import { Field } from "@/features/ui/field";
import { useTRPC } from "@/trpc/react";
import { DateInput, TextArea, isCalendarDate, tooShort, useSubmission } from "./form-parts";
import type { Authorization, OpenPause } from "./types";

// ── Pause ────────────────────────────────────────────────────────────────────────────────

export function PauseDialog({
  open,
  projectId,
  today,
  onClose,
  onDone,
}: {
  open: boolean;
  projectId: string;
  today: string;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.pauseDialog");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} description={t("lead")}>
      {open ? <PauseForm projectId={projectId} today={today} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function PauseForm({
  projectId,
  today,
  onCancel,
  onDone,
}: {
  projectId: string;
  today: string;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.pauseDialog");
  const tReason = useTranslations("enums.pauseReason");
  const format = useFormatter();
  const trpc = useTRPC();
  const pause = useMutation(trpc.permitting.pause.mutationOptions());
  const id = useId();
  const [reason, setReason] = useState<PauseReason | "">("");
  const [startedOn, setStartedOn] = useState(today);
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const { busy, problem, run } = useSubmission();
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        const found = {
          reason: reason ? null : t("errors.reason"),
          startedOn: !startedOn ? t("errors.date") : startedOn > today ? t("errors.future") : null,
          summary: tooShort(summary) ? t("errors.summary") : null,
        };
        setErrors(found);
        const first = (["reason", "startedOn", "summary"] as const).find((f) => found[f]);
        if (first || !reason) {
          if (first) document.getElementById(`${id}-${first}`)?.focus();
          return;
        }
        void run(async () => {
          await pause.mutateAsync({ projectId, reason, startedOn, summary: summary.trim() });
          await onDone(
            t("done", {
              date: format.dateTime(calendarDay(startedOn), CALENDAR_DATE),
              reason: tReason(reason),
            }),
          );
        });
      }}
    >
      <Field id={`${id}-reason`} label={t("reason")} error={errors.reason ?? null} required>
        {(control) => (
          <select
            value={reason}
            onChange={(event) => setReason(event.target.value as PauseReason | "")}
            {...control}
          >
            <option value="">{t("chooseReason")}</option>
            {PAUSE_REASONS.map((r) => (
              <option key={r} value={r}>
                {tReason(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateInput
        id={`${id}-startedOn`}
        label={t("startedOn")}
        hint={t("startedOnHint")}
        value={startedOn}
        max={today}
        error={errors.startedOn ?? null}
        onChange={setStartedOn}
      />
      <TextArea
        id={`${id}-summary`}
        label={t("summary")}
        hint={t("summaryHint")}
        value={summary}
        error={errors.summary ?? null}
        onChange={setSummary}
      />
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={busy}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

// ── A summary of the pause ───────────────────────────────────────────────────────────────

export function SummaryDialog({
  open,
  projectId,
  onClose,
  onDone,
}: {
  open: boolean;
  projectId: string;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.summaryDialog");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} description={t("lead")}>
      {open ? <SummaryForm projectId={projectId} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function SummaryForm({
  projectId,
  onCancel,
  onDone,
}: {
  projectId: string;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.summaryDialog");
  const format = useFormatter();
  const trpc = useTRPC();
  const summarise = useMutation(trpc.permitting.summarise.mutationOptions());
  const id = useId();
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useSubmission();
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (tooShort(summary)) {
          setError(t("errors.summary"));
          document.getElementById(`${id}-summary`)?.focus();
          return;
        }
        setError(null);
        void run(async () => {
          const result = await summarise.mutateAsync({ projectId, summary: summary.trim() });
          await onDone(t("done", { date: format.dateTime(calendarDay(result.nextDue), CALENDAR_DATE) }));
        });
      }}
    >
      <TextArea
        rows={4}
        id={`${id}-summary`}
        label={t("summary")}
        hint={t("summaryHint")}
        value={summary}
        error={error}
        onChange={setSummary}
      />
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={busy}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

// ── Resume ───────────────────────────────────────────────────────────────────────────────

/**
 * Whether resuming on `resumedOn` moves some live authorization's open final milestone by more
 * than `thresholdDays` (every open milestone moves by the days paused).
 */
export function resumeNeedsDetermination(
  pause: Pick<OpenPause, "startedOn">,
  resumedOn: string,
  authorizations: readonly Authorization[],
  thresholdDays: number,
): boolean {
  if (!isCalendarDate(resumedOn)) return false;
  const days = daysBetween(pause.startedOn, resumedOn);
  if (days <= thresholdDays) return false;
  return authorizations.some(
    (a) => a.outcome === null && a.milestones.some((m) => m.final && m.actualDate === null),
  );
}

export function ResumeDialog({
  projectId,
  pause,
  authorizations,
  today,
  canDetermine,
  thresholdDays,
  open,
  onClose,
  onDone,
}: {
  projectId: string;
  pause: OpenPause | null;
  authorizations: readonly Authorization[];
  today: string;
  canDetermine: boolean;
  thresholdDays: number;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.resumeDialog");
  return (
    <Dialog open={open && pause !== null} onClose={onClose} title={t("title")} description={t("lead")}>
      {open && pause ? (
        <ResumeForm
          projectId={projectId}
          pause={pause}
          authorizations={authorizations}
          today={today}
          canDetermine={canDetermine}
          thresholdDays={thresholdDays}
          onCancel={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

function ResumeForm({
  projectId,
  pause,
  authorizations,
  today,
  canDetermine,
  thresholdDays,
  onCancel,
  onDone,
}: {
  projectId: string;
  pause: OpenPause;
  authorizations: readonly Authorization[];
  today: string;
  canDetermine: boolean;
  thresholdDays: number;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.resumeDialog");
  const format = useFormatter();
  const trpc = useTRPC();
  const resume = useMutation(trpc.permitting.resume.mutationOptions());
  const id = useId();
  const [resumedOn, setResumedOn] = useState(today);
  const [determination, setDetermination] = useState("");
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const { busy, problem, run } = useSubmission();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const valid = isCalendarDate(resumedOn);
  const days = valid ? Math.max(0, daysBetween(pause.startedOn, resumedOn)) : 0;
  const needs = resumeNeedsDetermination(pause, resumedOn, authorizations, thresholdDays);
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        const found = {
          resumedOn: !resumedOn
            ? t("errors.date")
            : resumedOn > today
              ? t("errors.future")
              : resumedOn < pause.startedOn
                ? t("errors.beforePause", { date: day(pause.startedOn) })
                : null,
          determination: needs && canDetermine && tooShort(determination) ? t("errors.determination") : null,
        };
        setErrors(found);
        const first = (["resumedOn", "determination"] as const).find((f) => found[f]);
        if (first) {
          document.getElementById(`${id}-${first}`)?.focus();
          return;
        }
        void run(async () => {
          const result = await resume.mutateAsync({
            projectId,
            resumedOn,
            ...(canDetermine && determination.trim() ? { determination: determination.trim() } : {}),
          });
          await onDone(t("done", { moved: result.moved, days: result.days }));
        });
      }}
    >
      <p className="text-slate-800">{t("since", { date: day(pause.startedOn) })}</p>
      <DateInput
        id={`${id}-resumedOn`}
        label={t("resumedOn")}
        value={resumedOn}
        max={today}
        error={errors.resumedOn ?? null}
        onChange={setResumedOn}
      />
      <p data-resume-days={days} className="text-sm text-slate-800">
        {t("shift", { days })}
      </p>
      {canDetermine ? (
        <div
          className={needs ? "flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3" : ""}
        >
          {needs ? (
            <p className="text-sm text-amber-950">{t("determinationNeeded", { days: thresholdDays })}</p>
          ) : null}
          <TextArea
            id={`${id}-determination`}
            label={t("determination")}
            hint={t("determinationHint", { days: thresholdDays })}
            value={determination}
            error={errors.determination ?? null}
            required={needs}
            onChange={setDetermination}
          />
        </div>
      ) : needs ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          {t("coordinatorOnly", { days: thresholdDays })}
        </p>
      ) : null}
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={busy}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
