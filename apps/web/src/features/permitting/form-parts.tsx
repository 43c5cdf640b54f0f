"use client";

import { useState, type ReactNode } from "react";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { Field } from "@/features/ui/field";

// What the permitting dialogs' forms share: their date and text fields, the server's minimum
// length for a text (a justification, a determination, a summary), and how a submission runs.

/** The server's texts are at least this long (a justification, a determination, a reason, a summary). */
export const MIN_TEXT = 3;
export const MAX_TEXT = 2000;

export const tooShort = (text: string) => text.trim().length < MIN_TEXT;

export const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export type Errors = Record<string, string | null>;

export const hasErrors = (errors: Errors) => Object.values(errors).some(Boolean);

/** Focuses the first field with an error (in the form's order); true when there was one. */
export function focusFirst(id: string, errors: Errors, order: readonly string[]): boolean {
  const first = order.find((f) => errors[f]);
  if (first) document.getElementById(`${id}-${first}`)?.focus();
  return first !== undefined;
}

/** Runs an action as a form's submission: busy meanwhile (a second submit is ignored), the server's refusal kept to show. */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

export function DateInput({
  id,
  label,
  hint,
  value,
  error,
  max,
  onChange,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error: string | null | undefined;
  max?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error ?? null} required>
      {(control) => (
        <input
          type="date"
          value={value}
          max={max}
          onChange={(event) => onChange(event.target.value)}
          {...control}
          className={`${control.className} max-w-[12rem]`}
        />
      )}
    </Field>
  );
}

export function TextArea({
  id,
  label,
  hint,
  value,
  error,
  required = true,
  rows = 3,
  onChange,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error: string | null | undefined;
  required?: boolean;
  rows?: number;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error ?? null} required={required}>
      {(control) => (
        <textarea
          rows={rows}
          maxLength={MAX_TEXT}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...control}
        />
      )}
    </Field>
  );
}
