"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { useFieldErrors } from "@/features/forms/field-errors";
import { Field } from "@/features/ui/field";
import { ProposalFormSchema, type ProposalValues } from "./proposal-values";
import { allSiteTimeZones, siteTimeZones } from "./site-time-zone";

/**
 * The site's zone: its country's zones, every zone while the country is not known; the zone the
 * project has is always among them.
 */
export function SiteTimeZoneField() {
  const t = useTranslations("proposal.form");
  const id = `${useId()}-site-timeZone`;
  const { register, control, formState } = useFormContext<ProposalValues>();
  const message = useFieldErrors(ProposalFormSchema);
  const [country, current] = useWatch({ control, name: ["site.country", "site.timeZone"] });
  const countryZones = siteTimeZones(country);
  const choices = countryZones.length > 0 ? countryZones : allSiteTimeZones();
  if (current && !choices.includes(current)) choices.unshift(current);
  const hint = countryZones.length > 1 ? t("timeZoneChoose") : t("timeZoneHint");
  return (
    <Field
      id={id}
      label={t("timeZone")}
      hint={hint}
      error={message("site.timeZone", formState.errors.site?.timeZone)}
    >
      {(controlProps) => (
        <select {...register("site.timeZone")} {...controlProps}>
          <option value="">{t("choose")}</option>
          {choices.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
