"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { APPROVAL_RULES, DecisionRule } from "@lodestone/domain/decision";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

interface RuleValues {
  countedDelegations: string[];
  requiredDelegations: string[];
  /** Percent, as typed. */
  quorum: string;
  approval: DecisionRule["approval"];
}

/** The form's values checked as the API checks a rule (quorum typed in percent, sent as a share). */
const RuleFormValues = z
  .object({
    countedDelegations: z.array(z.string()),
    requiredDelegations: z.array(z.string()),
    quorum: z.string(),
    approval: z.enum(APPROVAL_RULES),
  })
  .transform(({ quorum, ...rest }): z.input<typeof DecisionRule> => ({
    ...rest,
    quorum: quorum.trim() === "" ? Number.NaN : Number(quorum) / 100,
  }))
  .pipe(DecisionRule);

interface RuleFormProps {
  initial: DecisionRule;
  /** Delegation codes that may be counted. */
  codes: string[];
  nameOf: (code: string) => string;
  onSubmit: (rule: DecisionRule) => Promise<void>;
  onCancel: () => void;
}

/**
 * Changing a round's decision rule (until the first vote). Checked when sent, and after that again
 * on every change, so a message goes as soon as what it asks for is done.
 */
export function RuleForm({ initial, codes, nameOf, onSubmit, onCancel }: RuleFormProps) {
  const t = useTranslations("review.rule");
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<RuleValues, unknown, DecisionRule>({
    resolver: zodResolver(RuleFormValues as never) as never,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: {
      countedDelegations: initial.countedDelegations,
      requiredDelegations: initial.requiredDelegations,
      quorum: String(Math.round(initial.quorum * 1000) / 10),
      approval: initial.approval,
    },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const counted = useWatch({ control: form.control, name: "countedDelegations" });
  const required = useWatch({ control: form.control, name: "requiredDelegations" });
  const all = [...new Set([...codes, ...initial.countedDelegations])].sort();
  const toggle = (list: string[], code: string, on: boolean) =>
    on ? [...new Set([...list, code])].sort() : list.filter((c) => c !== code);
  /** The delegation lists are not inputs of their own: set them, and check again once sent. */
  const setList = (name: "countedDelegations" | "requiredDelegations", list: string[]) =>
    form.setValue(name, list, { shouldDirty: true, shouldValidate: isSubmitted });
  const countedError = errors.countedDelegations ? t("countedRequired") : null;
  // None required (too_small) would approve whatever the votes; otherwise a required delegation
  // is not counted.
  const requiredError = errors.requiredDelegations
    ? errors.requiredDelegations.type === "too_small"
      ? t("requiredAtLeastOne")
      : t("requiredCounted")
    : null;
  const quorumError = errors.quorum ? t("quorumRange") : null;

  const submit = form.handleSubmit(async (rule) => {
    setProblem(null);
    try {
      await onSubmit(rule);
    } catch (error) {
      setProblem(toApiProblem(error));
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
      <fieldset aria-describedby={countedError ? `${id}-counted-error` : undefined}>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("counted")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {all.map((code) => (
            <label key={code} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                checked={counted.includes(code)}
                onChange={(e) => {
                  setList("countedDelegations", toggle(counted, code, e.target.checked));
                  if (!e.target.checked) setList("requiredDelegations", toggle(required, code, false));
                }}
                className="h-4 w-4 accent-blue-800"
              />
              {nameOf(code)}
            </label>
          ))}
        </div>
        {countedError ? <FieldError id={`${id}-counted-error`}>{countedError}</FieldError> : null}
      </fieldset>
      <fieldset aria-describedby={requiredError ? `${id}-required-error` : undefined}>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("required")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {all.map((code) => (
            <label key={code} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                checked={required.includes(code)}
                disabled={!counted.includes(code)}
                onChange={(e) => setList("requiredDelegations", toggle(required, code, e.target.checked))}
                className="h-4 w-4 accent-blue-800"
              />
              {nameOf(code)}
            </label>
          ))}
        </div>
        {requiredError ? <FieldError id={`${id}-required-error`}>{requiredError}</FieldError> : null}
      </fieldset>
      <div className="flex max-w-xs flex-col gap-1.5">
        <label htmlFor={`${id}-quorum`} className="text-sm font-semibold text-slate-900">
          {t("quorumPercent")}
        </label>
        <p id={`${id}-quorum-hint`} className="text-sm text-slate-600">
          {t("quorumHint")}
        </p>
        <input
          id={`${id}-quorum`}
          type="number"
          inputMode="decimal"
          min={1}
          max={100}
          step="any"
          {...form.register("quorum")}
          aria-invalid={quorumError ? true : undefined}
          aria-describedby={describedBy(`${id}-quorum`, { hint: true, error: quorumError })}
          className={inputClass}
        />
        {quorumError ? <FieldError id={`${id}-quorum-error`}>{quorumError}</FieldError> : null}
      </div>
      {/* Radio buttons, not a select: each rule's wording wraps in full on a narrow screen. */}
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("approval")}</legend>
        <div className="flex flex-col gap-2">
          {APPROVAL_RULES.map((rule) => (
            <label key={rule} className="flex items-start gap-2 text-sm text-slate-900">
              <input
                type="radio"
                value={rule}
                {...form.register("approval")}
                className="mt-0.5 h-4 w-4 shrink-0 accent-blue-800"
              />
              <span className="min-w-0">{t(`approvalRule.${rule}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {problem ? <ActionProblem title={t("failed")} problem={problem} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {t("save")}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
