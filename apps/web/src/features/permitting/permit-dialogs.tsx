"use client";

import {
  DATE_CHANGE_REASONS,
  JURISDICTIONS,
  PERMIT_INSTRUMENTS,
  PERMIT_OUTCOMES,
  USUAL_JURISDICTION,
  type DateChangeReason,
  type Jurisdiction,
  type PermitInstrument,
  type PermitOutcome,
} from "@lodestone/domain/vocabulary";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { CALENDAR_DATE, calendarDay, daysBetween } from "@/features/delivery/dates";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { Dialog } from "@/features/ui/dialog";
import { Field } from "@/features/ui/field";
import { useTRPC } from "@/trpc/react";
import {
  DateInput,
  TextArea,
  focusFirst,
  hasErrors,
  isCalendarDate,
  tooShort,
  useSubmission,
  type Errors,
} from "./form-parts";
import { nameIn } from "./names";
import type { Authorization, DateChange, PermitMilestone } from "./types";

/** The reasons a person gives for moving a date ("project pause" is the resume's own). */
export const MOVE_REASONS = DATE_CHANGE_REASONS.filter((r) => r !== "PROJECT_PAUSE") as Exclude<
  DateChangeReason,
  "PROJECT_PAUSE"
>[];
type MoveReason = (typeof MOVE_REASONS)[number];

// ── Add an authorization ─────────────────────────────────────────────────────────────────

export function AddAuthorizationDialog({
  open,
  projectId,
  today,
  onClose,
  onDone,
}: {
  open: boolean;
  projectId: string;
  /** Today in the project's time zone (the start date's default). */
  today: string;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.add");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} description={t("lead")} size="lg">
      {open ? (
        <AddAuthorizationForm projectId={projectId} today={today} onCancel={onClose} onDone={onDone} />
      ) : null}
    </Dialog>
  );
}

const ADD_ORDER = [
  "instrument",
  "jurisdiction",
  "authority",
  "titleEn",
  "titleJa",
  "region",
  "startDate",
] as const;

