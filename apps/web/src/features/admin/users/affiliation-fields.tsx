"use client";

import { ROLES, type Role } from "@lodestone/domain/vocabulary";
import { useLocale, useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { ChangeRoleInput } from "@lodestone/domain/user";
import { useFieldErrors } from "@/features/forms/field-errors";
import { Field } from "@/features/ui/field";
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
  const message = useFieldErrors(ChangeRoleInput);
  const tRoles = useTranslations("enums.role");
  const locale = useLocale();
  const roleId = `${idPrefix}-role`;
  const delegationId = `${idPrefix}-delegation`;
  const organisationId = `${idPrefix}-organisation`;

  return (
    <>
      <Field id={roleId} label={t("role")} hint={t("roleHint")} error={message("role", errors.role)} required>
        {(control) => (
          <select {...register("role")} {...control}>
            <option value="">{t("chooseRole")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === "DELEGATE" ? (
        <Field
          id={delegationId}
          label={t("delegation")}
          error={message("delegation", errors.delegation)}
          required
        >
          {(control) => (
            <select
              {...register("delegation", { setValueAs: emptyToNull })}
              {...control}
              aria-busy={optionsPending || undefined}
            >
              <option value="">{optionsPending ? t("loadingOptions") : t("chooseDelegation")}</option>
              {delegations.map((d) => (
                <option key={d.code} value={d.code}>
                  {`${delegationName(d, locale)} (${d.code})`}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {role === "PARTNER" ? (
        <Field
          id={organisationId}
          label={t("organisation")}
          error={message("organisationId", errors.organisationId)}
          required
        >
          {(control) => (
            <select
              {...register("organisationId", { setValueAs: emptyToNull })}
              {...control}
              aria-busy={optionsPending || undefined}
            >
              <option value="">{optionsPending ? t("loadingOptions") : t("chooseOrganisation")}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  );
}
