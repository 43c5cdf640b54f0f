"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ReplanMilestoneInput } from "@lodestone/domain/delivery";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { Field } from "@/features/ui/field";
import { CALENDAR_DATE, calendarDay } from "./dates";
import type { MilestoneView } from "./types";

interface ReplanValues {
  dueDate: string;
  reason: string;
}

const { dueDate, reason } = ReplanMilestoneInput.shape;

/** The domain's re-plan fields; the new date must differ from the current one. */
export function replanSchema(current: string) {
  return z.object({
    dueDate: dueDate.refine((d) => d !== current, "sameDate"),
    reason,
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
  const form = useForm<ReplanValues>({
    defaultValues: { dueDate: milestone.dueDate, reason: "" },
    resolver: zodResolver(replanSchema(milestone.dueDate)),
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  const message = useFieldErrors(ReplanMilestoneInput, { reason: "replanReasonRequired" });
  const errorText = (field: (typeof FIELDS)[number]) => message(field, errors[field]);
  const { problem, onSubmit: submit } = useServerSubmit(
    form,
    (v) =>
      onSubmit({
        milestoneId: milestone.id,
        version: milestone.version,
        dueDate: v.dueDate,
        reason: v.reason,
      }),
    { fields: FIELDS },
  );
  return (
    <form noValidate aria-label={t("label")} className="flex flex-col gap-5" onSubmit={submit}>
      <p className="text-slate-800">
        {t("current", { date: format.dateTime(calendarDay(milestone.dueDate), CALENDAR_DATE), timeZone })}
      </p>
      <Field
        id={`${id}-dueDate`}
        label={t("dueDate")}
        hint={t("keepsOld")}
        error={errorText("dueDate")}
        required
      >
        {(control) => <input type="date" {...form.register("dueDate")} {...control} />}
      </Field>
      <Field id={`${id}-reason`} label={t("reason")} error={errorText("reason")} required>
        {(control) => <textarea rows={3} {...form.register("reason")} {...control} />}
      </Field>
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={isSubmitting}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
