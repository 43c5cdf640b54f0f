"use client";

import { useState, type BaseSyntheticEvent } from "react";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "./api-problem";
import type { OwnErrorKey } from "./field-errors";

export interface ServerSubmitOptions<V extends FieldValues> {
  /**
   * The fields the server may name in a refusal, in the form's order: each is marked on the form's
   * field of that name (or the one `shownOn` gives), the first marked one focused.
   */
  fields: readonly FieldPath<V>[];
  /** Where a server field's error is shown when the form has no field of that name. */
  shownOn?: Partial<Record<FieldPath<V>, FieldPath<V>>>;
  /** A conflict (CONFLICT) means this field's value is already taken: marked "taken" and focused. */
  conflictOn?: FieldPath<V>;
  /** The message a marked field shows, when not its own for a server error (`fieldErrorKey`). */
  message?: OwnErrorKey;
  /** False: a marked field is not focused (the form stays where the reader is). */
  focus?: boolean;
}

/**
 * Sends a form after its own checks, through `save`. When the server refuses, the fields it names
 * are marked on the form (in the reader's language), or else the refusal is kept as the form's
 * `problem`, shown above its buttons; what was typed stays. A new attempt clears the problem, and a
 * submit while one is being sent is ignored.
 */
export function useServerSubmit<V extends FieldValues, C, O extends FieldValues>(
  form: UseFormReturn<V, C, O>,
  save: (values: O) => Promise<void>,
  { fields, shownOn, conflictOn, message, focus = true }: ServerSubmitOptions<V>,
): {
  problem: ApiProblem | null;
  /** The form element's `onSubmit`. */
  onSubmit: (event: BaseSyntheticEvent) => void;
} {
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await save(values);
    } catch (error) {
      const found = toApiProblem(error);
      if (conflictOn !== undefined && found.code === "CONFLICT") {
        form.setError(conflictOn, { type: "taken" }, { shouldFocus: true });
        return;
      }
      const placed = markServerFieldErrors(
        found,
        fields,
        (field, options) => form.setError(shownOn?.[field] ?? field, { type: "server", message }, options),
        focus,
      );
      if (!placed) setProblem(found);
    }
  });

  return {
    problem,
    onSubmit: (event) => {
      if (form.formState.isSubmitting) event.preventDefault();
      else void submit(event);
    },
  };
}
