"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DELEGATION_KINDS, type DelegationKind } from "@lodestone/domain/vocabulary";
import { DelegationInput } from "@lodestone/domain/user";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { fieldErrorMessage } from "@/features/forms/field-errors";
import { ServerProblem } from "@/features/forms/server-problem";
import { Field, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";

export interface DelegationValues {
  code: string;
  nameEn: string;
  nameJa: string;
  kind: DelegationKind;
}

interface DelegationFormProps {
  mode: "create" | "edit";
  defaults?: DelegationValues;
  /** Saves; throws (a tRPC error) when refused. */
  onSave: (values: DelegationValues) => Promise<void>;
  onCancel: () => void;
}

const FIELDS = ["code", "nameEn", "nameJa", "kind"] as const;

export function DelegationForm({ mode, defaults, onSave, onCancel }: DelegationFormProps) {
  const t = useTranslations("admin.delegations.form");
  const tKinds = useTranslations("enums.delegationKind");
  const tErrors = useTranslations("forms.errors");
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<DelegationValues>({
    defaultValues: defaults ?? { code: "", nameEn: "", nameJa: "", kind: "PARTNER" },
    resolver: zodResolver(DelegationInput) as never,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await onSave(values);
    } catch (error) {
      const found = toApiProblem(error);
      if (found.code === "CONFLICT") {
        form.setError("code", { type: "taken" }, { shouldFocus: true });
        return;
      }
      const placed = markServerFieldErrors(found, FIELDS, (field, options) =>
        form.setError(field, { type: "server" }, options),
      );
      if (!placed) setProblem(found);
    }
  });

  const codeId = `${id}-code`;
  const enId = `${id}-en`;
  const jaId = `${id}-ja`;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void submit(event);
      }}
      className="flex flex-col gap-5"
      aria-label={mode === "create" ? t("createLabel") : t("editLabel")}
    >
      <Field
        id={codeId}
        label={t("code")}
        hint={t("codeHint")}
        error={fieldErrorMessage(tErrors, "code", errors.code)}
      >
        <input
          id={codeId}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={8}
          {...form.register("code", { setValueAs: (v: string) => v.trim().toUpperCase() })}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={describedBy(codeId, { hint: true, error: errors.code })}
          className={`${inputClass} font-mono uppercase`}
        />
      </Field>
      <Field id={enId} label={t("nameEn")} error={fieldErrorMessage(tErrors, "nameEn", errors.nameEn)}>
        <input
          id={enId}
          type="text"
          lang="en"
          autoComplete="off"
          {...form.register("nameEn")}
          aria-invalid={errors.nameEn ? true : undefined}
          aria-describedby={describedBy(enId, { error: errors.nameEn })}
          className={inputClass}
        />
      </Field>
      <Field id={jaId} label={t("nameJa")} error={fieldErrorMessage(tErrors, "nameJa", errors.nameJa)}>
        <input
          id={jaId}
          type="text"
          lang="ja"
          autoComplete="off"
          {...form.register("nameJa")}
          aria-invalid={errors.nameJa ? true : undefined}
          aria-describedby={describedBy(jaId, { error: errors.nameJa })}
          className={inputClass}
        />
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-semibold text-slate-900">{t("kind")}</legend>
        <div className="flex flex-wrap gap-3">
          {DELEGATION_KINDS.map((kind) => (
            <label
              key={kind}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-4 py-2 has-[:checked]:border-blue-800 has-[:checked]:bg-blue-50 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-700"
            >
              <input
                type="radio"
                value={kind}
                {...form.register("kind")}
                className="h-4 w-4 accent-blue-800"
              />
              {tKinds(kind)}
            </label>
          ))}
        </div>
        {errors.kind ? (
          <p className="text-sm font-medium text-red-800">
            {fieldErrorMessage(tErrors, "kind", errors.kind)}
          </p>
        ) : null}
      </fieldset>
      {problem ? <ServerProblem title={t("failed")} problem={problem} /> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" onClick={onCancel} className={secondaryButton}>
          {t("cancel")}
        </button>
        <button type="submit" aria-disabled={isSubmitting || undefined} className={primaryButton}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("saving") : mode === "create" ? t("create") : t("save")}
        </button>
      </div>
    </form>
  );
}
