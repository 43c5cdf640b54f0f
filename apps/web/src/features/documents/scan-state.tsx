"use client";

import type { ScanStatus } from "@lodestone/domain/documents";
import { useTranslations } from "next-intl";

const LOOK: Record<ScanStatus, string> = {
  PENDING: "text-amber-900",
  CLEAN: "text-green-900",
  UNSCANNED: "text-slate-700",
  QUARANTINED: "font-semibold text-red-900",
};

/**
 * Where a version stands with the malware scanner, in words: a version still being scanned (or
 * quarantined) cannot be downloaded yet.
 */
export function ScanState({ status, signature }: { status: ScanStatus; signature?: string | null }) {
  const t = useTranslations("documents.scan");
  return (
    <span data-scan-status={status} className={`inline-flex items-center gap-1.5 text-sm ${LOOK[status]}`}>
      {status === "PENDING" ? (
        <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0">
          <circle
            cx="8"
            cy="8"
            r="6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeDasharray="4 3"
          />
        </svg>
      ) : null}
      {t(`status.${status}`)}
      {status === "QUARANTINED" && signature ? (
        <span className="font-mono text-xs">({signature})</span>
      ) : null}
    </span>
  );
}
