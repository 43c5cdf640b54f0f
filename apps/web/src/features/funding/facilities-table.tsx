"use client";

import { FUNDING_BUCKETS, type FacilityState } from "@lodestone/domain/vocabulary";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { DataTable } from "@/features/ui/data-table";
import { linkClass, smallButton } from "@/features/ui/styles";
import { useMoney, useRate } from "./money";
import type { Facility, LedgerEntry } from "./types";

const STATE_STYLES: Record<FacilityState, string> = {
  PLEDGED: "bg-slate-100 text-slate-800 ring-slate-300",
  APPROVED: "bg-sky-50 text-sky-900 ring-sky-300",
  COMMITTED: "bg-blue-50 text-blue-900 ring-blue-300",
  DISBURSED: "bg-green-50 text-green-900 ring-green-300",
  REPAID: "bg-emerald-100 text-emerald-900 ring-emerald-400",
  CANCELLED: "bg-stone-100 text-stone-700 ring-stone-300",
};

export function FacilityStateBadge({ state }: { state: FacilityState }) {
  const t = useTranslations("enums.facilityState");
  return (
    <span
      data-facility-state={state}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATE_STYLES[state]}`}
    >
      {t(state)}
    </span>
  );
}

/** A financier's name in the reader's language when it has one there. */
export function financierName(locale: string, financier: { name: string; nameJa: string | null }) {
  return locale === "ja" && financier.nameJa?.trim()
    ? { text: financier.nameJa, lang: "ja" }
    : { text: financier.name, lang: "en" };
}

/**
 * A project's facilities: financier, instrument, currency, state, each bucket in the facility's
 * currency and in US dollars, the rate and its date. A facility opens to show its ledger entries;
 * one the reader may record on offers "Record entry".
 */
export function FacilitiesTable({
  projectId,
  facilities,
  onRecord,
}: {
  projectId: string;
  facilities: readonly Facility[];
  onRecord: (facility: Facility) => void;
}) {
  const t = useTranslations("funding.facilities");
  const tInstrument = useTranslations("enums.instrument");
  const tKind = useTranslations("enums.financierKind");
  const tBucket = useTranslations("enums.fundingBucket");
  const locale = useLocale();
  const format = useFormatter();
  const money = useMoney();
  const rate = useRate();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <DataTable
      caption={t("caption")}
      rows={facilities}
      rowKey={(f) => f.id}
      rowGroupProps={(f) => ({ "data-facility": f.id, "data-financier": f.financier.name })}
      // Relative: the screen-reader-only words of its buttons stay inside the box that scrolls.
      region={{ className: "relative rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{
        table: "w-full min-w-[72rem] border-collapse text-left text-sm",
        row: "align-top bg-white",
        tbody: "divide-y divide-slate-200 border-b border-slate-300",
        detailCell: "bg-slate-50 px-3 py-3",
      }}
      rowDetail={(f) =>
        expanded.has(f.id) ? (
          <div id={`entries-${f.id}`}>
            <EntriesTable projectId={projectId} facility={f} />
          </div>
        ) : null
      }
      columns={[
        {
          id: "financier",
          header: t("columns.financier"),
          rowHeader: true,
          headerClassName: "min-w-[14rem]",
          className: "font-normal",
          cell: (f) => {
            const name = financierName(locale, f.financier);
            return (
              <>
                <span lang={name.lang} className="block font-semibold text-slate-900">
                  {name.text}
                </span>
                <span className="block text-slate-700">
                  {tKind(f.financier.kind)}
                  {f.financier.delegation ? ` · ${f.financier.delegation}` : ""}
                </span>
                {f.confidential ? (
                  <span className="mt-1 inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-inset ring-amber-700">
                    {t("confidential")}
                  </span>
                ) : null}
              </>
            );
          },
        },
        { id: "instrument", header: t("columns.instrument"), cell: (f) => tInstrument(f.instrument) },
        { id: "currency", header: t("columns.currency"), className: "font-mono", cell: (f) => f.currency },
        { id: "state", header: t("columns.state"), cell: (f) => <FacilityStateBadge state={f.state} /> },
        ...FUNDING_BUCKETS.map((bucket) => ({
          id: bucket,
          header: tBucket(bucket),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (f: Facility) => (
            <span data-bucket={bucket}>
              <span className="block text-slate-900">{money(f.balances[bucket], f.currency)}</span>
              {f.currency !== "USD" ? (
                <span className="block text-slate-600">{money(f.usd[bucket], "USD")}</span>
              ) : null}
            </span>
          ),
        })),
        {
          id: "rate",
          header: t("columns.rate"),
          className: "whitespace-nowrap text-slate-800",
          cell: (f) =>
            f.currency === "USD" ? (
              <span className="text-slate-600">{t("noRate")}</span>
            ) : (
              <>
                <span className="block">{t("rate", { rate: rate(f.usdRate), currency: f.currency })}</span>
                <span className="block text-slate-600">
                  <time dateTime={f.rateDate}>{format.dateTime(calendarDay(f.rateDate), CALENDAR_DATE)}</time>
                </span>
              </>
            ),
        },
        {
          id: "actions",
          header: t("columns.actions"),
          cell: (f) => {
            const name = financierName(locale, f.financier).text;
            return (
              <span className="flex flex-col items-start gap-2">
                <button
                  type="button"
                  className={smallButton}
                  aria-expanded={expanded.has(f.id)}
                  aria-controls={expanded.has(f.id) ? `entries-${f.id}` : undefined}
                  onClick={() => toggle(f.id)}
                >
                  {expanded.has(f.id) ? t("hideEntries") : t("showEntries", { count: f.entries.length })}{" "}
                  <span className="sr-only">{t("of", { name })}</span>
                </button>
                {f.canRecord ? (
                  <button type="button" className={smallButton} onClick={() => onRecord(f)}>
                    {t("record")} <span className="sr-only">{t("of", { name })}</span>
                  </button>
                ) : null}
              </span>
            );
          },
        },
      ]}
    />
  );
}

/** A facility's ledger entries, oldest first: what each moved, its IATI code, and who recorded it. */
function EntriesTable({ projectId, facility }: { projectId: string; facility: Facility }) {
  const t = useTranslations("funding.entries");
  const tEntry = useTranslations("enums.ledgerEntryKind");
  const tBucket = useTranslations("enums.fundingBucket");
  const locale = useLocale();
  const format = useFormatter();
  const money = useMoney();
  const rate = useRate();
  const name = financierName(locale, facility.financier).text;
  return (
    <DataTable
      caption={t("caption", { name })}
      rows={facility.entries}
      rowKey={(e) => e.id}
      rowProps={(e) => ({ "data-entry": e.kind })}
      empty={t("empty")}
      classNames={{
        caption: "mb-2 text-left font-semibold text-slate-900",
        table: "w-full border-collapse text-left text-sm",
        thead: "bg-white text-xs text-slate-700",
        row: "align-top",
      }}
      region={false}
      columns={[
        { id: "sequence", header: t("columns.sequence"), className: "tabular-nums", cell: (e) => e.sequence },
        {
          id: "date",
          header: t("columns.date"),
          className: "whitespace-nowrap",
          rowHeader: true,
          cell: (e) => <time dateTime={e.date}>{format.dateTime(calendarDay(e.date), CALENDAR_DATE)}</time>,
        },
        {
          id: "kind",
          header: t("columns.kind"),
          cell: (e: LedgerEntry) => (
            <>
              <span className="block text-slate-900">{tEntry(e.kind)}</span>
              {e.bucket ? (
                <span className="block text-slate-600">{t("bucket", { bucket: tBucket(e.bucket) })}</span>
              ) : null}
            </>
          ),
        },
        { id: "iati", header: t("columns.iati"), className: "tabular-nums", cell: (e) => e.iatiCode },
        {
          id: "amount",
          header: t("columns.amount"),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (e) => money(e.amount, facility.currency),
        },
        {
          id: "usd",
          header: t("columns.usd"),
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (e) => (
            <>
              <span className="block">{money(e.usdAmount, "USD")}</span>
              <span className="block text-slate-600">
                {t("atRate", {
                  rate: rate(e.usdRate),
                  date: format.dateTime(calendarDay(e.rateDate), CALENDAR_DATE),
                })}
              </span>
            </>
          ),
        },
        {
          id: "document",
          header: t("columns.document"),
          cell: (e) =>
            e.document ? (
              <Link
                href={`/projects/${projectId}/documents/${e.document.id}`}
                lang={locale === "ja" && e.document.titleJa.trim() ? "ja" : "en"}
                className={linkClass}
              >
                {locale === "ja" && e.document.titleJa.trim() ? e.document.titleJa : e.document.titleEn}
              </Link>
            ) : (
              <span className="text-slate-600">{t("noDocument")}</span>
            ),
        },
        {
          id: "reason",
          header: t("columns.reason"),
          className: "max-w-[18rem] whitespace-pre-line",
          cell: (e) => e.reason || <span className="text-slate-600">–</span>,
        },
        {
          id: "recordedBy",
          header: t("columns.recordedBy"),
          cell: (e) => (
            <>
              <span className="block">{e.recordedBy.name}</span>
              <time dateTime={e.createdAt} className="block text-slate-600">
                {format.dateTime(new Date(e.createdAt), "dateTime")}
              </time>
            </>
          ),
        },
      ]}
    />
  );
}
