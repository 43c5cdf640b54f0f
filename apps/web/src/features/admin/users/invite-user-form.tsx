"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { Locale, Role } from "@lodestone/domain/enums";
import { InviteUserInput } from "@lodestone/domain/user";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { SUPPORTED_LOCALES } from "@/features/i18n/config";
import { TimeZoneSelect } from "@/features/i18n/time-zone-select";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { Field } from "@/features/ui/field";
import { affiliationIssues, type DelegationOption, type OrganisationOption } from "../affiliation";
import { AffiliationFields } from "./affiliation-fields";
import { useRoleAffiliation } from "./use-role-affiliation";

/** What the form holds: the command's shape, with "no role chosen yet" allowed. */
export interface InviteValues {
  name: string;
  email: string;
  role: Role | "";
  delegation: string | null;
  organisationId: string | null;
  locale: Locale;
  timeZone: string;
}

/** The command sent to `user.invite`, checked by the domain's own schema (plus the affiliation rule). */
export type InviteCommand = {
  name: string;
  email: string;
  role: Role;
  delegation: string | null;
  organisationId: string | null;
  locale: Locale;
  timeZone: string;
};

const InviteSchema = InviteUserInput.superRefine(affiliationIssues);

const FIELDS = ["name", "email", "role", "delegation", "organisationId", "locale", "timeZone"] as const;

export interface InviteUserFormProps {
  delegations: DelegationOption[];
  organisations: OrganisationOption[];
  optionsPending?: boolean;
  timeZones: TimeZoneGroup[];
  /** Creates the account and sends the invitation; throws (a tRPC error) when refused. */
  onInvite: (command: InviteCommand) => Promise<void>;
  onCancel: () => void;
}

/**
 * Invite someone: name, address, role with the delegation or organisation it needs, language and
 * time zone. Checked as the API will check it, with messages in the reader's language; what was
 * typed stays when the server refuses.
 */
export function InviteUserForm({
  delegations,
  organisations,
  optionsPending,
  timeZones,
  onInvite,
  onCancel,
}: InviteUserFormProps) {
  const t = useTranslations("admin.users.form");
  const tInvite = useTranslations("admin.users.invite");
  const message = useFieldErrors(InviteUserInput);
  const tLocales = useTranslations("locales");
  const id = useId();

  const form = useForm<InviteValues, unknown, InviteCommand>({
    defaultValues: {
      name: "",
      email: "",
      role: "",
      delegation: null,
      organisationId: null,
      locale: "en",
      timeZone: "UTC",
    },
    resolver: zodResolver(InviteSchema) as never,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  // A delegation only for delegates, an organisation only for partners.
  const role = useRoleAffiliation(form);

  // A conflict: someone already has this address.
  const { problem, onSubmit } = useServerSubmit(form, onInvite, { fields: FIELDS, conflictOn: "email" });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-label={tInvite("formLabel")}>
      <Field id={`${id}-name`} label={t("name")} error={message("name", errors.name)} required>
        {(control) => <input type="text" autoComplete="off" {...form.register("name")} {...control} />}
      </Field>
      <Field
        id={`${id}-email`}
        label={t("email")}
        hint={tInvite("emailHint")}
        error={message("email", errors.email)}
        required
      >
        {(control) => (
          <input
            type="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.register("email")}
            {...control}
          />
        )}
      </Field>
      <AffiliationFields
        idPrefix={id}
        register={
          form.register as unknown as UseFormRegister<
            Pick<InviteValues, "role" | "delegation" | "organisationId">
          >
        }
        errors={errors}
        role={role}
        delegations={delegations}
        organisations={organisations}
        optionsPending={optionsPending}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-locale`} label={t("language")} error={message("locale", errors.locale)}>
          {(control) => (
            <select {...form.register("locale")} {...control}>
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {tLocales(locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-zone`} label={t("timeZone")} error={message("timeZone", errors.timeZone)}>
          {(control) => <TimeZoneSelect groups={timeZones} {...form.register("timeZone")} {...control} />}
        </Field>
      </div>
      <p className="text-sm text-slate-600">{tInvite("explainMail")}</p>
      {problem ? <ServerProblem title={tInvite("failed")} problem={problem} /> : null}
      <FormActions
        busy={isSubmitting}
        label={tInvite("submit")}
        busyLabel={tInvite("submitting")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
