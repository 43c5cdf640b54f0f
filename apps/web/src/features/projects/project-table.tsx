import type { Locale } from "@lodestone/domain/enums";
import type { ProjectListItem } from "@lodestone/domain/project-list";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { CurrentGateLine } from "@/features/gates/current-gate-line";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
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
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const locale = useLocale();
  const regionName = useRegionNames(locale);

  const columns: DataTableColumn<ProjectListItem>[] = [
    {
      id: "reference",
      header: t("columns.reference"),
      rowHeader: true,
      className: "whitespace-nowrap font-mono text-xs font-semibold text-slate-700 max-md:col-span-2",
      cell: (project) => project.reference,
    },
    {
      id: "project",
      header: t("columns.project"),
      headerClassName: "w-[30%] min-w-[18rem]",
      className: "max-md:col-span-2",
      cell: (project) => <ProjectTitleCell project={project} locale={locale} />,
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.status")}</NarrowLabel>
          <StatusBadge status={project.status} />
          {project.gate ? (
            <span className="mt-1.5 block text-xs">
              <span className="sr-only">{t("gate")}: </span>
              <CurrentGateLine gate={project.gate} compact />
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: "commodity",
      header: t("columns.commodity"),
      headerClassName: "min-w-[9rem]",
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.commodity")}</NarrowLabel>
          <span className="block text-slate-900">{tEnums(`commodity.${project.commodity}`)}</span>
          <span className="block text-slate-600">{tEnums(`stage.${project.stage}`)}</span>
        </>
      ),
    },
    {
      id: "site",
      header: t("columns.site"),
      headerClassName: "min-w-[8rem]",
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.site")}</NarrowLabel>
          <span className="block text-slate-900">{regionName(project.siteCountry)}</span>
          <span className="block text-slate-600">{project.siteRegion}</span>
        </>
      ),
    },
    {
      id: "sponsors",
      header: t("columns.sponsors"),
      headerClassName: "min-w-[7.5rem]",
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.sponsors")}</NarrowLabel>
          <Sponsors codes={project.sponsors} regionName={regionName} />
        </>
      ),
    },
    {
      id: "capacity",
      header: t("columns.capacity"),
      headerClassName: "text-right",
      className: "whitespace-nowrap text-right tabular-nums max-md:text-left",
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.capacity")}</NarrowLabel>
          {format.number(project.capacityTpy, "tonnes")}
        </>
      ),
    },
    {
      id: "capex",
      header: t("columns.capex"),
      headerClassName: "text-right",
      className: "whitespace-nowrap text-right tabular-nums max-md:text-left",
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.capex")}</NarrowLabel>
          <data value={project.capexUsd}>{format.number(project.capexUsd, "usdCompact")}</data>
        </>
      ),
    },
    {
      id: "updated",
      header: t("columns.updated"),
      className: "whitespace-nowrap text-slate-700",
      cell: (project) => (
        <>
          <NarrowLabel>{t("columns.updated")}</NarrowLabel>
          <time dateTime={project.updatedAt}>
            <span className="block">{format.dateTime(new Date(project.updatedAt), "date")}</span>{" "}
            <span className="block text-slate-600">
              {format.dateTime(new Date(project.updatedAt), "time")}
            </span>
          </time>
        </>
      ),
    },
  ];

  // Below the md breakpoint each row is a card: the reference and title across, then each other
  // column under its own visible name (the header row is then read by screen readers only).
  return (
    <DataTable
      caption={t("caption")}
      columns={columns}
      rows={items}
      rowKey={(project) => project.id}
      region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{
        table: "w-full border-collapse text-left text-sm max-md:block md:min-w-[64rem]",
        thead: "bg-slate-100 text-xs text-slate-700 max-md:sr-only",
        tbody: "divide-y divide-slate-200 max-md:block",
        row: "align-top odd:bg-white even:bg-slate-50 max-md:grid max-md:grid-cols-2 max-md:gap-x-4 max-md:gap-y-3 max-md:p-4",
        // A cell's padding in the table; none in a narrow screen's card, where the card has it.
        cell: "px-3 py-3 max-md:p-0",
      }}
    />
  );
}

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

/** The title in the reader's language when it has one (else the other), and its translation state. */
function ProjectTitleCell({ project, locale }: { project: ProjectListItem; locale: Locale }) {
  const t = useTranslations("projects");
  const tEnums = useTranslations("enums");
  const tLanguage = useTranslations("languageNames");

  const other = otherLocale(locale);
  const hasOwn = project.translation[locale] !== "MISSING" && project.title[locale].trim() !== "";
  const hasOther = project.translation[other] !== "MISSING" && project.title[other].trim() !== "";
  const shown: Locale = hasOwn ? locale : other;
  const shownStatus = project.translation[shown];

  return (
    <>
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
    </>
  );
}

function Sponsors({ codes, regionName }: { codes: string[]; regionName: (code: string) => string }) {
  const t = useTranslations("projects");
  if (codes.length === 0) return <span className="text-slate-600">{t("noSponsors")}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {codes.map((code) => (
        <li
          key={code}
          className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800"
        >
          <span aria-hidden="true">{code}</span>
          <span className="sr-only">{regionName(code)}</span>
        </li>
      ))}
    </ul>
  );
}
