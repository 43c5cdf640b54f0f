"use client";

import type { Locale } from "@lodestone/domain/enums";
import { TRANSLATION_STATUSES } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";
import { ProposalSelectField, ProposalTextField } from "./proposal-fields";

/** The proposal's text in one language: title, summary, body and whether it is a translation. */
export function LanguageSection({ lang }: { lang: Locale }) {
  const t = useTranslations("proposal.form");
  const tEnums = useTranslations("enums");
  const tLanguage = useTranslations("languageNames");
  const suffix = lang === "en" ? "En" : "Ja";
  return (
    <fieldset className="flex flex-col gap-5">
      <legend className="mb-3 text-lg font-semibold text-slate-900">
        {t("languageSection", { language: tLanguage(lang) })}
      </legend>
      <ProposalTextField name={`title${suffix}`} label={t("title")} lang={lang} />
      <ProposalTextField name={`summary${suffix}`} label={t("summary")} lang={lang} rows={3} />
      <ProposalTextField
        name={`body${suffix}`}
        label={t("body")}
        lang={lang}
        rows={10}
        hint={t("bodyHint")}
      />
      <ProposalSelectField
        name={`translation${suffix}`}
        label={t("translation")}
        choices={TRANSLATION_STATUSES.map((value) => ({
          value,
          label: tEnums(`translationStatus.${value}`),
        }))}
      />
    </fieldset>
  );
}
