"use client";

import type { RevisionSummary } from "@lodestone/domain/proposal";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DataTable } from "@/features/ui/data-table";
import { inputClass } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { wordDiff, type DiffPart } from "./text-diff";

const TEXT_FIELDS = [
  ["titleEn", "en"],
  ["titleJa", "ja"],
  ["summaryEn", "en"],
  ["summaryJa", "ja"],
  ["bodyEn", "en"],
  ["bodyJa", "ja"],
] as const;

/** The other snapshotted fields, one "name: value" line each (compared as English text). */
function otherFields(content: Record<string, unknown>): string {
  const text = new Set<string>(TEXT_FIELDS.map(([field]) => field));
  return Object.keys(content)
    .filter((key) => !text.has(key))
    .sort()
    .map((key) => `${key}: ${JSON.stringify(content[key])}`)
    .join("\n");
}

function field(content: Record<string, unknown>, name: string): string {
  const value = content[name];
  return typeof value === "string" ? value : "";
}

/** Revisions of a project (number, date, author, hash) and a word-level diff between any two. */
export function RevisionHistory({
  projectId,
  revisions: unsorted,
}: {
  projectId: string;
  revisions: RevisionSummary[];
}) {
  const t = useTranslations("project.revisions");
  const format = useFormatter();
  const id = useId();
  const revisions = [...unsorted].sort((a, b) => a.number - b.number);
  const last = revisions.at(-1)?.number ?? 1;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);

  return (
    <section aria-labelledby="project-revisions" className="flex flex-col gap-4">
      <h2 id="project-revisions" className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {revisions.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <>
          <DataTable
            caption={t("caption")}
            rows={revisions}
            rowKey={(r) => r.id}
            columns={[
              {
                id: "number",
                header: t("number"),
                rowHeader: true,
                className: "font-semibold",
                cell: (r) => r.number,
              },
              {
                id: "date",
                header: t("date"),
                cell: (r) => (
                  <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), "dateTime")}</time>
                ),
              },
              { id: "author", header: t("author"), cell: (r) => r.createdBy.name },
              {
                id: "hash",
                header: t("hash"),
                className: "font-mono text-xs",
                cell: (r) => <abbr title={r.contentHash}>{r.contentHash.slice(0, 12)}</abbr>,
              },
            ]}
            region={{ className: "rounded-lg border border-slate-300" }}
            classNames={{ headerCell: "px-3 py-2 font-semibold", cell: "px-3 py-2" }}
          />
          {revisions.length > 1 ? (
            <fieldset className="flex flex-wrap items-end gap-4">
              <legend className="mb-2 text-base font-semibold text-slate-900">{t("compare")}</legend>
              {(
                [
                  ["from", from, setFrom],
                  ["to", to, setTo],
                ] as const
              ).map(([name, value, set]) => (
                <div key={name} className="flex flex-col gap-1.5">
                  <label htmlFor={`${id}-${name}`} className="text-sm font-semibold text-slate-900">
                    {t(name)}
                  </label>
                  <select
                    id={`${id}-${name}`}
                    value={value}
                    onChange={(event) => set(Number(event.target.value))}
                    className={inputClass}
                  >
                    {revisions.map((r) => (
                      <option key={r.number} value={r.number}>
                        {t("option", { number: r.number })}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          ) : null}
          {revisions.length > 1 ? <RevisionDiff projectId={projectId} from={from} to={to} /> : null}
        </>
      )}
    </section>
  );
}

function RevisionDiff({ projectId, from, to }: { projectId: string; from: number; to: number }) {
  const t = useTranslations("project.revisions");
  const trpc = useTRPC();
  const before = useQuery(trpc.project.revision.queryOptions({ projectId, number: from }));
  const after = useQuery(trpc.project.revision.queryOptions({ projectId, number: to }));

  if (before.isError || after.isError) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
        {t("error", { message: (before.error ?? after.error)?.message ?? "" })}
      </p>
    );
  }
  if (!before.data || !after.data) {
    return (
      <p role="status" aria-busy="true" className="text-slate-700">
        {t("loading")}
      </p>
    );
  }
  const a = (before.data.content ?? {}) as Record<string, unknown>;
  const b = (after.data.content ?? {}) as Record<string, unknown>;
  const fields = [
    ...TEXT_FIELDS.map(([name, lang]) => ({ name, lang, old: field(a, name), now: field(b, name) })),
    { name: "other" as const, lang: "en" as const, old: otherFields(a), now: otherFields(b) },
  ].filter((f) => f.old !== f.now);

  return (
    <div aria-live="polite" className="flex flex-col gap-4" data-testid="revision-diff">
      {fields.length === 0 ? <p className="text-slate-700">{t("same")}</p> : null}
      {fields.map((f) => (
        <div key={f.name} className="rounded-lg border border-slate-300 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-900">{t(`fields.${f.name}`)}</h3>
          <DiffText parts={wordDiff(f.old, f.now, f.lang)} lang={f.lang} />
        </div>
      ))}
    </div>
  );
}

/** A diff with insertions underlined and deletions struck through, each announced to screen readers. */
export function DiffText({ parts, lang }: { parts: DiffPart[]; lang: "en" | "ja" }) {
  const t = useTranslations("project.revisions");
  return (
    <p lang={lang} className="mt-2 whitespace-pre-wrap break-words text-slate-900">
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="bg-green-100 text-green-950 underline decoration-2">
            <span className="sr-only">{t("insertedStart")}</span>
            {part.text}
            <span className="sr-only">{t("end")}</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="bg-red-100 text-red-950 line-through decoration-2">
            <span className="sr-only">{t("deletedStart")}</span>
            {part.text}
            <span className="sr-only">{t("end")}</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
