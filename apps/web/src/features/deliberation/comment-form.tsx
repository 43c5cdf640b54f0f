"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { EditCommentInput } from "@lodestone/domain/deliberation";
import { STANCES, Stance } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

const body = EditCommentInput.shape.body;
const ThreadSchema = z.object({ stance: Stance, body });
const ReplySchema = z.object({ stance: z.null(), body });

export interface CommentFormValues {
  stance: Stance | null;
  body: string;
}

interface CommentFormProps {
  /** A new thread takes a stance; a reply or an edit does not. */
  kind: "thread" | "reply" | "edit";
  initialBody?: string;
  submitLabel: string;
  busyLabel: string;
  /** Throws the API's error when refused. */
  onSubmit: (values: { stance: Stance | null; body: string }) => Promise<void>;
  onCancel?: () => void;
}

/** Writing a comment: markdown text and, on a new thread, a stance. */
export function CommentForm({
  kind,
  initialBody = "",
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
}: CommentFormProps) {
  const t = useTranslations("discussion.form");
  const tStance = useTranslations("discussion.stance");
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<CommentFormValues>({
    resolver: zodResolver(kind === "thread" ? ThreadSchema : ReplySchema) as never,
    defaultValues: { stance: null, body: initialBody },
  });
  const { errors, isSubmitting } = form.formState;
  const bodyError = errors.body
    ? errors.body.type === "too_big"
      ? t("bodyTooLong")
      : errors.body.type === "server"
        ? (errors.body.message ?? t("bodyRequired"))
        : t("bodyRequired")
    : null;

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit({ stance: kind === "thread" ? values.stance : null, body: values.body.trim() });
      form.reset({ stance: null, body: kind === "edit" ? values.body.trim() : "" });
    } catch (error) {
      const p = toApiProblem(error);
      const placed = markServerFieldErrors(p, ["body", "stance"] as const, (field, options) =>
        form.setError(field, { type: "server", message: p.fieldErrors?.[field]?.[0] }, options),
      );
      if (!placed) setProblem(p);
    }
  });

  const bodyId = `${id}-body`;
  const label = kind === "thread" ? t("threadLabel") : kind === "reply" ? t("replyLabel") : t("editLabel");
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      {kind === "thread" ? (
        <fieldset aria-describedby={errors.stance ? `${id}-stance-error` : undefined}>
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t("stanceLegend")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {STANCES.map((stance) => (
              <label key={stance} className="inline-flex items-center gap-2 text-sm text-slate-900">
                <input
                  type="radio"
                  value={stance}
                  {...form.register("stance")}
                  aria-invalid={errors.stance ? true : undefined}
                  className="h-4 w-4 accent-blue-800"
                />
                {tStance(stance)}
              </label>
            ))}
          </div>
          {errors.stance ? <FieldError id={`${id}-stance-error`}>{t("stanceRequired")}</FieldError> : null}
        </fieldset>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <label htmlFor={bodyId} className="text-sm font-semibold text-slate-900">
          {label}
        </label>
        <p id={`${bodyId}-hint`} className="text-sm text-slate-600">
          {t("markdownHint")}
        </p>
        <textarea
          id={bodyId}
          rows={kind === "thread" ? 5 : 3}
          {...form.register("body")}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={describedBy(bodyId, { hint: true, error: bodyError })}
          className={inputClass}
        />
        {bodyError ? <FieldError id={`${bodyId}-error`}>{bodyError}</FieldError> : null}
      </div>
      {problem ? <ActionProblem title={t("failed")} problem={problem} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={secondaryButton} onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
