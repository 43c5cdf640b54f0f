"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { CreateProposalInput } from "@lodestone/domain/proposal";
import { useEffect, useEffectEvent, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useServerSubmit } from "@/features/forms/use-server-submit";
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

  // A conflict (someone else saved first) is the form's problem, with a way to load theirs.
  const { problem, onSubmit } = useServerSubmit(
    form,
    async (values) => {
      setSaved(false);
      await onSave(commandOf(values));
      form.reset(form.getValues());
      setSaved(true);
    },
    // A refusal of the site is shown on its country, the field the site starts with.
    { fields: [...SERVER_FIELDS, "site"], shownOn: { site: "site.country" } },
  );

  return { form, problem, saved, onSubmit };
}
