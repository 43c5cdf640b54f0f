"use client";

import {
  JURISDICTIONS,
  PERMIT_STATUSES,
  type Jurisdiction,
  type PermitStatus,
} from "@lodestone/domain/vocabulary";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { toApiProblem } from "@/features/forms/api-problem";
import { titleIn } from "@/features/projects/project-title";
import { DataTable } from "@/features/ui/data-table";
import { listLoadState } from "@/features/ui/load-problem";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, linkClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { nameIn } from "./names";
import { MissedBadge, PermitStatusBadge } from "./permit-badges";
import type { AuthorityStats, OverviewRow } from "./types";

export interface PermittingFilters {
  jurisdiction: Jurisdiction | null;
  authority: string | null;
  status: PermitStatus | null;
}

type ParamsLike = { get(name: string): string | null };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The page's filters as they stand in the address (?jurisdiction=…&authority=…&status=…). */
export function permittingFiltersFromParams(params: ParamsLike): PermittingFilters {
  const authority = (params.get("authority") ?? "").trim().slice(0, 200);
  return {
    jurisdiction: oneOf(JURISDICTIONS, params.get("jurisdiction")),
    authority: authority || null,
    status: oneOf(PERMIT_STATUSES, params.get("status")),
  };
}

/** The address's query for the filters (empty ones left out). */
export function permittingSearch(filters: PermittingFilters): string {
  const params = new URLSearchParams();
  if (filters.jurisdiction) params.set("jurisdiction", filters.jurisdiction);
  if (filters.authority) params.set("authority", filters.authority);
  if (filters.status) params.set("status", filters.status);
  const query = params.toString();
  return query ? `?${query}` : "";
}

const toInput = (f: PermittingFilters) => ({
  ...(f.jurisdiction ? { jurisdiction: f.jurisdiction } : {}),
  ...(f.authority ? { authority: f.authority } : {}),
  ...(f.status ? { status: f.status } : {}),
});

/**
 * Permitting across every project the reader may see: filters kept in the address, the
 * authorizations with their next milestone and final date, per authority the on-time rate and
 * the median days each stage took, and the CSV download.
 */
export function PermittingOverviewView() {
  const t = useTranslations("permittingOverview");
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const filters = permittingFiltersFromParams(searchParams ?? new URLSearchParams());
  const query = useQuery(
    trpc.permitting.overview.queryOptions(toInput(filters), { placeholderData: keepPreviousData }),
  );
  const setFilters = (next: PermittingFilters) =>
    router.replace(`${pathname ?? "/permitting"}${permittingSearch(next)}`, { scroll: false });
  const loadState = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  const data = query.data;
  return (
    <div className="flex flex-col gap-8">
      <Filters filters={filters} authorities={data?.authorities ?? []} onChange={setFilters} />
      {loadState ?? (
        <>
          <section aria-labelledby={`${id}-rows`} className="flex flex-col gap-3">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <h2 id={`${id}-rows`} className="text-xl font-semibold text-slate-900">
                {t("rows.heading")}
              </h2>
              <PermittingExport filters={filters} />
            </div>
            <p role="status" className="text-sm text-slate-700">
              {t("rows.shown", { count: data?.rows.length ?? 0 })}
            </p>
            <div aria-busy={query.isFetching || undefined}>
              <OverviewTable rows={data?.rows ?? []} />
            </div>
          </section>
          <section aria-labelledby={`${id}-stats`} className="flex flex-col gap-3">
            <h2 id={`${id}-stats`} className="text-xl font-semibold text-slate-900">
              {t("stats.heading")}
            </h2>
            <p className="text-sm text-slate-700">{t("stats.lead")}</p>
            <StatsTable stats={data?.stats ?? []} />
          </section>
        </>
      )}
    </div>
  );
}

