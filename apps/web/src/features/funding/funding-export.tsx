"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { Spinner } from "@/features/ui/spinner";
import { secondaryButton } from "@/features/ui/styles";
import { useTRPCClient } from "@/trpc/react";

type Format = "csv" | "json";

/** Saves `body` (kept exactly, a CSV's byte-order mark included) as a file named `fileName`. */
function saveFile(fileName: string, contentType: string, body: string): void {
  const blob = new Blob([body], { type: `${contentType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export CSV" and "Export JSON": every ledger entry the reader may see (of one project, or of
 * all), with its IATI transaction code and USD value.
 */
export function FundingExport({ projectId }: { projectId?: string }) {
  const t = useTranslations("funding.export");
  const client = useTRPCClient();
  const [busy, setBusy] = useState<Format | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const download = async (format: Format) => {
    if (busy) return;
    setBusy(format);
    setMessage(null);
    try {
      const file = await client.funding.export.query(projectId ? { projectId, format } : { format });
      saveFile(file.fileName, file.contentType, file.body);
      setMessage({ text: t("downloaded", { fileName: file.fileName }), error: false });
    } catch (error) {
      setMessage({ text: t("failed", { message: toApiProblem(error).message }), error: true });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-3">
        {(["csv", "json"] as const).map((format) => (
          <button
            key={format}
            type="button"
            className={secondaryButton}
            aria-disabled={busy === format || undefined}
            onClick={() => void download(format)}
          >
            {busy === format ? <Spinner /> : null}
            {t(format)}
          </button>
        ))}
      </div>
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
