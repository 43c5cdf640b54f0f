"use client";

import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditEventView } from "@lodestone/domain/audit";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { DataTable } from "@/features/ui/data-table";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, linkClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import {
  EMPTY_AUDIT_FILTERS,
  auditFiltersFromParams,
  auditFiltersToInput,
  auditFiltersToQuery,
  type AuditFilters,
} from "./audit-filters";

const AUDIT_PAGE_SIZE = 50;

const present = (value: unknown) => value !== null && value !== undefined;

/** The audit log for coordinators and administrators: filters in the address, keyset pages. */
export function AuditLog() {
  const t = useTranslations("audit");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const timeZone = useTimeZone() ?? "UTC";
  const filters = auditFiltersFromParams(searchParams);
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(auditFiltersToInput(filters, AUDIT_PAGE_SIZE, timeZone), {
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const navigate = (next: AuditFilters) => {
    const search = auditFiltersToQuery(next);
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = auditFiltersToQuery(filters) !== "";

  return (
    <div className="flex flex-col gap-6">
      <AuditFilterForm key={auditFiltersToQuery(filters)} filters={filters} onChange={navigate} />
      {query.data === undefined ? (
        query.isError ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
            <h2 className="text-lg font-semibold">{t("error")}</h2>
            <p className="mt-1">{toLoadError(query.error).message}</p>
            <button type="button" onClick={() => void query.refetch()} className={`${secondaryButton} mt-4`}>
              {t("retry")}
            </button>
          </div>
        ) : (
          <p role="status" aria-live="polite" className="flex items-center gap-3 text-slate-700">
            <Spinner />
            {t("loading")}
          </p>
        )
      ) : items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold text-slate-900">{filtered ? t("noMatch") : t("empty")}</h2>
        </div>
      ) : (
        <>
          <AuditTable items={items} />
          <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p role="status" className="text-sm text-slate-700">
              {query.hasNextPage
                ? t("shown", { count: items.length })
                : t("allShown", { count: items.length })}
            </p>
            {query.hasNextPage ? (
              <button
                type="button"
                aria-disabled={query.isFetchingNextPage || undefined}
                onClick={() => {
                  if (!query.isFetchingNextPage) void query.fetchNextPage();
                }}
                className={primaryButton}
              >
                {query.isFetchingNextPage ? <Spinner tone="light" /> : null}
                {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </button>
            ) : null}
          </div>
          {query.isFetchNextPageError ? (
            <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
              {t("loadMoreError")} {toLoadError(query.error).message}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function AuditFilterForm({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (f: AuditFilters) => void;
}) {
  const t = useTranslations("audit.filters");
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const field = (name: keyof AuditFilters) => `${id}-${name}`;
  return (
    <form
      role="search"
      aria-label={t("label")}
      className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...draft, action: draft.action.trim().toLowerCase(), entityId: draft.entityId.trim() });
      }}
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field("entityType")} className="text-sm font-semibold text-slate-900">
          {t("entityType")}
        </label>
        <select
          id={field("entityType")}
          value={draft.entityType ?? ""}
          onChange={(e) =>
            setDraft({ ...draft, entityType: (e.target.value || null) as AuditEntityType | null })
          }
          className={inputClass}
        >
          <option value="">{t("any")}</option>
          {AUDIT_ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`entityTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field("action")} className="text-sm font-semibold text-slate-900">
          {t("action")}
        </label>
        <input
          id={field("action")}
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          aria-describedby={`${field("action")}-hint`}
          pattern="[a-zA-Z_.]*"
          className={inputClass}
        />
        <p id={`${field("action")}-hint`} className="text-sm text-slate-600">
          {t("actionHint")}
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field("entityId")} className="text-sm font-semibold text-slate-900">
          {t("entityId")}
        </label>
        <input
          id={field("entityId")}
          value={draft.entityId}
          onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field("from")} className="text-sm font-semibold text-slate-900">
          {t("from")}
        </label>
        <input
          id={field("from")}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field("to")} className="text-sm font-semibold text-slate-900">
          {t("to")}
        </label>
        <input
          id={field("to")}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          className={inputClass}
        />
      </div>
      <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={primaryButton}>
          {t("apply")}
        </button>
        {auditFiltersToQuery(filters) ? (
          <button type="button" className={secondaryButton} onClick={() => onChange(EMPTY_AUDIT_FILTERS)}>
            {t("clear")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The domain's name for a stored entity type, or null for one it does not know. Matched without
 * regard to case: events recorded before the names were fixed say "project" for "Project".
 */
function knownEntityType(stored: string): AuditEntityType | null {
  return AUDIT_ENTITY_TYPES.find((type) => type.toLowerCase() === stored.toLowerCase()) ?? null;
}

export function AuditTable({ items }: { items: AuditEventView[] }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  return (
    <DataTable
      caption={t("caption")}
      rows={items}
      rowKey={(event) => event.id}
      columns={[
        {
          id: "when",
          header: t("columns.when"),
          className: "whitespace-nowrap text-slate-800",
          cell: (event) => (
            <time dateTime={event.createdAt}>
              {format.dateTime(new Date(event.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
            </time>
          ),
        },
        {
          id: "who",
          header: t("columns.who"),
          className: "text-slate-900",
          cell: (event) =>
            event.actor ? (
              <>
                <span className="font-medium">{event.actor.name}</span>
                <span className="block text-xs text-slate-600">{event.actor.email}</span>
              </>
            ) : (
              <span className="text-slate-700">{t("system")}</span>
            ),
        },
        {
          id: "action",
          header: t("columns.action"),
          rowHeader: true,
          className: "font-mono text-xs font-semibold text-slate-900",
          cell: (event) => event.action,
        },
        {
          id: "entity",
          header: t("columns.entity"),
          className: "text-slate-800",
          cell: (event) => <AuditEntity event={event} />,
        },
        { id: "details", header: t("columns.details"), cell: (event) => <AuditChanges event={event} /> },
      ]}
      region={{ className: "rounded-lg border border-slate-300 bg-white shadow-sm" }}
      classNames={{
        table: "min-w-full divide-y divide-slate-200 text-left text-sm",
        tbody: "divide-y divide-slate-100",
        row: "align-top",
      }}
    />
  );
}

/** The changed entity's type, and its id (a link for a project). */
function AuditEntity({ event }: { event: AuditEventView }) {
  const t = useTranslations("audit");
  const entityType = knownEntityType(event.entityType);
  return (
    <>
      <span className="block">{entityType ? t(`filters.entityTypes.${entityType}`) : event.entityType}</span>
      {event.entityType === "Project" ? (
        <Link href={`/projects/${event.entityId}`} className={`${linkClass} font-mono text-xs`}>
          {event.entityId}
        </Link>
      ) : (
        <span className="font-mono text-xs">{event.entityId}</span>
      )}
    </>
  );
}

/** The state before and after, folded away until asked for. */
function AuditChanges({ event }: { event: AuditEventView }) {
  const t = useTranslations("audit");
  if (!present(event.before) && !present(event.after)) {
    return <span className="text-slate-600">{t("noDetails")}</span>;
  }
  return (
    <details>
      <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-4">
        {t("showChanges")}
      </summary>
      <dl className="mt-2 grid gap-2 text-xs">
        {present(event.before) ? <AuditState term={t("before")} value={event.before} /> : null}
        {present(event.after) ? <AuditState term={t("after")} value={event.after} /> : null}
      </dl>
    </details>
  );
}

function AuditState({ term, value }: { term: string; value: unknown }) {
  return (
    <div>
      <dt className="font-semibold text-slate-800">{term}</dt>
      <dd>
        <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-slate-900">
          {JSON.stringify(value, null, 2)}
        </pre>
      </dd>
    </div>
  );
}
