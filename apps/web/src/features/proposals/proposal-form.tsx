"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  COMMODITIES,
  Commodity,
  Locale,
  LOCALES,
  SUPPLY_CHAIN_STAGES,
  SupplyChainStage,
  TRANSLATION_STATUSES,
  TranslationStatus,
} from "@lodestone/domain/enums";
import type { CreateProposalInput, ProposalFields } from "@lodestone/domain/proposal";
import { IanaTimeZone } from "@lodestone/domain/time-zone";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { fieldErrorMessage } from "@/features/forms/field-errors";
import { ServerProblem } from "@/features/forms/server-problem";
import { Field, FieldError, describedBy } from "@/features/ui/field";
import { ResultMessage } from "@/features/ui/result-message";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { allSiteTimeZones, proposedTimeZone, siteTimeZones } from "./site-time-zone";

/** What the form holds: every field as typed (numbers as text). */
export interface ProposalValues {
  titleEn: string;
  titleJa: string;
  summaryEn: string;
  summaryJa: string;
  bodyEn: string;
  bodyJa: string;
  bindingLanguage: Locale;
  translationEn: TranslationStatus;
  translationJa: TranslationStatus;
  commodity: Commodity | "";
  stage: SupplyChainStage | "";
  country: string;
  /** The site's IANA time zone; "" until chosen. */
  timeZone: string;
  region: string;
  latitude: string;
  longitude: string;
  capacityTpy: string;
  capexUsd: string;
  sponsors: string[];
}

const wholeNumber = (max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().max(max));

const optionalNumber = (limit: number) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(z.number().min(-limit).max(limit).nullable());

const ProposalSchema = z.object({
  titleEn: z.string().trim().max(200),
  titleJa: z.string().trim().max(200),
  summaryEn: z.string().trim().max(2_000),
  summaryJa: z.string().trim().max(2_000),
  bodyEn: z.string().trim().max(50_000),
  bodyJa: z.string().trim().max(50_000),
  bindingLanguage: Locale,
  translationEn: TranslationStatus,
  translationJa: TranslationStatus,
  commodity: Commodity,
  stage: SupplyChainStage,
  country: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/)),
  timeZone: z.union([z.literal(""), IanaTimeZone]),
  region: z.string().trim().max(200),
  latitude: optionalNumber(90),
  longitude: optionalNumber(180),
  capacityTpy: wholeNumber(100_000_000),
  capexUsd: wholeNumber(1_000_000_000_000),
  sponsors: z.array(z.string()).max(20),
});
type ProposalOutput = z.output<typeof ProposalSchema>;

const FIELDS = [
  "titleEn",
  "titleJa",
  "summaryEn",
  "summaryJa",
  "bodyEn",
  "bodyJa",
  "bindingLanguage",
  "translationEn",
  "translationJa",
  "commodity",
  "stage",
  "country",
  "timeZone",
  "region",
  "latitude",
  "longitude",
  "capacityTpy",
  "capexUsd",
  "sponsors",
] as const;

export function emptyProposalValues(): ProposalValues {
  return {
    titleEn: "",
    titleJa: "",
    summaryEn: "",
    summaryJa: "",
    bodyEn: "",
    bodyJa: "",
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MISSING",
    commodity: "",
    stage: "",
    country: "",
    timeZone: "",
    region: "",
    latitude: "",
    longitude: "",
    capacityTpy: "",
    capexUsd: "",
    sponsors: [],
  };
}

export function proposalValuesOf(f: ProposalFields): ProposalValues {
  return {
    titleEn: f.titleEn,
    titleJa: f.titleJa,
    summaryEn: f.summaryEn,
    summaryJa: f.summaryJa,
    bodyEn: f.bodyEn,
    bodyJa: f.bodyJa,
    bindingLanguage: f.bindingLanguage,
    translationEn: f.translationEn,
    translationJa: f.translationJa,
    commodity: f.commodity,
    stage: f.stage,
    country: f.site.country,
    timeZone: f.site.timeZone ?? "",
    region: f.site.region,
    latitude: f.site.latitude === null ? "" : String(f.site.latitude),
    longitude: f.site.longitude === null ? "" : String(f.site.longitude),
    capacityTpy: String(f.capacityTpy),
    capexUsd: String(f.capexUsd),
    sponsors: [...f.sponsors],
  };
}