function Filters({
  filters,
  authorities,
  onChange,
}: {
  filters: PermittingFilters;
  authorities: readonly string[];
  onChange: (filters: PermittingFilters) => void;
}) {
  const t = useTranslations("permittingOverview.filters");
  const tJurisdiction = useTranslations("enums.jurisdiction");
  const tStatus = useTranslations("enums.permitStatus");
  const id = useId();
  // The authority in the address stays a choice even when no authorization has it now.
  const choices =
    filters.authority && !authorities.includes(filters.authority)
      ? [filters.authority, ...authorities]
      : authorities;
  const any = filters.jurisdiction || filters.authority || filters.status;
  return (
    <form
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-4"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="flex min-w-[12rem] flex-col gap-1.5">
        <label htmlFor={`${id}-jurisdiction`} className="text-sm font-semibold text-slate-900">
          {t("jurisdiction")}
        </label>
        <select
          id={`${id}-jurisdiction`}
          value={filters.jurisdiction ?? ""}
          onChange={(event) =>
            onChange({ ...filters, jurisdiction: (event.target.value || null) as Jurisdiction | null })
          }
          className={inputClass}
        >
          <option value="">{t("any")}</option>
          {JURISDICTIONS.map((j) => (
            <option key={j} value={j}>
              {tJurisdiction(j)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-[14rem] flex-col gap-1.5">
        <label htmlFor={`${id}-authority`} className="text-sm font-semibold text-slate-900">
          {t("authority")}
        </label>
        <select
          id={`${id}-authority`}
          value={filters.authority ?? ""}
          onChange={(event) => onChange({ ...filters, authority: event.target.value || null })}
          className={inputClass}
        >
          <option value="">{t("any")}</option>
          {choices.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-[12rem] flex-col gap-1.5">
        <label htmlFor={`${id}-status`} className="text-sm font-semibold text-slate-900">
          {t("status")}
        </label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ""}
          onChange={(event) =>
            onChange({ ...filters, status: (event.target.value || null) as PermitStatus | null })
          }
          className={inputClass}
        >
          <option value="">{t("any")}</option>
          {PERMIT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </select>
      </div>
      {any ? (
        <button
          type="button"
          className={secondaryButton}
          onClick={() => onChange({ jurisdiction: null, authority: null, status: null })}
        >
          {t("clear")}
        </button>
      ) : null}
    </form>
  );
}

function OverviewTable({ rows }: { rows: readonly OverviewRow[] }) {
  const t = useTranslations("permittingOverview.rows");
  const tInstrument = useTranslations("enums.permitInstrument");
  const tJurisdiction = useTranslations("enums.jurisdiction");
  const format = useFormatter();
  const locale = useLocale();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  return (
    <DataTable
      caption={t("caption")}
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({
        "data-authorization": r.id,
        "data-reference": r.project.reference,
        "data-status": r.status,
      })}
      empty={t("empty")}
      region={{ className: "relative rounded-lg border border-slate-300 bg-white shadow-sm" }}
      classNames={{ table: "w-full min-w-[64rem] border-collapse text-left text-sm", row: "align-top" }}
      columns={[
        {
          id: "project",
          header: t("columns.project"),
          cell: (r) => {
            const title = titleIn(locale, r.project);
            return (
              <>
                <span className="font-mono text-xs font-semibold text-slate-700">{r.project.reference}</span>{" "}
                <Link href={`/projects/${r.project.id}/permitting`} lang={title.lang} className={linkClass}>
                  {title.title || r.project.reference}
                </Link>
              </>
            );
          },
        },
        {
          id: "authorization",
          header: t("columns.authorization"),
          rowHeader: true,
          className: "font-normal",
          cell: (r) => {
            const title = nameIn(locale, r.titleEn, r.titleJa);
            return (
              <>
                <span lang={title.lang} className="block font-semibold text-slate-900">
                  {title.text}
                </span>
                <span className="block text-slate-700">
                  {tInstrument(r.instrument)} · {tJurisdiction(r.jurisdiction)}
                </span>
              </>
            );
          },
        },
        { id: "authority", header: t("columns.authority"), cell: (r) => r.authority },
        {
          id: "status",
          header: t("columns.status"),
          cell: (r) => (
            <span className="flex flex-col items-start gap-1">
              <PermitStatusBadge status={r.status} />
              <span className="text-xs text-slate-700">
                {t("progress", { done: r.completed, total: r.milestones })}
              </span>
            </span>
          ),
        },
        {
          id: "next",
          header: t("columns.next"),
          cell: (r) => {
            if (!r.next) return <span className="text-slate-600">{t("noNext")}</span>;
            const name = nameIn(locale, r.next.nameEn, r.next.nameJa);
            return (
              <span className="flex flex-col items-start gap-1">
                <span lang={name.lang}>{name.text}</span>
                <time dateTime={r.next.currentDate} className="whitespace-nowrap text-slate-700">
                  {day(r.next.currentDate)}
                </time>
                {r.next.missedBy !== null ? <MissedBadge days={r.next.missedBy} /> : null}
              </span>
            );
          },
        },
        {
          id: "final",
          header: t("columns.final"),
          className: "whitespace-nowrap",
          cell: (r) => (r.finalDate ? <time dateTime={r.finalDate}>{day(r.finalDate)}</time> : "–"),
        },
        {
          id: "elapsed",
          header: t("columns.elapsed"),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (r) => (
            <span className={r.elapsed.over ? "font-semibold text-red-800" : undefined}>
              {t("elapsed", { elapsed: r.elapsed.elapsedDays, target: r.elapsed.targetDays })}
              {r.elapsed.over ? <span className="block text-xs">{t("over")}</span> : null}
            </span>
          ),
        },
      ]}
    />
  );
}

function StatsTable({ stats }: { stats: readonly AuthorityStats[] }) {
  const t = useTranslations("permittingOverview.stats");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <DataTable
      caption={t("caption")}
      rows={stats}
      rowKey={(s) => s.authority}
      rowProps={(s) => ({ "data-authority": s.authority })}
      empty={t("empty")}
      region={{ className: "relative rounded-lg border border-slate-300 bg-white shadow-sm" }}
      classNames={{ table: "w-full min-w-[44rem] border-collapse text-left text-sm", row: "align-top" }}
      columns={[
        {
          id: "authority",
          header: t("columns.authority"),
          rowHeader: true,
          className: "font-semibold text-slate-900",
          cell: (s) => s.authority,
        },
        {
          id: "completed",
          header: t("columns.completed"),
          headerClassName: "text-right",
          className: "text-right tabular-nums",
          cell: (s) => format.number(s.completed),
        },
        {
          id: "onTime",
          header: t("columns.onTime"),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (s) => (
            <>
              {format.number(s.onTimeRate, { style: "percent", maximumFractionDigits: 0 })}
              <span className="block text-xs text-slate-700">
                {t("onTimeOf", { onTime: s.onTime, completed: s.completed })}
              </span>
            </>
          ),
        },
        {
          id: "stages",
          header: t("columns.stages"),
          cell: (s) => (
            <ul className="flex flex-col gap-0.5">
              {s.stages.map((st) => {
                const name = nameIn(locale, st.name.en, st.name.ja);
                return (
                  <li key={st.kind}>
                    <span lang={name.lang}>{name.text}</span>
                    {t("separator")}
                    <span className="tabular-nums">
                      {t("median", { days: st.medianDays, count: st.count })}
                    </span>
                  </li>
                );
              })}
            </ul>
          ),
        },
      ]}
    />
  );
}

/** Saves `body` (kept exactly, a CSV's byte-order mark included) as a file named `fileName`. */
function saveFile(fileName: string, contentType: string, body: string): void {
  const blob = new Blob([body], { type: contentType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Download CSV": the authorizations the filters show, in the reader's language. */
function PermittingExport({ filters }: { filters: PermittingFilters }) {
  const t = useTranslations("permittingOverview.export");
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const file = await client.permitting.export.query(toInput(filters));
      saveFile(file.fileName, file.contentType, file.body);
      setMessage({ text: t("downloaded", { fileName: file.fileName }), error: false });
    } catch (error) {
      setMessage({ text: t("failed", { message: toApiProblem(error).message }), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        className={secondaryButton}
        aria-disabled={busy || undefined}
        onClick={() => void download()}
      >
        {busy ? <Spinner /> : null}
        {t("csv")}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={message?.error ? "text-sm font-medium text-red-800" : "sr-only"}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
