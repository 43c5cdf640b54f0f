"use client";

import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";
import { dateToWallTime, wallTimeToDate } from "@/features/i18n/zoned-time";

const WEEK = 7 * 24 * 60 * 60 * 1000;

/**
 * A coordinator opens a review round: the closing time, read in the user's own time zone. The
 * round starts with the default rule (DESIGN §6), which can be changed until the first vote.
 */
export function OpenRoundForm({ onSubmit }: { onSubmit: (closesAt: Date) => Promise<void> }) {
  const t = useTranslations("review.open");
  const timeZone = useTimeZone() ?? "UTC";
  const now = useNow();
  const id = useId();
  const [value, setValue] = useState(() => {
    const inAWeek = new Date(now.getTime() + WEEK);
    inAWeek.setUTCMinutes(0, 0, 0);
    return dateToWallTime(inAWeek, timeZone);
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const fieldId = `${id}-closes`;

  const submit = async () => {
    if (busy) return;
    const closesAt = wallTimeToDate(value, timeZone);
    if (!closesAt) return setError(t("closesAtRequired"));
    if (closesAt.getTime() <= Date.now()) return setError(t("closesAtFuture"));
    setError(null);
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit(closesAt);
    } catch (e) {
      setProblem(toApiProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="flex max-w-sm flex-col gap-1.5">
        <label htmlFor={fieldId} className="text-sm font-semibold text-slate-900">
          {t("closesAt")}
        </label>
        <p id={`${fieldId}-hint`} className="text-sm text-slate-600">
          {t("closesAtHint", { timeZone })}
        </p>
        <input
          id={fieldId}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, { hint: true, error })}
          className={inputClass}
        />
        {error ? <FieldError id={`${fieldId}-error`}>{error}</FieldError> : null}
      </div>
      <p className="text-sm text-slate-700">{t("ruleNote")}</p>
      {problem ? <ActionProblem title={t("failed")} problem={problem} /> : null}
      <div>
        <button type="submit" className={primaryButton} aria-disabled={busy || undefined}>
          {busy ? <Spinner tone="light" /> : null}
          {busy ? t("opening") : t("submit")}
        </button>
      </div>
    </form>
  );
}