function commandOf(v: ProposalOutput): CreateProposalInput {
  return {
    titleEn: v.titleEn,
    titleJa: v.titleJa,
    summaryEn: v.summaryEn,
    summaryJa: v.summaryJa,
    bodyEn: v.bodyEn,
    bodyJa: v.bodyJa,
    bindingLanguage: v.bindingLanguage,
    translationEn: v.translationEn,
    translationJa: v.translationJa,
    commodity: v.commodity,
    stage: v.stage,
    site: {
      country: v.country,
      region: v.region,
      latitude: v.latitude,
      longitude: v.longitude,
      // Left out until chosen: the API then keeps the zone the project has.
      ...(v.timeZone ? { timeZone: v.timeZone } : {}),
    },
    capacityTpy: v.capacityTpy,
    capexUsd: v.capexUsd,
    sponsors: v.sponsors,
  };
}

export interface SponsorOption {
  code: string;
  nameEn: string;
  nameJa: string;
}

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
  actions?: React.ReactNode;
  /** Told whether the form holds changes that are not saved yet. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * Every field of a proposal, in English and Japanese side by side. Checked as the API checks it,
 * with messages in the reader's language; what was typed stays when the server refuses.
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
  const tErrors = useTranslations("forms.errors");
  const tEnums = useTranslations("enums");
  const tLanguage = useTranslations("languageNames");
  const locale = useLocale();
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);

  const form = useForm<ProposalValues, unknown, ProposalOutput>({
    defaultValues: initial ?? emptyProposalValues(),
    resolver: zodResolver(ProposalSchema) as never,
    shouldFocusError: true,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  // Told on each change of `isDirty` only (the callback is a new function on every render).
  useEffect(() => onDirtyChange?.(isDirty), [isDirty]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      await onSave(commandOf(values));
      form.reset(form.getValues());
      setSaved(true);
    } catch (error) {
      const found = toApiProblem(error);
      let placed = false;
      if (found.code !== "CONFLICT") {
        for (const field of FIELDS) {
          if (found.fieldErrors?.[field]?.length) {
            form.setError(field, { type: "server" }, { shouldFocus: !placed });
            placed = true;
          }
        }
        if (found.fieldErrors?.site?.length) {
          form.setError("country", { type: "server" }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (!placed) setProblem(found);
    }
  });

  const textInput = (
    field: Exclude<(typeof FIELDS)[number], "timeZone">,
    label: string,
    options: { multiline?: boolean; lang?: string; hint?: string; inputMode?: "numeric" | "decimal" } = {},
  ) => {
    const fieldId = `${id}-${field}`;
    const error = errors[field];
    const common = {
      id: fieldId,
      lang: options.lang,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(fieldId, { hint: options.hint, error }),
      className: inputClass,
    } as const;
    return (
      <Field
        id={fieldId}
        label={label}
        hint={options.hint}
        error={fieldErrorMessage(tErrors, field, error as { type?: string } | undefined)}
      >
        {options.multiline ? (
          <textarea rows={field.startsWith("body") ? 10 : 3} {...form.register(field)} {...common} />
        ) : (
          <input
            type="text"
            inputMode={options.inputMode}
            {...(field === "country" ? countryField : form.register(field))}
            {...common}
          />
        )}
      </Field>
    );
  };

  const select = (
    field: "bindingLanguage" | "translationEn" | "translationJa" | "commodity" | "stage",
    label: string,
    options: { value: string; label: string }[],
    placeholder?: string,
  ) => {
    const fieldId = `${id}-${field}`;
    const error = errors[field];
    return (
      <Field id={fieldId} label={label} error={fieldErrorMessage(tErrors, field, error)}>
        <select
          id={fieldId}
          {...form.register(field)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, { error })}
          className={inputClass}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
    );
  };

  // The site's zone: its country's zones (proposed outright when there is one), every zone while
  // the country is not known; the zone the project has is always among them.
  const country = form.watch("country");
  const currentZone = form.watch("timeZone");
  const countryZones = siteTimeZones(country);
  const zoneChoices = countryZones.length > 0 ? countryZones : allSiteTimeZones();
  if (currentZone && !zoneChoices.includes(currentZone)) zoneChoices.unshift(currentZone);
  const countryField = form.register("country", {
    onChange: (event: { target: { value: string } }) => {
      const zones = siteTimeZones(event.target.value);
      if (zones.length > 0 && !zones.includes(form.getValues("timeZone"))) {
        form.setValue("timeZone", proposedTimeZone(event.target.value) ?? "", { shouldDirty: true });
      }
    },
  });
  const timeZoneId = `${id}-timeZone`;
  const timeZoneHint = countryZones.length > 1 ? t("timeZoneChoose") : t("timeZoneHint");

  const translationOptions = TRANSLATION_STATUSES.map((value) => ({
    value,
    label: tEnums(`translationStatus.${value}`),
  }));
  const sponsorsError = fieldErrorMessage(tErrors, "sponsors", errors.sponsors as { type?: string });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void onSubmit(event);
      }}
      className="flex flex-col gap-8"
      aria-label={t("label")}
    >
      <div className="grid gap-8 lg:grid-cols-2">
        {LOCALES.map((lang) => {
          const suffix = lang === "en" ? "En" : "Ja";
          return (
            <fieldset key={lang} className="flex flex-col gap-5">
              <legend className="mb-3 text-lg font-semibold text-slate-900">
                {t("languageSection", { language: tLanguage(lang) })}
              </legend>
              {textInput(`title${suffix}`, t("title"), { lang })}
              {textInput(`summary${suffix}`, t("summary"), { multiline: true, lang })}
              {textInput(`body${suffix}`, t("body"), { multiline: true, lang, hint: t("bodyHint") })}
              {select(`translation${suffix}`, t("translation"), translationOptions)}
            </fieldset>
          );
        })}
      </div>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-lg font-semibold text-slate-900">{t("details")}</legend>
        {select(
          "bindingLanguage",
          t("bindingLanguage"),
          LOCALES.map((value) => ({ value, label: tLanguage(value) })),
        )}
        {select(
          "commodity",
          t("commodity"),
          COMMODITIES.map((value) => ({ value, label: tEnums(`commodity.${value}`) })),
          t("choose"),
        )}
        {select(
          "stage",
          t("stage"),
          SUPPLY_CHAIN_STAGES.map((value) => ({ value, label: tEnums(`stage.${value}`) })),
          t("choose"),
        )}
        {textInput("country", t("country"), { hint: t("countryHint") })}
        <Field
          id={timeZoneId}
          label={t("timeZone")}
          hint={timeZoneHint}
          error={fieldErrorMessage(tErrors, "timeZone", errors.timeZone)}
        >
          <select
            id={timeZoneId}
            {...form.register("timeZone")}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={describedBy(timeZoneId, { hint: timeZoneHint, error: errors.timeZone })}
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {zoneChoices.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        {textInput("region", t("region"))}
        {textInput("latitude", t("latitude"), { inputMode: "decimal", hint: t("optional") })}
        {textInput("longitude", t("longitude"), { inputMode: "decimal", hint: t("optional") })}
        {textInput("capacityTpy", t("capacity"), { inputMode: "numeric" })}
        {textInput("capexUsd", t("capex"), { inputMode: "numeric" })}
      </fieldset>

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={sponsorsError ? `${id}-sponsors-error` : undefined}
      >
        <legend className="mb-2 text-lg font-semibold text-slate-900">{t("sponsors")}</legend>
        {delegations.map((delegation) => (
          <label key={delegation.code} className="flex items-center gap-2 text-slate-900">
            <input
              type="checkbox"
              value={delegation.code}
              {...form.register("sponsors")}
              className="h-4 w-4"
            />
            {locale === "ja" ? delegation.nameJa : delegation.nameEn} ({delegation.code})
          </label>
        ))}
        {sponsorsError ? <FieldError id={`${id}-sponsors-error`}>{sponsorsError}</FieldError> : null}
      </fieldset>

      {problem?.code === "CONFLICT" ? (
        <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">{t("conflictTitle")}</p>
          <p className="mt-1">{t("conflictBody")}</p>
          {onReload ? (
            <button type="button" onClick={onReload} className={`${secondaryButton} mt-3`}>
              {t("reload")}
            </button>
          ) : null}
        </div>
      ) : problem ? (
        <ServerProblem title={t("saveFailed")} problem={problem} />
      ) : null}
      <ResultMessage message={saved ? t("saved") : (notice ?? null)} className="text-green-900" />
      <div className="flex flex-wrap justify-end gap-3">
        {actions}
        <button type="submit" aria-disabled={isSubmitting || undefined} className={primaryButton}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("saving") : saveLabel}
        </button>
      </div>
    </form>
  );
}
