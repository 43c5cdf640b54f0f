"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { APPROVAL_RULES, DecisionRule } from "@lodestone/domain/decision";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { fieldLimits, useFieldErrors } from "@/features/forms/field-errors";
import { numberFromText } from "@/features/forms/form-values";
import { Field, FieldGroup } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

interface RuleValues {
  countedDelegations: string[];
  requiredDelegations: string[];
  /** Percent, as typed. */
  quorum: string;
  approval: DecisionRule["approval"];
}

const { countedDelegations, requiredDelegations, approval } = DecisionRule.shape;
/** The domain's bounds on the quorum, a share of each delegation's delegates. */
const SHARE = fieldLimits(DecisionRule, "quorum");

/**
 * The rule's fields as the form holds them: the domain's, but the quorum typed in percent, within
 * the domain's bounds on the share (so its message names them in percent).
 */
export const RuleFormFields = z.object({
  countedDelegations,
  requiredDelegations,
  quorum: z.preprocess(
    numberFromText,
    z
      .number()
      .gt((SHARE.minimum ?? 0) * 100)
      .max((SHARE.maximum ?? 1) * 100),
  ),
  approval,
});
const QUORUM_PERCENT = fieldLimits(RuleFormFields, "quorum");

/** The form's values checked as the API checks a rule, the quorum sent as a share. */
const RuleFormSchema = RuleFormFields.transform(({ quorum, ...rest }): z.input<typeof DecisionRule> => ({
  ...rest,
  quorum: quorum / 100,
})).pipe(DecisionRule);

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
    resolver: zodResolver(RuleFormSchema) as unknown as Resolver<RuleValues, unknown, DecisionRule>,
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
  const message = useFieldErrors(RuleFormFields, {
    countedDelegations: "countedRequired",
    // None required (too_small) would approve whatever the votes; otherwise a required delegation
    // is not counted.
    requiredDelegations: { too_small: "requiredAtLeastOne", other: "requiredCounted" },
    quorum: "quorumRange",
  });

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
      <FieldGroup
        id={`${id}-counted`}
        legend={t("counted")}
        error={message("countedDelegations", errors.countedDelegations)}
        className=""
      >
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
      </FieldGroup>
      <FieldGroup
        id={`${id}-required`}
        legend={t("required")}
        error={message("requiredDelegations", errors.requiredDelegations)}
        className=""
      >
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
      </FieldGroup>
      <Field
        id={`${id}-quorum`}
        label={t("quorumPercent")}
        hint={t("quorumHint")}
        error={message("quorum", errors.quorum)}
        required
        className="max-w-xs"
      >
        {(control) => (
          <input
            type="number"
            inputMode="decimal"
            min={1}
            max={QUORUM_PERCENT.maximum}
            step="any"
            {...form.register("quorum")}
            {...control}
          />
        )}
      </Field>
      {/* Radio buttons, not a select: each rule's wording wraps in full on a narrow screen. */}
      <FieldGroup id={`${id}-approval`} legend={t("approval")} className="">
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
      </FieldGroup>
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
