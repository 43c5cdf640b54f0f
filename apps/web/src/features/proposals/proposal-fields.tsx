"use client";

import { useId, type InputHTMLAttributes } from "react";
import { get, useFormContext, type FieldPath, type RegisterOptions } from "react-hook-form";
import { useFieldErrors } from "@/features/forms/field-errors";
import { Field } from "@/features/ui/field";
import { ProposalFormSchema, type ProposalValues } from "./proposal-values";

type Name = FieldPath<ProposalValues>;

/** The id, label, hint and translated error of one of the proposal's fields. */
function useProposalField(name: Name) {
  const prefix = useId();
  const { register, formState } = useFormContext<ProposalValues>();
  const message = useFieldErrors(ProposalFormSchema);
  const error = message(name, get(formState.errors, name) as { type?: string } | undefined);
  return { id: `${prefix}-${name.replace(".", "-")}`, error, register };
}

interface TextFieldProps {
  name: Name;
  label: string;
  hint?: string;
  lang?: string;
  /** A textarea of this many rows; a one-line input without. */
  rows?: number;
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  options?: RegisterOptions<ProposalValues, Name>;
}

/** A text field of the proposal (one line or several). */
export function ProposalTextField({ name, label, hint, lang, rows, inputMode, options }: TextFieldProps) {
  const { id, error, register } = useProposalField(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) =>
        rows ? (
          <textarea rows={rows} lang={lang} {...register(name, options)} {...control} />
        ) : (
          <input type="text" lang={lang} inputMode={inputMode} {...register(name, options)} {...control} />
        )
      }
    </Field>
  );
}

interface SelectFieldProps {
  name: Name;
  label: string;
  hint?: string;
  choices: { value: string; label: string }[];
  /** The first option, for no choice yet. */
  placeholder?: string;
}

/** A choice among fixed values. */
export function ProposalSelectField({ name, label, hint, choices, placeholder }: SelectFieldProps) {
  const { id, error, register } = useProposalField(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...register(name)} {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
