"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { linkClass } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { ClassificationBadge } from "./classification";
import { inLocale } from "./document-format";

/**
 * On the review page: the documents changed or added since the revision under review (those the
 * reader may see), each linking to the document. Nothing when there are none.
 */
export function DocumentChangesPanel({ projectId }: { projectId: string }) {
  const t = useTranslations("documents.changes");
  const locale = useLocale();
  const headingId = useId();
  const trpc = useTRPC();
  const changes = useQuery(trpc.documents.changes.queryOptions({ projectId }));
  const data = changes.data;
  if (!data || data.revision === null || data.items.length === 0) return null;
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-amber-400 bg-amber-50 p-4"
      data-testid="document-changes"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t("heading", { revision: data.revision })}
      </h2>
      <p className="text-sm text-slate-800">{t("lead")}</p>
      <ul className="flex flex-col gap-2">
        {data.items.map((item) => {
          const title = inLocale(locale, item.titleEn, item.titleJa);
          return (
            <li key={item.documentId} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link
                href={`/projects/${projectId}/documents/${item.documentId}`}
                lang={title.lang}
                className={`${linkClass} font-semibold`}
              >
                {title.text}
              </Link>
              <ClassificationBadge classification={item.classification} />
              <span className="text-sm text-slate-800">
                {item.change === "added" || item.recordedVersion === null
                  ? t("added", { current: item.currentVersion })
                  : t("changed", { recorded: item.recordedVersion, current: item.currentVersion })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
