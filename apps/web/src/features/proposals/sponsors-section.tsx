"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { useFieldErrors } from "@/features/forms/field-errors";
import { FieldGroup } from "@/features/ui/field";
import { ProposalFormSchema, type ProposalValues } from "./proposal-values";

export interface SponsorOption {
  code: string;
  nameEn: string;
  nameJa: string;
}

/** The delegations that sponsor the proposal, one check box each. */
export function SponsorsSection({ delegations }: { delegations: SponsorOption[] }) {
  const t = useTranslations("proposal.form");
  const locale = useLocale();
  const id = `${useId()}-sponsors`;
  const { register, formState } = useFormContext<ProposalValues>();
  const message = useFieldErrors(ProposalFormSchema);
  return (
    <FieldGroup
      id={id}
      legend={t("sponsors")}
      error={message("sponsors", formState.errors.sponsors as { type?: string } | undefined)}
      legendClassName="mb-2 text-lg font-semibold text-slate-900"
    >
      {delegations.map((delegation) => (
        <label key={delegation.code} className="flex items-center gap-2 text-slate-900">
          <input type="checkbox" value={delegation.code} {...register("sponsors")} className="h-4 w-4" />
          {locale === "ja" ? delegation.nameJa : delegation.nameEn} ({delegation.code})
        </label>
      ))}
    </FieldGroup>
  );
}
