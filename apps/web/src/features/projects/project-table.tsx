import type { Locale } from "@lodestone/domain/enums";
import type { ProjectListItem } from "@lodestone/domain/project-list";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { ScrollRegion } from "@/features/ui/scroll-region";
import { StatusBadge } from "./status-badge";

function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "ja" : "en";
}

/** Country names in the reader's language (`AU` → Australia / オーストラリア). */
function useRegionNames(locale: Locale): (code: string) => string {
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

export function ProjectTable({ items }: { items: ProjectListItem[] }) {
  const t = useTranslations("projects");
  const locale = useLocale();
  const regionName = useRegionNames(locale);

  // Below the md breakpoint each row is a card: the reference and title across, then each other
  // column under its own visible name (the header row is then read by screen readers only).
  return (
    <ScrollRegion name={t("caption")} className="rounded-lg border border-slate-300 shadow-sm">
      <table className="w-full border-collapse text-left text-sm max-md:block md:min-w-[64rem]">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 text-xs text-slate-700 max-md:sr-only">
          <tr>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.reference")}
            </th>
            <th scope="col" className="w-[30%] min-w-[18rem] px-3 py-3 font-semibold">
              {t("columns.project")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.status")}
            </th>
            <th scope="col" className="min-w-[9rem] px-3 py-3 font-semibold">
              {t("columns.commodity")}
            </th>
            <th scope="col" className="min-w-[8rem] px-3 py-3 font-semibold">
              {t("columns.site")}
            </th>
            <th scope="col" className="min-w-[7.5rem] px-3 py-3 font-semibold">
              {t("columns.sponsors")}
            </th>
            <th scope="col" className="px-3 py-3 text-right font-semibold">
              {t("columns.capacity")}
            </th>
            <th scope="col" className="px-3 py-3 text-right font-semibold">
              {t("columns.capex")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.updated")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 max-md:block">
          {items.map((project) => (
            <ProjectRow key={project.id} project={project} locale={locale} regionName={regionName} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A cell's padding in the table; none in a narrow screen's card, where the card has it. */
const cell = "px-3 py-3 max-md:p-0";

/**
 * The column's name above a value in a narrow screen's card. Hidden from screen readers, which
 * still read the column header with each cell.
 */
function NarrowLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="mb-1 block text-xs font-semibold text-slate-600 md:hidden">
      {children}
    </span>
  );
}

function ProjectRow({
  project,
  locale,
  regionName,
}: {
  project: ProjectListItem;
  locale: Locale;
  regionName: (code: string) => string;
}) {
  const t = useTranslations("projects");
  const tEnums = useTranslations("enums");
  const tLanguage = useTranslations("languageNames");
  const format = useFormatter();

  const other = otherLocale(locale);
  const hasOwn = project.translation[locale] !== "MISSING" && project.title[locale].trim() !== "";
  const hasOther = project.translation[other] !== "MISSING" && project.title[other].trim() !== "";
  const shown: Locale = hasOwn ? locale : other;
  const shownStatus = project.translation[shown];
  const updatedAt = new Date(project.updatedAt);

  return (
    <tr className="align-top odd:bg-white even:bg-slate-50 max-md:grid max-md:grid-cols-2 max-md:gap-x-4 max-md:gap-y-3 max-md:p-4">
      <th
        scope="row"
        className="whitespace-nowrap px-3 py-3 font-mono text-xs font-semibold text-slate-700 max-md:col-span-2 max-md:p-0"
      >
        {project.reference}
      </th>
      <td className={`${cell} max-md:col-span-2`}>
        <Link
          href={`/projects/${project.id}`}
          lang={shown}
          className="block font-semibold text-blue-800 underline underline-offset-4 hover:text-blue-950"
        >
          {project.title[shown]}
        </Link>
        {hasOwn && hasOther ? (
          <span lang={other} className="mt-0.5 block text-slate-600">
            <span className="sr-only">{t("otherLanguageTitle", { language: tLanguage(other) })}: </span>
            {project.title[other]}
          </span>
        ) : null}
        <span className="mt-1 block text-xs text-slate-600">
          {t("organisation", { name: project.organisation.name })}
        </span>
        {!hasOwn ? (
          <span className="mt-1 block text-xs text-amber-900">
            {t("shownInOtherLanguage", { language: tLanguage(shown) })}
          </span>
        ) : shownStatus !== "ORIGINAL" ? (
          <span className="mt-1 block text-xs text-slate-600">
            {t("translationNote", {
              status: tEnums(`translationStatus.${shownStatus}`),
              language: tLanguage(project.bindingLanguage),
            })}
          </span>
        ) : null}
      </td>
      <td className={cell}>
        <NarrowLabel>{t("columns.status")}</NarrowLabel>
        <StatusBadge status={project.status} />
      </td>
      <td className={cell}>
        <NarrowLabel>{t("columns.commodity")}</NarrowLabel>
        <span className="block text-slate-900">{tEnums(`commodity.${project.commodity}`)}</span>
        <span className="block text-slate-600">{tEnums(`stage.${project.stage}`)}</span>
      </td>
      <td className={cell}>
        <NarrowLabel>{t("columns.site")}</NarrowLabel>
        <span className="block text-slate-900">{regionName(project.siteCountry)}</span>
        <span className="block text-slate-600">{project.siteRegion}</span>
      </td>
      <td className={cell}>
        <NarrowLabel>{t("columns.sponsors")}</NarrowLabel>
        {project.sponsors.length ? (
          <ul className="flex flex-wrap gap-1">
            {project.sponsors.map((code) => (
              <li
                key={code}
                className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800"
              >
                <span aria-hidden="true">{code}</span>
                <span className="sr-only">{regionName(code)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-600">{t("noSponsors")}</span>
        )}
      </td>
      <td className={`${cell} whitespace-nowrap text-right tabular-nums max-md:text-left`}>
        <NarrowLabel>{t("columns.capacity")}</NarrowLabel>
        {format.number(project.capacityTpy, "tonnes")}
      </td>
      <td className={`${cell} whitespace-nowrap text-right tabular-nums max-md:text-left`}>
        <NarrowLabel>{t("columns.capex")}</NarrowLabel>
        <data value={project.capexUsd}>{format.number(project.capexUsd, "usdCompact")}</data>
      </td>
      <td className={`${cell} whitespace-nowrap text-slate-700`}>
        <NarrowLabel>{t("columns.updated")}</NarrowLabel>
        <time dateTime={project.updatedAt}>
          <span className="block">{format.dateTime(updatedAt, "date")}</span>{" "}
          <span className="block text-slate-600">{format.dateTime(updatedAt, "time")}</span>
        </time>
      </td>
    </tr>
  );
}
