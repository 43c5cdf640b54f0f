"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { Spinner } from "./spinner";
import { dangerButton, primaryButton, secondaryButton } from "./styles";

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs. */
  busyLabel?: string;
  tone?: "danger" | "default";
  busy?: boolean;
  /** Why the action failed (already translated or the server's words); the dialog stays open. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before doing something that cannot simply be undone. Focus starts on "Cancel", so Enter
 * or Space pressed by accident does nothing harmful; Escape cancels.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  tone = "default",
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const t = useTranslations("dialog");
  return (
    <Dialog open={open} onClose={onCancel} title={title} busy={busy} size="sm" role="alertdialog">
      <div className="flex flex-col gap-4">
        <div className="text-slate-800">{children}</div>
        {error ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
            {error}
          </div>
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button
            type="button"
            data-autofocus
            onClick={() => {
              if (!busy) onCancel();
            }}
            aria-disabled={busy || undefined}
            className={secondaryButton}
          >
            {t("cancel")}
          </button>
          <button
            type="button"
            onClick={() => {
              if (!busy) onConfirm();
            }}
            aria-disabled={busy || undefined}
            className={tone === "danger" ? dangerButton : primaryButton}
          >
            {busy ? <Spinner tone="light" /> : null}
            {busy && busyLabel ? busyLabel : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
