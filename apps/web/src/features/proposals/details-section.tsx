"use client";

import { COMMODITIES, LOCALES, SUPPLY_CHAIN_STAGES } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { ProposalSelectField, ProposalTextField } from "./proposal-fields";
import type { ProposalValues } from "./proposal-values";
import { proposedTimeZone, siteTimeZones } from "./site-time-zone";
import { SiteTimeZoneField } from "./site-time-zone-field";

/** What the project is and where: binding language, commodity, stage, site, capacity and capex. */
export function DetailsSection() {
  const t = useTranslations("proposal.form");
  const tEnums = useTranslations("enums");
  const tLanguage = useTranslations("languageNames");
  const { getValues, setValue } = useFormContext<ProposalValues>();
  // A country with one zone proposes it; with several, the choice is left to the reader.
  const proposeZone = (event: { target: { value: string } }) => {
    const zones = siteTimeZones(event.target.value);
    if (zones.length > 0 && !zones.includes(getValues("site.timeZone"))) {
      setValue("site.timeZone", proposedTimeZone(event.target.value) ?? "", { shouldDirty: true });
    }
  };
  return (
    <fieldset className="grid gap-5 sm:grid-cols-2">
      <legend className="mb-3 text-lg font-semibold text-slate-900">{t("details")}</legend>
      <ProposalSelectField
        name="bindingLanguage"
        label={t("bindingLanguage")}
        choices={LOCALES.map((value) => ({ value, label: tLanguage(value) }))}
      />
      <ProposalSelectField
        name="commodity"
        label={t("commodity")}
        choices={COMMODITIES.map((value) => ({ value, label: tEnums(`commodity.${value}`) }))}
        placeholder={t("choose")}
      />
      <ProposalSelectField
        name="stage"
        label={t("stage")}
        choices={SUPPLY_CHAIN_STAGES.map((value) => ({ value, label: tEnums(`stage.${value}`) }))}
        placeholder={t("choose")}
      />
      <ProposalTextField
        name="site.country"
        label={t("country")}
        hint={t("countryHint")}
        options={{ onChange: proposeZone }}
      />
      <SiteTimeZoneField />
      <ProposalTextField name="site.region" label={t("region")} />
      <ProposalTextField
        name="site.latitude"
        label={t("latitude")}
        inputMode="decimal"
        hint={t("optional")}
      />
      <ProposalTextField
        name="site.longitude"
        label={t("longitude")}
        inputMode="decimal"
        hint={t("optional")}
      />
      <ProposalTextField name="capacityTpy" label={t("capacity")} inputMode="numeric" />
      <ProposalTextField name="capexUsd" label={t("capex")} inputMode="numeric" />
    </fieldset>
  );
}
