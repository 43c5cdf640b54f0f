"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { Locale } from "@lodestone/domain/enums";
import { UpdateProfileInput } from "@lodestone/domain/user";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldErrors } from "@/features/forms/field-errors";
import { SubmitButton } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { rememberLocale } from "@/features/i18n/actions";
import { SUPPORTED_LOCALES } from "@/features/i18n/config";
import { TimeZoneSelect } from "@/features/i18n/time-zone-select";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { Field, FieldGroup } from "@/features/ui/field";
import { useTRPC } from "@/trpc/react";

export interface ProfileValues {
  name: string;
  locale: Locale;
  timeZone: string;
}

interface ProfileFormProps {
  initial: ProfileValues;
  timeZones: TimeZoneGroup[];
}

/** The signed-in person's name, language and time zone; the page follows at once when saved. */
export function ProfileForm({ initial, timeZones }: ProfileFormProps) {
  const t = useTranslations("profile");
  const message = useFieldErrors(UpdateProfileInput);
  const tLocales = useTranslations("locales");
  const id = useId();
  const router = useRouter();
  const trpc = useTRPC();
  const [saved, setSaved] = useState(false);

  const form = useForm<ProfileValues>({
    defaultValues: initial,
    resolver: zodResolver(UpdateProfileInput) as never,
  });
  const { errors, isSubmitting } = form.formState;
  const update = useMutation(trpc.user.updateProfile.mutationOptions());

  const { problem, onSubmit } = useServerSubmit(
    form,
    async (values) => {
      setSaved(false);
      await update.mutateAsync(values);
      await rememberLocale(values.locale);
      setSaved(true);
      // The language and time zone come from the profile: render the page again with them.
      router.refresh();
    },
    // The fields are marked where they are, without moving the reader to them.
    { fields: ["name", "locale", "timeZone"], focus: false },
  );

  const field = (name: keyof ProfileValues) => message(name, errors[name]);

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onChange={() => setSaved(false)}
      className="flex max-w-xl flex-col gap-6"
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`} className="sr-only">
        {t("formLabel")}
      </h2>
      <Field id={`${id}-name`} label={t("name")} error={field("name")}>
        {(control) => <input type="text" autoComplete="name" {...form.register("name")} {...control} />}
      </Field>

      <FieldGroup id={`${id}-locale`} legend={t("language")} hint={t("languageHint")} error={field("locale")}>
        <div className="flex flex-wrap gap-3">
          {SUPPORTED_LOCALES.map((locale) => (
            <label
              key={locale}
              lang={locale}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-4 py-2 has-[:checked]:border-blue-800 has-[:checked]:bg-blue-50 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-700"
            >
              <input
                type="radio"
                value={locale}
                {...form.register("locale")}
                className="h-4 w-4 accent-blue-800"
              />
              {tLocales(locale)}
            </label>
          ))}
        </div>
      </FieldGroup>

      <Field id={`${id}-zone`} label={t("timeZone")} hint={t("timeZoneHint")} error={field("timeZone")}>
        {(control) => <TimeZoneSelect groups={timeZones} {...form.register("timeZone")} {...control} />}
      </Field>

      {problem ? <ServerProblem title={t("saveFailed")} problem={problem} /> : null}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton busy={isSubmitting} label={t("save")} busyLabel={t("saving")} />
        <p role="status" className="text-sm font-medium text-green-800">
          {saved ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
