"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CastVoteInput } from "@lodestone/domain/deliberation";
import { VOTE_CHOICES, type VoteChoice } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

interface VoteValues {
  roundId: string;
  choice: VoteChoice | undefined;
  reason: string;
}

interface VoteFormProps {
  roundId: string;
  /** The delegate's counted vote, if any (the form starts from it). */
  current: { choice: VoteChoice; reason: string | null } | null;
  /** Throws the API's error when refused. */
  onSubmit: (vote: { roundId: string; choice: VoteChoice; reason: string | null }) => Promise<void>;
  /** Turns a refusal into what to show (e.g. "the round has closed"). */
  describeProblem?: (problem: ApiProblem) => Promise<string | null>;
}

/** A delegate's vote: approve, reject or abstain, with a reason (required to reject). */
export function VoteForm({ roundId, current, onSubmit, describeProblem }: VoteFormProps) {
  const t = useTranslations("review.vote");
  const tChoice = useTranslations("review.choice");
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [explained, setExplained] = useState<string | null>(null);
  const form = useForm<VoteValues, unknown, z.output<typeof CastVoteInput>>({
    resolver: zodResolver(CastVoteInput as never) as never,
    defaultValues: { roundId, choice: current?.choice, reason: current?.reason ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const reasonId = `${id}-reason`;
  const reasonError = errors.reason
    ? errors.reason.type === "too_big"
      ? t("reasonTooLong")
      : t("reasonRequired")
    : null;

  const submit = form.handleSubmit(async (vote) => {
    setProblem(null);
    setExplained(null);
    try {
      await onSubmit({ roundId, choice: vote.choice, reason: vote.reason ? vote.reason : null });
    } catch (error) {
      const p = toApiProblem(error);
      if (
        markServerFieldErrors(p, ["choice", "reason"] as const, (f, o) =>
          form.setError(f, { type: "server" }, o),
        )
      )
        return;
      setExplained(describeProblem ? await describeProblem(p) : null);
      setProblem(p);
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <fieldset aria-describedby={errors.choice ? `${id}-choice-error` : undefined}>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("choiceLegend")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {VOTE_CHOICES.map((choice) => (
            <label key={choice} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="radio"
                value={choice}
                {...form.register("choice")}
                aria-invalid={errors.choice ? true : undefined}
                className="h-4 w-4 accent-blue-800"
              />
              {tChoice(choice)}
            </label>
          ))}
        </div>
        {errors.choice ? <FieldError id={`${id}-choice-error`}>{t("choiceRequired")}</FieldError> : null}
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={reasonId} className="text-sm font-semibold text-slate-900">
          {t("reason")}
        </label>
        <p id={`${reasonId}-hint`} className="text-sm text-slate-600">
          {t("reasonHint")}
        </p>
        <textarea
          id={reasonId}
          rows={3}
          {...form.register("reason")}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy(reasonId, { hint: true, error: reasonError })}
          className={inputClass}
        />
        {reasonError ? <FieldError id={`${reasonId}-error`}>{reasonError}</FieldError> : null}
      </div>
      {problem ? (
        explained ? (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-950"
          >
            {explained}
          </p>
        ) : (
          <ActionProblem title={t("failed")} problem={problem} />
        )
      ) : null}
      <div>
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("sending") : current ? t("change") : t("cast")}
        </button>
      </div>
    </form>
  );
}
