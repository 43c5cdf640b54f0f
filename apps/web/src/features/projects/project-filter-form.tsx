"use client";

import {
  COMMODITIES,
  PROJECT_STATUSES,
  SUPPLY_CHAIN_STAGES,
  type Commodity,
  PROJECT_SORTS,
  type ProjectSort,
  type SupplyChainStage,
} from "@lodestone/domain/vocabulary";
import { ListProjectsInput } from "@lodestone/domain/project-list";
import type { DelegationSummary } from "@lodestone/domain/user";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { fieldLimits } from "@/features/forms/field-errors";
import { inputClass, secondaryButton } from "@/features/ui/styles";
import { EMPTY_PROJECT_FILTERS, hasProjectFilters, type ProjectFilters } from "./project-filters";

const SEARCH_DELAY_MS = 300;
const SEARCH = fieldLimits(ListProjectsInput, "q");
/** The country code as the API reads it, or "" while it is not one. */
const countryCode = (typed: string) => {
  const code = typed.trim().toUpperCase();
  return ListProjectsInput.shape.siteCountry.safeParse(code).success ? code : "";
};

interface ProjectFilterFormProps {
  filters: ProjectFilters;
  delegations: DelegationSummary[];
  onChange: (next: ProjectFilters) => void;
}

/** Search and filters for the project list; every change goes to the address through `onChange`. */
export function ProjectFilterForm({ filters, delegations, onChange }: ProjectFilterFormProps) {
  const t = useTranslations("projects.filters");
  const tEnums = useTranslations("enums");
  const locale = useLocale();
  const id = useId();

  // The search box and the country field update the address once typing pauses.
  const [search, setSearch] = useState(filters.q);
  const [country, setCountry] = useState(filters.country);
  const [seen, setSeen] = useState({ q: filters.q, country: filters.country });
  if (seen.q !== filters.q || seen.country !== filters.country) {
    // The address changed another way (back button, "Clear filters"): show its values.
    setSeen({ q: filters.q, country: filters.country });
    if (search.trim() !== filters.q) setSearch(filters.q);
    if (country.trim().toUpperCase() !== filters.country) setCountry(filters.country);
  }
  // Once typing pauses: what was typed, applied to the filters as they are then (a box ticked
  // meanwhile stays ticked). An event, not a dependency: new filters do not restart the pause.
  const applyTyped = useEffectEvent((typedSearch: string, typedCountry: string) => {
    const q = typedSearch.trim();
    const code = typedCountry.trim().toUpperCase();
    const validCode = countryCode(code);
    if (q === filters.q && validCode === filters.country) return;
    if (code !== "" && validCode === "" && q === filters.q) return;
    onChange({ ...filters, q, country: validCode });
  });
  useEffect(() => {
    const timer = setTimeout(() => applyTyped(search, country), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, country]);

  const countryInvalid = country.trim() !== "" && countryCode(country) === "";

  return (
    <form
      role="search"
      aria-label={t("label")}
      className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filters, q: search.trim(), country: countryCode(country) });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <label htmlFor={`${id}-q`} className="text-sm font-semibold text-slate-900">
            {t("search")}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            value={search}
            maxLength={SEARCH.maximum}
            onChange={(event) => setSearch(event.target.value)}
            aria-describedby={`${id}-q-hint`}
            className={inputClass}
          />
          <p id={`${id}-q-hint`} className="text-sm text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-commodity`} className="text-sm font-semibold text-slate-900">
            {t("commodity")}
          </label>
          <select
            id={`${id}-commodity`}
            name="commodity"
            value={filters.commodity ?? ""}
            onChange={(event) =>
              onChange({ ...filters, commodity: (event.target.value || null) as Commodity | null })
            }
            className={inputClass}
          >
            <option value="">{t("any")}</option>
            {COMMODITIES.map((c) => (
              <option key={c} value={c}>
                {tEnums(`commodity.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-stage`} className="text-sm font-semibold text-slate-900">
            {t("stage")}
          </label>
          <select
            id={`${id}-stage`}
            name="stage"
            value={filters.stage ?? ""}
            onChange={(event) =>
              onChange({ ...filters, stage: (event.target.value || null) as SupplyChainStage | null })
            }
            className={inputClass}
          >
            <option value="">{t("any")}</option>
            {SUPPLY_CHAIN_STAGES.map((s) => (
              <option key={s} value={s}>
                {tEnums(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-country`} className="text-sm font-semibold text-slate-900">
            {t("country")}
          </label>
          <input
            id={`${id}-country`}
            name="country"
            value={country}
            maxLength={2}
            autoComplete="off"
            onChange={(event) => setCountry(event.target.value)}
            aria-invalid={countryInvalid || undefined}
            aria-describedby={`${id}-country-hint`}
            className={`${inputClass} uppercase`}
          />
          <p id={`${id}-country-hint`} className="text-sm text-slate-600">
            {t("countryHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-sponsor`} className="text-sm font-semibold text-slate-900">
            {t("sponsor")}
          </label>
          <select
            id={`${id}-sponsor`}
            name="sponsor"
            value={filters.sponsor}
            onChange={(event) => onChange({ ...filters, sponsor: event.target.value })}
            className={inputClass}
          >
            <option value="">{t("any")}</option>
            {filters.sponsor && !delegations.some((d) => d.code === filters.sponsor) ? (
              <option value={filters.sponsor}>{filters.sponsor}</option>
            ) : null}
            {delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {locale === "ja" ? d.nameJa : d.nameEn} ({d.code})
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-col gap-1.5 sm:max-w-xs">
        <label htmlFor={`${id}-sort`} className="text-sm font-semibold text-slate-900">
          {t("sort")}
        </label>
        <select
          id={`${id}-sort`}
          name="sort"
          value={filters.sort}
          onChange={(event) => onChange({ ...filters, sort: event.target.value as ProjectSort })}
          className={inputClass}
        >
          {PROJECT_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t("status")}</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {PROJECT_STATUSES.map((s) => (
            <label key={s} className="inline-flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                name="status"
                value={s}
                checked={filters.status.includes(s)}
                onChange={(event) =>
                  onChange({
                    ...filters,
                    status: event.target.checked
                      ? [...filters.status, s]
                      : filters.status.filter((x) => x !== s),
                  })
                }
                className="h-4 w-4 accent-blue-800"
              />
              {tEnums(`projectStatus.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="sr-only">
          {t("apply")}
        </button>
        {hasProjectFilters(filters) ? (
          <button
            type="button"
            className={secondaryButton}
            onClick={() => {
              setSearch("");
              setCountry("");
              onChange({ ...EMPTY_PROJECT_FILTERS, sort: filters.sort });
            }}
          >
            {t("clear")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
