"use client";

import { LOCALES } from "@lodestone/domain/enums";
import type { CreateProposalInput } from "@lodestone/domain/proposal";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FormProvider } from "react-hook-form";
import { FormActions } from "@/features/forms/form-actions";
import { ResultMessage } from "@/features/ui/result-message";
import { DetailsSection } from "./details-section";
import { LanguageSection } from "./language-section";
import type { ProposalValues } from "./proposal-values";
import { SaveProblem } from "./save-problem";
import { SponsorsSection, type SponsorOption } from "./sponsors-section";
import { useProposalForm } from "./use-proposal-form";

export interface ProposalFormProps {
  initial?: ProposalValues;
  delegations: SponsorOption[];
  /** Label of the save button ("Save draft" or "Save"). */
  saveLabel: string;
  /** Saves the proposal; throws (a tRPC error) when refused. */
  onSave: (command: CreateProposalInput) => Promise<void>;
  /** Loads the latest saved version after a conflict. */
  onReload?: () => void;
  /** Shown after a successful save (already translated). */
  notice?: string | null;
  /** Further actions (submit, withdraw) beside the save button. */
  actions?: ReactNode;
  /** Told whether the form holds changes that are not saved yet. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * Every field of a proposal, in English and Japanese side by side. Checked by the domain's own
 * schema, with messages in the reader's language; what was typed stays when the server refuses.
 */
export function ProposalForm({
  initial,
  delegations,
  saveLabel,
  onSave,
  onReload,
  notice,
  actions,
  onDirtyChange,
}: ProposalFormProps) {
  const t = useTranslations("proposal.form");
  const { form, problem, saved, onSubmit } = useProposalForm({ initial, onSave, onDirtyChange });
  const { isSubmitting } = form.formState;
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-8" aria-label={t("label")}>
        <div className="grid gap-8 lg:grid-cols-2">
          {LOCALES.map((lang) => (
            <LanguageSection key={lang} lang={lang} />
          ))}
        </div>
        <DetailsSection />
        <SponsorsSection delegations={delegations} />
        {problem ? <SaveProblem problem={problem} onReload={onReload} /> : null}
        <ResultMessage message={saved ? t("saved") : (notice ?? null)} className="text-green-900" />
        <FormActions busy={isSubmitting} label={saveLabel} busyLabel={t("saving")}>
          {actions}
        </FormActions>
      </form>
    </FormProvider>
  );
}
