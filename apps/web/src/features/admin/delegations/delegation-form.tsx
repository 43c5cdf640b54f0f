"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DELEGATION_KINDS, type DelegationKind } from "@lodestone/domain/vocabulary";
import { DelegationInput } from "@lodestone/domain/user";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { Field, FieldGroup } from "@/features/ui/field";

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
  const message = useFieldErrors(DelegationInput);
  const id = useId();
  const form = useForm<DelegationValues>({
    defaultValues: defaults ?? { code: "", nameEn: "", nameJa: "", kind: "PARTNER" },
    resolver: zodResolver(DelegationInput) as never,
  });
  const { errors, isSubmitting } = form.formState;

  // A conflict: another delegation has this code.
  const { problem, onSubmit } = useServerSubmit(form, onSave, { fields: FIELDS, conflictOn: "code" });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      aria-label={mode === "create" ? t("createLabel") : t("editLabel")}
    >
      <Field
        id={`${id}-code`}
        label={t("code")}
        hint={t("codeHint")}
        error={message("code", errors.code)}
        required
      >
        {(control) => (
          <input
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            {...form.register("code", { setValueAs: (v: string) => v.trim().toUpperCase() })}
            {...control}
            className={`${control.className} font-mono uppercase`}
          />
        )}
      </Field>
      <Field id={`${id}-en`} label={t("nameEn")} error={message("nameEn", errors.nameEn)} required>
        {(control) => (
          <input type="text" lang="en" autoComplete="off" {...form.register("nameEn")} {...control} />
        )}
      </Field>
      <Field id={`${id}-ja`} label={t("nameJa")} error={message("nameJa", errors.nameJa)} required>
        {(control) => (
          <input type="text" lang="ja" autoComplete="off" {...form.register("nameJa")} {...control} />
        )}
      </Field>
      <FieldGroup id={`${id}-kind`} legend={t("kind")} error={message("kind", errors.kind)}>
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
      </FieldGroup>
      {problem ? <ServerProblem title={t("failed")} problem={problem} /> : null}
      <FormActions
        busy={isSubmitting}
        label={mode === "create" ? t("create") : t("save")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
