import type { Locale } from "@lodestone/domain/vocabulary";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { linkClass } from "@/features/ui/styles";

/**
 * A project's title in the reader's language, or in the other one when it has none there, with
 * the language it is in (for `lang`).
 */
export function titleIn(
  locale: string,
  project: { titleEn: string; titleJa: string },
): { title: string; lang: Locale } {
  const preferred: Locale = locale === "ja" ? "ja" : "en";
  const lang: Locale = (preferred === "ja" ? project.titleJa : project.titleEn).trim()
    ? preferred
    : preferred === "ja"
      ? "en"
      : "ja";
  return { title: lang === "ja" ? project.titleJa : project.titleEn, lang };
}

/** The top of a project's page: back to the list, its reference, and its title as the heading. */
export function ProjectTitle({
  project,
}: {
  project: { reference: string; titleEn: string; titleJa: string };
}) {
  const t = useTranslations("project");
  const { title, lang } = titleIn(useLocale(), project);
  return (
    <>
      <p>
        <Link href="/projects" className={linkClass}>
          {t("back")}
        </Link>
      </p>
      <p className="mt-4 font-mono text-sm font-semibold text-slate-700">
        <span className="sr-only">{t("reference")}: </span>
        {project.reference}
      </p>
      <h1 lang={lang} className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">
        {title || project.reference}
      </h1>
    </>
  );
}