function AddAuthorizationForm({
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
  const t = useTranslations("permitting.add");
  const tJurisdiction = useTranslations("enums.jurisdiction");
  const tInstrument = useTranslations("enums.permitInstrument");
  const locale = useLocale();
  const trpc = useTRPC();
  const add = useMutation(trpc.permitting.add.mutationOptions());
  const id = useId();
  const [instrument, setInstrument] = useState<PermitInstrument>("NEPA_EIS");
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>(USUAL_JURISDICTION.NEPA_EIS);
  /** Once chosen by hand, the jurisdiction no longer follows the instrument. */
  const [jurisdictionChosen, setJurisdictionChosen] = useState(false);
  const [authority, setAuthority] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [titleJa, setTitleJa] = useState("");
  const [region, setRegion] = useState("");
  const [startDate, setStartDate] = useState(today);
  const [errors, setErrors] = useState<Errors>({});
  const { busy, problem, run } = useSubmission();

  const submit = () => {
    const found: Errors = {
      authority: authority.trim() ? null : t("errors.authority"),
      titleEn: titleEn.trim() ? null : t("errors.titleEn"),
      titleJa: titleJa.trim() ? null : t("errors.titleJa"),
      startDate: startDate ? null : t("errors.startDate"),
    };
    setErrors(found);
    if (hasErrors(found)) {
      focusFirst(id, found, ADD_ORDER);
      return;
    }
    void run(async () => {
      const created = await add.mutateAsync({
        projectId,
        jurisdiction,
        authority: authority.trim(),
        instrument,
        titleEn: titleEn.trim(),
        titleJa: titleJa.trim(),
        ...(region.trim() ? { region: region.trim() } : {}),
        startDate,
      });
      await onDone(
        t("done", { title: nameIn(locale, titleEn.trim(), titleJa.trim()).text, count: created.milestones }),
      );
    });
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-instrument`} label={t("instrument")} hint={t("instrumentHint")} required>
          {(control) => (
            <select
              value={instrument}
              onChange={(event) => {
                const next = event.target.value as PermitInstrument;
                setInstrument(next);
                if (!jurisdictionChosen) setJurisdiction(USUAL_JURISDICTION[next]);
              }}
              {...control}
            >
              {PERMIT_INSTRUMENTS.map((i) => (
                <option key={i} value={i}>
                  {tInstrument(i)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-jurisdiction`} label={t("jurisdiction")} hint={t("jurisdictionHint")} required>
          {(control) => (
            <select
              value={jurisdiction}
              onChange={(event) => {
                setJurisdiction(event.target.value as Jurisdiction);
                setJurisdictionChosen(true);
              }}
              {...control}
            >
              {JURISDICTIONS.map((j) => (
                <option key={j} value={j}>
                  {tJurisdiction(j)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id={`${id}-authority`}
        label={t("authority")}
        hint={t("authorityHint")}
        error={errors.authority}
        required
      >
        {(control) => (
          <input
            type="text"
            maxLength={200}
            autoComplete="off"
            value={authority}
            onChange={(event) => setAuthority(event.target.value)}
            {...control}
          />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-titleEn`} label={t("titleEn")} error={errors.titleEn} required>
          {(control) => (
            <input
              type="text"
              lang="en"
              maxLength={200}
              autoComplete="off"
              value={titleEn}
              onChange={(event) => setTitleEn(event.target.value)}
              {...control}
            />
          )}
        </Field>
        <Field id={`${id}-titleJa`} label={t("titleJa")} error={errors.titleJa} required>
          {(control) => (
            <input
              type="text"
              lang="ja"
              maxLength={200}
              autoComplete="off"
              value={titleJa}
              onChange={(event) => setTitleJa(event.target.value)}
              {...control}
            />
          )}
        </Field>
        <Field id={`${id}-region`} label={t("region")} hint={t("regionHint")}>
          {(control) => (
            <input
              type="text"
              maxLength={100}
              autoComplete="off"
              value={region}
              onChange={(event) => setRegion(event.target.value)}
              {...control}
            />
          )}
        </Field>
        <DateInput
          id={`${id}-startDate`}
          label={t("startDate")}
          hint={t("startDateHint")}
          value={startDate}
          error={errors.startDate}
          onChange={setStartDate}
        />
      </div>
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

// ── Move a date ──────────────────────────────────────────────────────────────────────────

export interface MilestoneTarget {
  authorization: Authorization;
  milestone: PermitMilestone;
}

/**
 * Whether moving `milestone`'s current target to `to` needs a coordinator's determination: a move
 * of more than `thresholdDays` days (either way) to an authorization's final milestone.
 */
export function moveNeedsDetermination(
  milestone: Pick<PermitMilestone, "final" | "currentDate">,
  to: string,
  thresholdDays: number,
): boolean {
  if (!milestone.final || !isCalendarDate(to)) return false;
  return Math.abs(daysBetween(milestone.currentDate, to)) > thresholdDays;
}

export function MoveDateDialog({
  target,
  canDetermine,
  thresholdDays,
  onClose,
  onDone,
}: {
  target: MilestoneTarget | null;
  canDetermine: boolean;
  thresholdDays: number;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.move");
  const locale = useLocale();
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={
        target
          ? t("title", { milestone: nameIn(locale, target.milestone.nameEn, target.milestone.nameJa).text })
          : ""
      }
      size="lg"
    >
      {target ? (
        <MoveDateForm
          target={target}
          canDetermine={canDetermine}
          thresholdDays={thresholdDays}
          onCancel={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

const MOVE_ORDER = ["to", "reason", "justification", "determination"] as const;

function MoveDateForm({
  target,
  canDetermine,
  thresholdDays,
  onCancel,
  onDone,
}: {
  target: MilestoneTarget;
  canDetermine: boolean;
  thresholdDays: number;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.move");
  const format = useFormatter();
  const locale = useLocale();
  const tReason = useTranslations("enums.dateChangeReason");
  const trpc = useTRPC();
  const move = useMutation(trpc.permitting.move.mutationOptions());
  const id = useId();
  const { milestone, authorization } = target;
  // The date the mover saw: a move made meanwhile makes the server refuse this one.
  const [from] = useState(milestone.currentDate);
  const [to, setTo] = useState(milestone.currentDate);
  const [reason, setReason] = useState<MoveReason | "">("");
  const [justification, setJustification] = useState("");
  const [determination, setDetermination] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const { busy, problem, run } = useSubmission();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const needs = moveNeedsDetermination({ final: milestone.final, currentDate: from }, to, thresholdDays);
  const days = isCalendarDate(to) ? daysBetween(from, to) : 0;
  const name = nameIn(locale, milestone.nameEn, milestone.nameJa).text;

  const submit = () => {
    const found: Errors = {
      to: !to ? t("errors.to") : to === from ? t("errors.same") : null,
      reason: reason ? null : t("errors.reason"),
      justification: tooShort(justification) ? t("errors.justification") : null,
      determination: needs && canDetermine && tooShort(determination) ? t("errors.determination") : null,
    };
    setErrors(found);
    if (hasErrors(found) || !reason) {
      focusFirst(id, found, MOVE_ORDER);
      return;
    }
    void run(async () => {
      const result = await move.mutateAsync({
        milestoneId: milestone.id,
        from,
        to,
        reason,
        justification: justification.trim(),
        ...(needs && canDetermine ? { determination: determination.trim() } : {}),
      });
      await onDone(
        result.state === "PENDING"
          ? t("donePending", { milestone: name, to: day(to) })
          : t("doneApplied", { milestone: name, to: day(to) }),
      );
    });
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-semibold text-slate-700">{t("authorization")}</dt>
          <dd className="text-slate-900">
            {nameIn(locale, authorization.titleEn, authorization.titleJa).text}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t("current")}</dt>
          <dd className="text-slate-900">
            <time dateTime={from}>{day(from)}</time>
            {milestone.final ? <span className="ml-2 text-slate-700">{t("final")}</span> : null}
          </dd>
        </div>
      </dl>
      <DateInput
        id={`${id}-to`}
        label={t("to")}
        hint={days !== 0 ? t("days", { days }) : undefined}
        value={to}
        error={errors.to}
        onChange={setTo}
      />
      <Field id={`${id}-reason`} label={t("reason")} error={errors.reason ?? null} required>
        {(control) => (
          <select
            value={reason}
            onChange={(event) => setReason(event.target.value as MoveReason | "")}
            {...control}
          >
            <option value="">{t("chooseReason")}</option>
            {MOVE_REASONS.map((r) => (
              <option key={r} value={r}>
                {tReason(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextArea
        id={`${id}-justification`}
        label={t("justification")}
        hint={t("justificationHint")}
        value={justification}
        error={errors.justification}
        onChange={setJustification}
      />
      {needs ? (
        canDetermine ? (
          <div
            data-needs-determination=""
            className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3"
          >
            <p className="text-sm text-amber-950">{t("determinationRule", { days: thresholdDays })}</p>
            <TextArea
              id={`${id}-determination`}
              label={t("determination")}
              hint={t("determinationHint")}
              value={determination}
              error={errors.determination}
              onChange={setDetermination}
            />
          </div>
        ) : (
          <p
            data-will-wait=""
            className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
          >
            {t("willWait", { days: thresholdDays })}
          </p>
        )
      ) : null}
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={busy}
        label={needs && !canDetermine ? t("submitRequest") : t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

// ── Record an actual date ────────────────────────────────────────────────────────────────

export function RecordActualDialog({
  target,
  today,
  onClose,
  onDone,
}: {
  target: MilestoneTarget | null;
  today: string;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.actual");
  const locale = useLocale();
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={
        target
          ? t("title", { milestone: nameIn(locale, target.milestone.nameEn, target.milestone.nameJa).text })
          : ""
      }
    >
      {target ? <RecordActualForm target={target} today={today} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function RecordActualForm({
  target,
  today,
  onCancel,
  onDone,
}: {
  target: MilestoneTarget;
  today: string;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.actual");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const complete = useMutation(trpc.permitting.complete.mutationOptions());
  const id = useId();
  const { milestone } = target;
  const [date, setDate] = useState(milestone.currentDate < today ? milestone.currentDate : today);
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useSubmission();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        const found = !date ? t("errors.date") : date > today ? t("errors.future") : null;
        setError(found);
        if (found) {
          document.getElementById(`${id}-date`)?.focus();
          return;
        }
        void run(async () => {
          await complete.mutateAsync({ milestoneId: milestone.id, actualDate: date });
          await onDone(
            t("done", {
              milestone: nameIn(locale, milestone.nameEn, milestone.nameJa).text,
              date: day(date),
            }),
          );
        });
      }}
    >
      <p className="text-slate-800">{t("lead", { target: day(milestone.currentDate) })}</p>
      <DateInput
        id={`${id}-date`}
        label={t("date")}
        hint={t("dateHint")}
        value={date}
        max={today}
        error={error}
        onChange={setDate}
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

// ── Denied or withdrawn ──────────────────────────────────────────────────────────────────

/** Records that an authorization was denied or withdrawn, with why (the dialog is the confirmation). */
export function OutcomeDialog({
  authorization,
  onClose,
  onDone,
}: {
  authorization: Authorization | null;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.outcome");
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={authorization !== null}
      onClose={onClose}
      busy={busy}
      role="alertdialog"
      title={
        authorization
          ? t("title", { title: nameIn(locale, authorization.titleEn, authorization.titleJa).text })
          : ""
      }
    >
      {authorization ? (
        <OutcomeForm authorization={authorization} onCancel={onClose} onDone={onDone} onBusy={setBusy} />
      ) : null}
    </Dialog>
  );
}

function OutcomeForm({
  authorization,
  onCancel,
  onDone,
  onBusy,
}: {
  authorization: Authorization;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
  onBusy: (busy: boolean) => void;
}) {
  const t = useTranslations("permitting.outcome");
  const tOutcome = useTranslations("enums.permitOutcome");
  const locale = useLocale();
  const trpc = useTRPC();
  const setOutcome = useMutation(trpc.permitting.setOutcome.mutationOptions());
  const id = useId();
  const [outcome, setOutcomeValue] = useState<PermitOutcome>("WITHDRAWN");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useSubmission();
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (tooShort(reason)) {
          setError(t("errors.reason"));
          document.getElementById(`${id}-reason`)?.focus();
          return;
        }
        setError(null);
        onBusy(true);
        void run(async () => {
          await setOutcome.mutateAsync({ authorizationId: authorization.id, outcome, reason: reason.trim() });
          await onDone(
            t("done", {
              title: nameIn(locale, authorization.titleEn, authorization.titleJa).text,
              outcome: tOutcome(outcome),
            }),
          );
        }).finally(() => onBusy(false));
      }}
    >
      <p className="text-slate-800">{t("lead")}</p>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t("outcome")}</legend>
        {PERMIT_OUTCOMES.map((o) => (
          <label key={o} className="flex items-center gap-2 text-slate-900">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcomeValue(o)}
              className="h-4 w-4 accent-blue-800"
            />
            {tOutcome(o)}
          </label>
        ))}
      </fieldset>
      <TextArea
        id={`${id}-reason`}
        label={t("reason")}
        hint={t("reasonHint")}
        value={reason}
        error={error}
        onChange={setReason}
      />
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={busy}
        label={t("confirm")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

// ── A coordinator decides a pending change ───────────────────────────────────────────────

export function DecideDialog({
  decision,
  onClose,
  onDone,
}: {
  decision: { change: DateChange; approve: boolean } | null;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.decide");
  const locale = useLocale();
  const milestone = decision
    ? nameIn(locale, decision.change.milestone.nameEn, decision.change.milestone.nameJa).text
    : "";
  return (
    <Dialog
      open={decision !== null}
      onClose={onClose}
      title={
        decision
          ? decision.approve
            ? t("approveTitle", { milestone })
            : t("rejectTitle", { milestone })
          : ""
      }
    >
      {decision ? <DecideForm decision={decision} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function DecideForm({
  decision,
  onCancel,
  onDone,
}: {
  decision: { change: DateChange; approve: boolean };
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("permitting.decide");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const decide = useMutation(trpc.permitting.decide.mutationOptions());
  const id = useId();
  const [determination, setDetermination] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useSubmission();
  const { change, approve } = decision;
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  const milestone = nameIn(locale, change.milestone.nameEn, change.milestone.nameJa).text;
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (tooShort(determination)) {
          setError(t("errors.determination"));
          document.getElementById(`${id}-determination`)?.focus();
          return;
        }
        setError(null);
        void run(async () => {
          await decide.mutateAsync({ changeId: change.id, approve, determination: determination.trim() });
          await onDone(
            approve ? t("approved", { milestone, to: day(change.to) }) : t("rejected", { milestone }),
          );
        });
      }}
    >
      <p className="text-slate-800">
        {t(approve ? "approveLead" : "rejectLead", {
          from: day(change.from),
          to: day(change.to),
          days: change.days,
        })}
      </p>
      <TextArea
        id={`${id}-determination`}
        label={t("determination")}
        hint={t("determinationHint")}
        value={determination}
        error={error}
        onChange={setDetermination}
      />
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={busy}
        label={approve ? t("approve") : t("reject")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
