"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { linkClass } from "@/features/ui/styles";
import { ClassificationBadge } from "./classification";
import { inLocale, typeLabel, useFileSize } from "./document-format";
import { ScanState } from "./scan-state";
import type { DocumentRow } from "./types";

/**
 * Documents as a table: the title in the reader's language (else the other), its classification
 * on every row, the current version's number, size, type, who uploaded it and when (in the
 * reader's time zone), and whether the malware scan still holds it back.
 */
export function DocumentTable({
  projectId,
  caption,
  rows,
}: {
  projectId: string;
  caption: string;
  rows: readonly DocumentRow[];
}) {
  const t = useTranslations("documents.table");
  const format = useFormatter();
  const locale = useLocale();
  const size = useFileSize();

  const columns: DataTableColumn<DocumentRow>[] = [
    {
      id: "title",
      header: t("title"),
      rowHeader: true,
      className: "min-w-[16rem] font-normal",
      cell: (doc) => {
        const title = inLocale(locale, doc.titleEn, doc.titleJa);
        return (
          <>
            <Link
              href={`/projects/${projectId}/documents/${doc.id}`}
              lang={title.lang}
              className={`${linkClass} font-semibold`}
            >
              {title.text}
            </Link>
            {doc.current ? (
              <span className="mt-1 block break-all text-xs text-slate-600">{doc.current.fileName}</span>
            ) : null}
          </>
        );
      },
    },
    {
      id: "classification",
      header: t("classification"),
      cell: (doc) => (
        <ClassificationBadge classification={doc.classification} delegations={doc.delegations} />
      ),
    },
    {
      id: "version",
      header: t("version"),
      className: "whitespace-nowrap tabular-nums",
      cell: (doc) => (doc.current ? t("versionNumber", { number: doc.current.number }) : t("noVersion")),
    },
    {
      id: "size",
      header: t("size"),
      className: "whitespace-nowrap text-right tabular-nums",
      headerClassName: "text-right",
      cell: (doc) => (doc.current ? size(doc.current.size) : null),
    },
    {
      id: "type",
      header: t("type"),
      cell: (doc) =>
        doc.current ? <abbr title={doc.current.mimeType}>{typeLabel(doc.current.mimeType)}</abbr> : null,
    },
    {
      id: "uploaded",
      header: t("uploaded"),
      className: "min-w-[11rem]",
      cell: (doc) =>
        doc.current ? (
          <>
            <span className="block text-slate-900">{doc.current.uploadedByName}</span>
            <time dateTime={doc.current.createdAt} className="block whitespace-nowrap text-slate-700">
              {format.dateTime(new Date(doc.current.createdAt), "dateTime")}
            </time>
          </>
        ) : null,
    },
    {
      id: "scan",
      header: t("scan"),
      cell: (doc) => (doc.current ? <ScanState status={doc.current.scanStatus} /> : null),
    },
  ];

  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(doc) => doc.id}
      rowProps={(doc) => ({ "data-document": doc.id, "data-classification": doc.classification })}
      region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{
        table: "w-full min-w-[56rem] border-collapse text-left text-sm",
        row: "align-top odd:bg-white even:bg-slate-50",
      }}
    />
  );
}
