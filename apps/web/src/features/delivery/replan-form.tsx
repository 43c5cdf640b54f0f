"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CalendarDate, type ReplanMilestoneInput } from "@lodestone/domain/delivery";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { Field, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { CALENDAR_DATE, calendarDay } from "./dates";
import { ServerProblem } from "@/features/forms/server-problem";
import type { MilestoneView } from "./types";

interface ReplanValues {
  dueDate: string;
  reason: string;
}

export function replanSchema(current: string) {
  return z.object({
    dueDate: z
      .string()
      .pipe(CalendarDate)
      .refine((d) => d !== current, "sameDate"),
    reason: z.string().trim().min(3, "reasonRequired").max(2_000, "tooLong"),
  });
}

const FIELDS = ["dueDate", "reason"] as const;

export interface ReplanFormProps {
  milestone: Pick<MilestoneView, "id" | "version" | "dueDate">;
  timeZone: string;
  onSubmit: (command: z.input<typeof ReplanMilestoneInput>) => Promise<void>;
  onCancel: () => void;
}

/** Moving a due date: the current date stays on record; a reason is required. */
export function ReplanForm({ milestone, timeZone, onSubmit, onCancel }: ReplanFormProps) {
  const t = useTranslations("delivery.replanForm");
  const format = useFormatter();
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<ReplanValues>({
    defaultValues: { dueDate: milestone.dueDate, reason: "" },
    resolver: zodResolver(replanSchema(milestone.dueDate)),
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  const errorText = (field: (typeof FIELDS)[number]) => {
    const error = errors[field];
    if (!error) return null;
    if (field === "dueDate")
      return error.message === "sameDate" ? t("errors.sameDate") : t("errors.dateInvalid");
    return error.message === "tooLong" ? t("errors.tooLong") : t("errors.reasonRequired");
  };
  const submit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      await onSubmit({
        milestoneId: milestone.id,
        version: milestone.version,
        dueDate: v.dueDate,
        reason: v.reason,
      });
    } catch (error) {
      const found = toApiProblem(error);
      const placed = markServerFieldErrors(found, FIELDS, (field, options) =>
        form.setError(field, { type: "server" }, options),
      );
      if (!placed) setProblem(found);
    }
  });
  const control = (field: (typeof FIELDS)[number], hint?: string) => ({
    id: `${id}-${field}`,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(`${id}-${field}`, { hint, error: errors[field] }),
    className: inputClass,
  });
  return (
    <form
      noValidate
      aria-label={t("label")}
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        if (isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <p className="text-slate-800">
        {t("current", { date: format.dateTime(calendarDay(milestone.dueDate), CALENDAR_DATE), timeZone })}
      </p>
      <Field id={`${id}-dueDate`} label={t("dueDate")} hint={t("keepsOld")} error={errorText("dueDate")}>
        <input type="date" {...form.register("dueDate")} {...control("dueDate", t("keepsOld"))} />
      </Field>
      <Field id={`${id}-reason`} label={t("reason")} error={errorText("reason")}>
        <textarea rows={3} {...form.register("reason")} {...control("reason")} aria-required="true" />
      </Field>
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("saving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
