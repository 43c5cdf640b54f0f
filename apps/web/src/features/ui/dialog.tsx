"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  open: boolean;
  /** Called when the dialog closes itself (Escape, the close button). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Focused when the dialog opens; else the first element marked `data-autofocus`, else the first control. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** While true, Escape does not close the dialog (e.g. while a change is being saved). */
  busy?: boolean;
  size?: "sm" | "md" | "lg";
  role?: "dialog" | "alertdialog";
}

const SIZES = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-2xl" } as const;

/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the rest of the page inert
 * (focus cannot leave), Escape closes it, and focus returns to what had it before.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  initialFocusRef,
  busy = false,
  size = "md",
  role = "dialog",
}: DialogProps) {
  const t = useTranslations("dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // What the caller asked for, else the first control of the content (not the close button).
      const target =
        initialFocusRef?.current ??
        dialog.querySelector<HTMLElement>("[data-autofocus]") ??
        dialog.querySelector<HTMLElement>(`[data-dialog-body] :is(${FOCUSABLE})`) ??
        dialog.querySelector<HTMLElement>(FOCUSABLE);
      target?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocusRef]);

  // Closed by unmounting while open: give focus back all the same.
  useEffect(() => {
    return () => {
      const previous = returnFocus.current;
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      onClose={() => {
        const previous = returnFocus.current;
        returnFocus.current = null;
        if (previous?.isConnected) previous.focus();
        onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${SIZES[size]} rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60`}
    >
      {open ? (
        <div className="flex max-h-[85vh] flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
            <div>
              <h2 id={titleId} className="text-xl font-semibold tracking-tight">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="mt-1 text-sm text-slate-700">
                  {description}
                </div>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => {
                if (!busy) ref.current?.close();
              }}
              aria-disabled={busy || undefined}
              className="-mr-2 rounded p-2 text-slate-700 hover:bg-slate-100 hover:text-slate-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
            >
              <span className="sr-only">{t("close")}</span>
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
                <path d="M3.7 2.3 8 6.6l4.3-4.3 1.4 1.4L9.4 8l4.3 4.3-1.4 1.4L8 9.4l-4.3 4.3-1.4-1.4L6.6 8 2.3 3.7l1.4-1.4Z" />
              </svg>
            </button>
          </div>
          <div data-dialog-body className="overflow-y-auto px-6 py-5">
            {children}
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
