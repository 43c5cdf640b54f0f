"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { SetProjectTimeZoneInput } from "@lodestone/domain/time-zone";
import { useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { markServerFieldErrors, toApiProblem } from "@/features/forms/api-problem";
import { useFieldErrors } from "@/features/forms/field-errors";
import { TimeZoneSelect } from "@/features/i18n/time-zone-select";
import { timeZoneGroups } from "@/features/i18n/time-zones";
import { Field } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";

/** The field of the domain's command the form holds (the project and its version come from the page). */
const TimeZoneSchema = z.object({ timeZone: SetProjectTimeZoneInput.shape.timeZone });
type TimeZoneValues = z.input<typeof TimeZoneSchema>;

export interface TimeZoneFormProps {
  /** The project's reference time zone now. */
  current: string;
  /** Saves the new zone; throws (a tRPC error) when refused. */
  onSubmit: (timeZone: string) => Promise<void>;
  onCancel: () => void;
}

/** A coordinator corrects the zone the project's due dates are read in. */
export function TimeZoneForm({ current, onSubmit, onCancel }: TimeZoneFormProps) {
  const t = useTranslations("delivery.timeZoneForm");
  const id = useId();
  const form = useForm<TimeZoneValues>({
    defaultValues: { timeZone: current },
    resolver: zodResolver(TimeZoneSchema),
  });
  const { errors, isSubmitting } = form.formState;
  const message = useFieldErrors(TimeZoneSchema);
  // Shown only once opened, in the browser: the list is the browser's own (Intl), as on the profile.
  const groups = useMemo(() => timeZoneGroups([current]), [current]);

  const submit = form.handleSubmit(async ({ timeZone }) => {
    // The form as a whole is refused (an alert): the zone is already the project's, or the
    // server said no without naming the field.
    if (timeZone === current) {
      form.setError("root", { type: "unchanged", message: t("unchanged") });
      return;
    }
    try {
      await onSubmit(timeZone);
    } catch (caught) {
      const problem = toApiProblem(caught);
      const placed = markServerFieldErrors(problem, ["timeZone"] as const, (field, options) =>
        form.setError(field, { type: "server" }, options),
      );
      if (!placed)
        form.setError("root", { type: "server", message: t("failed", { message: problem.message }) });
    }
  });
  const formError = errors.root?.message;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        if (isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <p className="text-slate-800">{t("lead")}</p>
      <Field id={`${id}-zone`} label={t("label")} error={message("timeZone", errors.timeZone)}>
        {(control) => (
          <TimeZoneSelect
            groups={groups}
            {...form.register("timeZone")}
            {...control}
            aria-invalid={control["aria-invalid"] ?? (formError ? true : undefined)}
            aria-describedby={control["aria-describedby"] ?? (formError ? `${id}-error` : undefined)}
            data-autofocus
          />
        )}
      </Field>
      {formError ? (
        <p id={`${id}-error`} role="alert" className="text-red-900">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="submit" aria-disabled={isSubmitting || undefined} className={primaryButton}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
