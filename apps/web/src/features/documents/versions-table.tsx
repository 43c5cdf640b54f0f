"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { linkClass, smallButton } from "@/features/ui/styles";
import { shortHash, typeLabel, useFileSize } from "./document-format";
import { ScanState } from "./scan-state";
import type { DetailVersion } from "./types";

/** Where a version's file is downloaded from (through the web, with the reader's session). */
export function downloadHref(versionId: string): string {
  return `/files/versions/${versionId}`;
}

/** Where a version is shown in the page (PDF and images only). */
export function previewHref(versionId: string): string {
  return `/files/versions/${versionId}/preview`;
}

/**
 * Every version of a document, newest first: number, file name, size, its SHA-256 (shortened; the
 * whole in its title and a copy button), who uploaded it and when, the change note, the scan, and
 * a download link for each version that may be downloaded.
 */
export function VersionsTable({
  versions,
  onCopied,
}: {
  versions: readonly DetailVersion[];
  /** Says that a hash was copied (or could not be). */
  onCopied: (message: string) => void;
}) {
  const t = useTranslations("documents.versions");
  const format = useFormatter();
  const size = useFileSize();
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async (version: DetailVersion) => {
    try {
      await navigator.clipboard.writeText(version.sha256);
      setCopied(version.id);
      onCopied(t("copied", { number: version.number }));
    } catch {
      onCopied(t("copyFailed"));
    }
  };

  const columns: DataTableColumn<DetailVersion>[] = [
    {
      id: "number",
      header: t("number"),
      rowHeader: true,
      className: "whitespace-nowrap tabular-nums",
      cell: (v) => t("versionNumber", { number: v.number }),
    },
    {
      id: "file",
      header: t("file"),
      className: "min-w-[12rem]",
      cell: (v) => (
        <>
          <span className="block break-all text-slate-900">{v.fileName}</span>
          <span className="block text-slate-700">
            <abbr title={v.mimeType}>{typeLabel(v.mimeType)}</abbr> · {size(v.size)}
          </span>
        </>
      ),
    },
    {
      id: "sha256",
      header: t("sha256"),
      cell: (v) => (
        <span className="flex flex-wrap items-center gap-2">
          <code title={v.sha256} className="font-mono text-xs text-slate-900">
            {shortHash(v.sha256)}…
          </code>
          <button
            type="button"
            className={smallButton}
            aria-label={t("copyLabel", { number: v.number })}
            onClick={() => void copy(v)}
          >
            {copied === v.id ? t("copiedShort") : t("copy")}
          </button>
        </span>
      ),
    },
    {
      id: "uploaded",
      header: t("uploaded"),
      className: "min-w-[11rem]",
      cell: (v) => (
        <>
          <span className="block text-slate-900">{v.uploadedByName}</span>
          <time dateTime={v.createdAt} className="block whitespace-nowrap text-slate-700">
            {format.dateTime(new Date(v.createdAt), "dateTime")}
          </time>
        </>
      ),
    },
    {
      id: "note",
      header: t("changeNote"),
      className: "min-w-[12rem] whitespace-pre-line break-words",
      cell: (v) => v.changeNote || <span className="text-slate-600">{t("noNote")}</span>,
    },
    {
      id: "scan",
      header: t("scan"),
      cell: (v) => <ScanState status={v.scanStatus} signature={v.scanSignature} />,
    },
    {
      id: "download",
      header: t("download"),
      cell: (v) =>
        v.downloadable ? (
          <a href={downloadHref(v.id)} download className={`${linkClass} whitespace-nowrap`}>
            {t("downloadLink")} <span className="sr-only">{t("versionNumber", { number: v.number })}</span>
          </a>
        ) : (
          <span className="text-slate-600">{t("notYet")}</span>
        ),
    },
  ];

  return (
    <DataTable
      caption={t("caption")}
      columns={columns}
      rows={versions}
      rowKey={(v) => v.id}
      rowProps={(v) => ({ "data-version": v.number })}
      region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{
        table: "w-full min-w-[60rem] border-collapse text-left text-sm",
        row: "align-top odd:bg-white even:bg-slate-50",
      }}
    />
  );
}
