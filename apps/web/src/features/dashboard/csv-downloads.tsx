"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { Spinner } from "@/features/ui/spinner";
import { secondaryButton } from "@/features/ui/styles";
import { useTRPCClient } from "@/trpc/react";

type Kind = "projects" | "milestones";

/** Saves `content` (kept exactly, byte-order mark included) as a file named `filename`. */
export function saveCsv(filename: string, content: string): void {
  const blob = new Blob([content], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download buttons for the CSV exports (UTF-8 with a byte-order mark, so Excel reads Japanese). */
export function CsvDownloads() {
  const t = useTranslations("dashboard.csv");
  const client = useTRPCClient();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = async (kind: Kind) => {
    if (busy) return;
    setBusy(kind);
    setMessage(null);
    try {
      const file =
        kind === "projects"
          ? await client.dashboard.projectsCsv.query()
          : await client.dashboard.milestonesCsv.query();
      saveCsv(file.filename, file.content);
      setMessage({ text: t("downloaded", { filename: file.filename }), error: false });
    } catch (error) {
      setMessage({ text: t("failed", { message: toApiProblem(error).message }), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <div className="flex flex-wrap gap-3">
        {(["projects", "milestones"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={secondaryButton}
            aria-disabled={busy === kind || undefined}
            onClick={() => void download(kind)}
          >
            {busy === kind ? <Spinner /> : null}
            {t(kind)}
          </button>
        ))}
      </div>
      <p
        role="status"
        aria-live="polite"
        className={message?.error ? "text-sm font-medium text-red-800" : "text-sm text-slate-800"}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
