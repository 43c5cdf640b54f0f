"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { CreateProposalInput } from "@lodestone/domain/proposal";
import { useEffect, useEffectEvent, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import {
  commandOf,
  emptyProposalValues,
  ProposalFormSchema,
  SERVER_FIELDS,
  type ProposalFormOutput,
  type ProposalValues,
} from "./proposal-values";

interface ProposalFormOptions {
  initial?: ProposalValues;
  onSave: (command: CreateProposalInput) => Promise<void>;
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The proposal form's state: checked by the domain's schema before sending; a refusal from the
 * server marks the fields it names, or is kept as the form's problem. What was typed stays.
 */
export function useProposalForm({ initial, onSave, onDirtyChange }: ProposalFormOptions) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<ProposalValues, unknown, ProposalFormOutput>({
    defaultValues: initial ?? emptyProposalValues(),
    resolver: zodResolver(ProposalFormSchema) as unknown as Resolver<
      ProposalValues,
      unknown,
      ProposalFormOutput
    >,
    shouldFocusError: true,
  });
  const { isDirty } = form.formState;
  // Told on each change of `isDirty` only (the callback may be a new function on every render).
  const dirtyChanged = useEffectEvent((dirty: boolean) => onDirtyChange?.(dirty));
  useEffect(() => dirtyChanged(isDirty), [isDirty]);

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      await onSave(commandOf(values));
      form.reset(form.getValues());
      setSaved(true);
    } catch (error) {
      const found = toApiProblem(error);
      const mark = (
        field: (typeof SERVER_FIELDS)[number] | "site.country",
        options: { shouldFocus: boolean },
      ) => form.setError(field, { type: "server" }, options);
      let placed = false;
      if (found.code !== "CONFLICT") {
        placed = markServerFieldErrors(found, SERVER_FIELDS, mark);
        // A refusal of the site is shown on its country, the field the site starts with.
        const site = markServerFieldErrors(
          found,
          ["site"] as const,
          (_, o) => mark("site.country", o),
          !placed,
        );
        placed ||= site;
      }
      if (!placed) setProblem(found);
    }
  });

  return { form, problem, saved, submit };
}
