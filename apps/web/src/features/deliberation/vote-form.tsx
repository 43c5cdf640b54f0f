"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CastVoteInput } from "@lodestone/domain/deliberation";
import { VOTE_CHOICES, type VoteChoice } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { useFieldErrors } from "@/features/forms/field-errors";
import { Field, FieldGroup } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

/** The domain's vote as the form holds it: no choice yet, the reason as typed ("" for none). */
interface VoteValues {
  roundId: string;
  choice: VoteChoice | undefined;
  reason: string;
}
type VoteCommand = z.output<typeof CastVoteInput>;

const FIELDS = ["choice", "reason"] as const;

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
  const form = useForm<VoteValues, unknown, VoteCommand>({
    // The form's values are the command's input, but for a choice not made yet (refused as such).
    resolver: zodResolver(CastVoteInput) as unknown as Resolver<VoteValues, unknown, VoteCommand>,
    defaultValues: { roundId, choice: current?.choice, reason: current?.reason ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const message = useFieldErrors(CastVoteInput, { choice: "choiceRequired", reason: "rejectReasonRequired" });
  const choiceError = message("choice", errors.choice);

  const submit = form.handleSubmit(async (vote) => {
    setProblem(null);
    setExplained(null);
    try {
      await onSubmit({ roundId, choice: vote.choice, reason: vote.reason ? vote.reason : null });
    } catch (error) {
      const p = toApiProblem(error);
      if (markServerFieldErrors(p, FIELDS, (f, o) => form.setError(f, { type: "server" }, o))) return;
      setExplained(describeProblem ? await describeProblem(p) : null);
      setProblem(p);
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <FieldGroup id={`${id}-choice`} legend={t("choiceLegend")} error={choiceError} className="">
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {VOTE_CHOICES.map((choice) => (
            <label key={choice} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="radio"
                value={choice}
                {...form.register("choice")}
                aria-invalid={choiceError ? true : undefined}
                className="h-4 w-4 accent-blue-800"
              />
              {tChoice(choice)}
            </label>
          ))}
        </div>
      </FieldGroup>
      <Field
        id={`${id}-reason`}
        label={t("reason")}
        hint={t("reasonHint")}
        error={message("reason", errors.reason)}
      >
        {(control) => <textarea rows={3} {...form.register("reason")} {...control} />}
      </Field>
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
