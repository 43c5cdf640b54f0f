"use client";

import type { Locale } from "@lodestone/domain/enums";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "./actions";
import { SUPPORTED_LOCALES } from "./config";

interface LanguageSwitchProps {
  /** Persists the choice; the server action by default (tests pass their own). */
  onSelect?: (locale: Locale) => Promise<void>;
}

/** Two toggle buttons, each labelled in its own language; the current one is pressed. */
export function LanguageSwitch({ onSelect = setLocale }: LanguageSwitchProps) {
  const t = useTranslations("shell.language");
  const tLocales = useTranslations("locales");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current || pending) return;
    startTransition(async () => {
      await onSelect(locale);
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t("label")} aria-busy={pending} className="flex items-center gap-2">
      <span className="sr-only" role="status">
        {pending ? t("switching") : ""}
      </span>
      <div className="inline-flex rounded-md border border-slate-500 p-0.5">
        {SUPPORTED_LOCALES.map((locale) => {
          const selected = locale === current;
          return (
            <button
              key={locale}
              type="button"
              lang={locale}
              aria-pressed={selected}
              onClick={() => choose(locale)}
              className={
                "rounded px-3 py-1 text-sm font-medium transition-colors focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-300 " +
                (selected ? "bg-white text-slate-900" : "text-white hover:bg-slate-700")
              }
            >
              {tLocales(locale)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
