import type { ReactNode } from "react";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";

export interface SubmitButtonProps {
  /** While the form is being sent: the button shows a spinner and `busyLabel`, and says it is busy. */
  busy: boolean;
  label: string;
  busyLabel: string;
}

/**
 * A form's submit button. While busy it stays focusable and in the tab order (`aria-disabled`, not
 * `disabled`), so focus is not lost; the form ignores a second submit meanwhile.
 */
export function SubmitButton({ busy, label, busyLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className={primaryButton} aria-disabled={busy || undefined}>
      {busy ? <Spinner tone="light" /> : null}
      {busy ? busyLabel : label}
    </button>
  );
}

export type FormActionsProps = SubmitButtonProps & {
  /** Further buttons, before the submit button. */
  children?: ReactNode;
} & (
    | { /** Leaves the form without sending it. */ onCancel: () => void; cancelLabel: string }
    | { onCancel?: undefined; cancelLabel?: undefined }
  );

/** The end of a form: cancel (when the form can be left), any further actions, then submit. */
export function FormActions({ busy, label, busyLabel, onCancel, cancelLabel, children }: FormActionsProps) {
  return (
    <div className="flex flex-wrap justify-end gap-3">
      {onCancel ? (
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {cancelLabel}
        </button>
      ) : null}
      {children}
      <SubmitButton busy={busy} label={label} busyLabel={busyLabel} />
    </div>
  );
}
