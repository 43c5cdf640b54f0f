"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { OpenRoundInput } from "@lodestone/domain/deliberation";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { useFieldErrors } from "@/features/forms/field-errors";
import { Field } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";
import { dateToWallTime, wallTimeToDate } from "@/features/i18n/zoned-time";

const WEEK = 7 * 24 * 60 * 60 * 1000;

interface OpenRoundValues {
  /** As the date-time field holds it: a wall time in the user's zone ("" while empty). */
  closesAt: string;
}

/**
 * The domain's closing time, typed as a wall time in `timeZone` (empty or impossible: no date),
 * and in the future when sent.
 */
export function openRoundSchema(timeZone: string) {
  return z.object({
    closesAt: z.preprocess(
      (value) => (typeof value === "string" ? (wallTimeToDate(value, timeZone) ?? undefined) : value),
      OpenRoundInput.shape.closesAt.refine((date) => date.getTime() > Date.now(), "closesAtFuture"),
    ),
  });
}
type OpenRoundCommand = z.output<ReturnType<typeof openRoundSchema>>;

/**
 * A coordinator opens a review round: the closing time, read in the user's own time zone. The
 * round starts with the default rule (DESIGN §6), which can be changed until the first vote.
 */
export function OpenRoundForm({ onSubmit }: { onSubmit: (closesAt: Date) => Promise<void> }) {
  const t = useTranslations("review.open");
  const timeZone = useTimeZone() ?? "UTC";
  const now = useNow();
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [defaultValues] = useState<OpenRoundValues>(() => {
    const inAWeek = new Date(now.getTime() + WEEK);
    inAWeek.setUTCMinutes(0, 0, 0);
    return { closesAt: dateToWallTime(inAWeek, timeZone) };
  });
  const schema = openRoundSchema(timeZone);
  const form = useForm<OpenRoundValues, unknown, OpenRoundCommand>({
    resolver: zodResolver(schema) as unknown as Resolver<OpenRoundValues, unknown, OpenRoundCommand>,
    defaultValues,
  });
  const { errors, isSubmitting } = form.formState;
  // No date asks for one; one in the past says so (the form's own rule); one outside the dates the
  // domain accepts is to be checked.
  const message = useFieldErrors(schema, {
    closesAt: { invalid_type: "closesAtRequired", other: "invalid" },
  });

  const submit = form.handleSubmit(async ({ closesAt }) => {
    setProblem(null);
    try {
      await onSubmit(closesAt);
    } catch (e) {
      setProblem(toApiProblem(e));
    }
  });

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        if (isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <Field
        id={`${id}-closes`}
        label={t("closesAt")}
        hint={t("closesAtHint", { timeZone })}
        error={message("closesAt", errors.closesAt)}
        required
        className="max-w-sm"
      >
        {(control) => <input type="datetime-local" {...form.register("closesAt")} {...control} />}
      </Field>
      <p className="text-sm text-slate-700">{t("ruleNote")}</p>
      {problem ? <ActionProblem title={t("failed")} problem={problem} /> : null}
      <div>
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("opening") : t("submit")}
        </button>
      </div>
    </form>
  );
}
