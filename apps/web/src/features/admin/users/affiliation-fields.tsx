"use client";

import { ROLES, type Role } from "@lodestone/domain/vocabulary";
import { useLocale, useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { fieldErrorMessage } from "@/features/forms/field-errors";
import { Field, describedBy } from "@/features/ui/field";
import { inputClass } from "@/features/ui/styles";
import { delegationName, type DelegationOption, type OrganisationOption } from "../affiliation";

interface AffiliationValues {
  role: Role | "";
  delegation: string | null;
  organisationId: string | null;
}

interface AffiliationFieldsProps {
  idPrefix: string;
  // Any form that has these three fields.
  register: UseFormRegister<AffiliationValues>;
  errors: FieldErrors<AffiliationValues>;
  role: Role | "";
  delegations: DelegationOption[];
  organisations: OrganisationOption[];
  /** The delegations and organisations are still loading. */
  optionsPending?: boolean;
}

const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

/** Role, and the delegation (delegates) or organisation (partners) that goes with it. */
export function AffiliationFields({
  idPrefix,
  register,
  errors,
  role,
  delegations,
  organisations,
  optionsPending = false,
}: AffiliationFieldsProps) {
  const t = useTranslations("admin.users.form");
  const tErrors = useTranslations("forms.errors");
  const tRoles = useTranslations("enums.role");
  const locale = useLocale();
  const roleId = `${idPrefix}-role`;
  const delegationId = `${idPrefix}-delegation`;
  const organisationId = `${idPrefix}-organisation`;

  return (
    <>
      <Field
        id={roleId}
        label={t("role")}
        hint={t("roleHint")}
        error={fieldErrorMessage(tErrors, "role", errors.role)}
      >
        <select
          id={roleId}
          {...register("role")}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={describedBy(roleId, { hint: true, error: errors.role })}
          className={inputClass}
        >
          <option value="">{t("chooseRole")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </select>
      </Field>
      {role === "DELEGATE" ? (
        <Field
          id={delegationId}
          label={t("delegation")}
          error={fieldErrorMessage(tErrors, "delegation", errors.delegation)}
        >
          <select
            id={delegationId}
            {...register("delegation", { setValueAs: emptyToNull })}
            aria-invalid={errors.delegation ? true : undefined}
            aria-describedby={describedBy(delegationId, { error: errors.delegation })}
            aria-busy={optionsPending || undefined}
            className={inputClass}
          >
            <option value="">{optionsPending ? t("loadingOptions") : t("chooseDelegation")}</option>
            {delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {`${delegationName(d, locale)} (${d.code})`}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {role === "PARTNER" ? (
        <Field
          id={organisationId}
          label={t("organisation")}
          error={fieldErrorMessage(tErrors, "organisationId", errors.organisationId)}
        >
          <select
            id={organisationId}
            {...register("organisationId", { setValueAs: emptyToNull })}
            aria-invalid={errors.organisationId ? true : undefined}
            aria-describedby={describedBy(organisationId, { error: errors.organisationId })}
            aria-busy={optionsPending || undefined}
            className={inputClass}
          >
            <option value="">{optionsPending ? t("loadingOptions") : t("chooseOrganisation")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </>
  );
}
