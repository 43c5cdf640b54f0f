"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveCsv } from "@/features/dashboard/csv-downloads";
import { toApiProblem } from "@/features/forms/api-problem";
import { Spinner } from "@/features/ui/spinner";
import { secondaryButton } from "@/features/ui/styles";
import { useTRPCClient } from "@/trpc/react";

/** "Export CSV": the data room's index (the documents the reader may see, never their files). */
export function ExportButton({ projectId }: { projectId: string }) {
  const t = useTranslations("documents.export");
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const file = await client.documents.export.query({ projectId });
      saveCsv(file.fileName, file.csv);
      setMessage({ text: t("downloaded", { fileName: file.fileName }), error: false });
    } catch (error) {
      setMessage({ text: t("failed", { message: toApiProblem(error).message }), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className={secondaryButton}
        aria-disabled={busy || undefined}
        onClick={() => void download()}
      >
        {busy ? <Spinner /> : null}
        {t("button")}
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
