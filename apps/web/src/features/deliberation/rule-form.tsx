"use client";

import { APPROVAL_RULES, DecisionRule } from "@lodestone/domain/decision";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

interface RuleFormProps {
  initial: DecisionRule;
  /** Delegation codes that may be counted. */
  codes: string[];
  nameOf: (code: string) => string;
  onSubmit: (rule: DecisionRule) => Promise<void>;
  onCancel: () => void;
}

/** Changing a round's decision rule (until the first vote). */
export function RuleForm({ initial, codes, nameOf, onSubmit, onCancel }: RuleFormProps) {
  const t = useTranslations("review.rule");
  const id = useId();
  const [counted, setCounted] = useState<string[]>(initial.countedDelegations);
  const [required, setRequired] = useState<string[]>(initial.requiredDelegations);
  const [quorum, setQuorum] = useState(String(Math.round(initial.quorum * 1000) / 10));
  const [approval, setApproval] = useState<DecisionRule["approval"]>(initial.approval);
  const [errors, setErrors] = useState<Partial<Record<"counted" | "required" | "quorum", string>>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const all = [...new Set([...codes, ...initial.countedDelegations])].sort();
  const toggle = (list: string[], code: string, on: boolean) =>
    on ? [...new Set([...list, code])].sort() : list.filter((c) => c !== code);

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        const share = Number(quorum) / 100;
        const parsed = DecisionRule.safeParse({
          countedDelegations: counted,
          requiredDelegations: required,
          quorum: quorum.trim() === "" ? Number.NaN : share,
          approval,
        });
        if (!parsed.success) {
          const next: typeof errors = {};
          for (const issue of parsed.error.issues) {
            const field = issue.path[0];
            if (field === "countedDelegations") next.counted = t("countedRequired");
            // None required (too_small) would approve whatever the votes; the refinement names a
            // required delegation that is not counted. The first issue wins.
            if (field === "requiredDelegations")
              next.required ??= issue.code === "too_small" ? t("requiredAtLeastOne") : t("requiredCounted");
            if (field === "quorum") next.quorum = t("quorumRange");
          }
          setErrors(next);
          return;
        }
        setErrors({});
        setProblem(null);
        setBusy(true);
        try {
          await onSubmit(parsed.data);
        } catch (error) {
          setProblem(toApiProblem(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset aria-describedby={errors.counted ? `${id}-counted-error` : undefined}>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("counted")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {all.map((code) => (
            <label key={code} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                checked={counted.includes(code)}
                onChange={(e) => {
                  setCounted(toggle(counted, code, e.target.checked));
                  if (!e.target.checked) setRequired(toggle(required, code, false));
                }}
                className="h-4 w-4 accent-blue-800"
              />
              {nameOf(code)}
            </label>
          ))}
        </div>
        {errors.counted ? <FieldError id={`${id}-counted-error`}>{errors.counted}</FieldError> : null}
      </fieldset>
      <fieldset aria-describedby={errors.required ? `${id}-required-error` : undefined}>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("required")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {all.map((code) => (
            <label key={code} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                checked={required.includes(code)}
                disabled={!counted.includes(code)}
                onChange={(e) => setRequired(toggle(required, code, e.target.checked))}
                className="h-4 w-4 accent-blue-800"
              />
              {nameOf(code)}
            </label>
          ))}
        </div>
        {errors.required ? <FieldError id={`${id}-required-error`}>{errors.required}</FieldError> : null}
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
          value={quorum}
          onChange={(e) => setQuorum(e.target.value)}
          aria-invalid={errors.quorum ? true : undefined}
          aria-describedby={describedBy(`${id}-quorum`, { hint: true, error: errors.quorum })}
          className={inputClass}
        />
        {errors.quorum ? <FieldError id={`${id}-quorum-error`}>{errors.quorum}</FieldError> : null}
      </div>
      <div className="flex max-w-md flex-col gap-1.5">
        <label htmlFor={`${id}-approval`} className="text-sm font-semibold text-slate-900">
          {t("approval")}
        </label>
        <select
          id={`${id}-approval`}
          value={approval}
          onChange={(e) => setApproval(e.target.value as DecisionRule["approval"])}
          className={inputClass}
        >
          {APPROVAL_RULES.map((rule) => (
            <option key={rule} value={rule}>
              {t(`approvalRule.${rule}`)}
            </option>
          ))}
        </select>
      </div>
      {problem ? <ActionProblem title={t("failed")} problem={problem} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton} aria-disabled={busy || undefined}>
          {busy ? <Spinner tone="light" /> : null}
          {t("save")}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
