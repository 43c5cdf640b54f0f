"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { secondaryButton } from "@/features/ui/styles";
import { useFileSize } from "./document-format";
import type { UploadState } from "./use-tus-upload";

/**
 * An upload under way: a progress bar (with the bytes sent in words), Pause or Resume, Cancel; why
 * it stopped when it failed (the server's own words when it refused the file), with Try again.
 */
export function UploadProgress({
  fileName,
  state,
  onPause,
  onResume,
  onCancel,
}: {
  fileName: string;
  state: Extract<UploadState, { phase: "uploading" | "paused" | "failed" }>;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("documents.upload");
  const format = useFormatter();
  const size = useFileSize();
  const labelId = useId();
  const label = useRef<HTMLParagraphElement>(null);
  // The form that started it is gone: focus goes to what replaced it.
  useEffect(() => label.current?.focus(), []);
  const percent = state.total > 0 ? Math.min(100, Math.floor((state.sent / state.total) * 100)) : 0;
  const amount = t("progressText", {
    percent: format.number(percent),
    sent: size(state.sent),
    total: size(state.total),
  });
  return (
    <div className="flex flex-col gap-4" data-upload-phase={state.phase}>
      <p ref={label} id={labelId} tabIndex={-1} className="rounded-sm font-semibold text-slate-900">
        {t("progressLabel", { fileName })}
      </p>
      <div className="flex items-center gap-3">
        <div
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={amount}
          className="h-4 w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-inset ring-slate-400"
        >
          <div
            className={`h-full rounded-full ${state.phase === "failed" ? "bg-red-700" : "bg-blue-800"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        <span aria-hidden="true" className="w-12 shrink-0 text-right tabular-nums text-slate-800">
          {percent}%
        </span>
      </div>
      <p className="text-sm text-slate-700">{amount}</p>
      <div role="status" aria-live="polite" className="text-sm">
        {state.phase === "paused" ? <p className="font-medium text-slate-900">{t("paused")}</p> : null}
      </div>
      {state.phase === "failed" ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          {state.problem.kind === "refused" ? (
            <>
              <p className="font-semibold">{t("refused")}</p>
              <p className="mt-1">{state.problem.message}</p>
            </>
          ) : (
            <>
              <p className="font-semibold">{t("interrupted")}</p>
              <p className="mt-1">{t("interruptedHint")}</p>
            </>
          )}
        </div>
      ) : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {state.phase === "failed" && state.problem.kind === "refused" ? t("backToForm") : t("cancelUpload")}
        </button>
        {state.phase === "uploading" ? (
          <button type="button" className={secondaryButton} onClick={onPause}>
            {t("pause")}
          </button>
        ) : state.phase === "paused" || (state.phase === "failed" && state.problem.kind === "unreachable") ? (
          <button type="button" className={secondaryButton} onClick={onResume}>
            {state.phase === "paused" ? t("resume") : t("tryAgain")}
          </button>
        ) : null}
      </div>
    </div>
  );
}
