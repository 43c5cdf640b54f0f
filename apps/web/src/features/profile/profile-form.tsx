"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { Locale } from "@lodestone/domain/enums";
import { UpdateProfileInput } from "@lodestone/domain/user";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { useFieldErrors } from "@/features/forms/field-errors";
import { ServerProblem } from "@/features/forms/server-problem";
import { rememberLocale } from "@/features/i18n/actions";
import { SUPPORTED_LOCALES } from "@/features/i18n/config";
import { TimeZoneSelect } from "@/features/i18n/time-zone-select";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { Field, FieldGroup } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton } from "@/features/ui/styles";
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
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const form = useForm<ProfileValues>({
    defaultValues: initial,
    resolver: zodResolver(UpdateProfileInput) as never,
  });
  const { errors } = form.formState;
  const update = useMutation(trpc.user.updateProfile.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    setProblem(null);
    try {
      await update.mutateAsync(values);
      await rememberLocale(values.locale);
      setSaved(true);
      // The language and time zone come from the profile: render the page again with them.
      router.refresh();
    } catch (error) {
      const found = toApiProblem(error);
      const placed = markServerFieldErrors(
        found,
        ["name", "locale", "timeZone"] as const,
        (field, options) => form.setError(field, { type: "server" }, options),
        false,
      );
      if (!placed) setProblem(found);
    }
  });

  const field = (name: keyof ProfileValues) => message(name, errors[name]);
  const busy = form.formState.isSubmitting;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void onSubmit(event);
      }}
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
        <button type="submit" aria-disabled={busy || undefined} className={primaryButton}>
          {busy ? <Spinner tone="light" /> : null}
          {busy ? t("saving") : t("save")}
        </button>
        <p role="status" className="text-sm font-medium text-green-800">
          {saved ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
