"use client";

import type { Locale } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";
import { Fragment, useId, useState, type ReactNode } from "react";

type LanguageView = "both" | Locale;

/**
 * The choice of languages to read (both side by side, or one) and the columns it shows. The
 * columns come rendered (on the server, markdown included); only the choice runs here.
 */
export function LanguageColumns({ columns }: { columns: Record<Locale, ReactNode> }) {
  const t = useTranslations("project");
  const [view, setView] = useState<LanguageView>("both");
  const id = useId();
  const shown: Locale[] = view === "both" ? ["en", "ja"] : [view];

  return (
    <>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("languages.label")}</legend>
        {(["both", "en", "ja"] as const).map((option) => (
          <label key={option} className="inline-flex items-center gap-2 text-sm text-slate-900">
            <input
              type="radio"
              name={`${id}-languages`}
              value={option}
              checked={view === option}
              onChange={() => setView(option)}
              className="h-4 w-4 accent-blue-800"
            />
            {t(`languages.${option}`)}
          </label>
        ))}
      </fieldset>

      <div className={`grid gap-6 ${shown.length === 2 ? "lg:grid-cols-2" : ""}`}>
        {shown.map((lang) => (
          <Fragment key={lang}>{columns[lang]}</Fragment>
        ))}
      </div>
    </>
  );
}
