import type { ReactNode } from "react";
import { inputClass } from "./styles";

/** The ids a field's control points at with aria-describedby (hint first, then the error). */
export function describedBy(
  id: string,
  { hint, error }: { hint?: unknown; error?: unknown },
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** What a field gives its control: spread it on the input, select or textarea. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
  className: string;
}

/** The props that tie a control to its field's label, hint and error. */
export function controlProps(
  id: string,
  { hint, error, required }: { hint?: unknown; error?: unknown; required?: boolean },
): ControlProps {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, { hint, error }),
    "aria-required": required ? true : undefined,
    className: inputClass,
  };
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated. */
  error?: string | null;
  /** Marks the field as required (a marker beside the label, and aria-required on the control). */
  required?: boolean;
  /**
   * The control. Given a function, it receives the props to spread on the control (id,
   * aria-invalid, aria-describedby, aria-required, the shared input class); given an element, that
   * element must carry them itself.
   */
  children: ReactNode | ((control: ControlProps) => ReactNode);
  className?: string;
}

/** A labelled form control with an optional hint, required marker and error message. */
export function Field({ id, label, hint, error, required, children, className }: FieldProps) {
  return (
    <div className={`flex flex-col gap-1.5 ${className ?? ""}`}>
      <div className="flex items-baseline gap-1">
        <label htmlFor={id} className="text-sm font-semibold text-slate-900">
          {label}
        </label>
        {required ? (
          <span aria-hidden="true" className="text-sm font-semibold text-red-800">
            *
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {typeof children === "function" ? children(controlProps(id, { hint, error, required })) : children}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

interface FieldGroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** Already translated. */
  error?: string | null;
  children: ReactNode;
  className?: string;
  legendClassName?: string;
}

/**
 * A group of controls under one legend (radio buttons, check boxes): the group is described by
 * its hint and error, as a single field is.
 */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  children,
  className,
  legendClassName = "mb-2 text-sm font-semibold text-slate-900",
}: FieldGroupProps) {
  return (
    <fieldset
      aria-describedby={describedBy(id, { hint, error })}
      className={className ?? "flex flex-col gap-2"}
    >
      <legend className={legendClassName}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-red-800">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0 fill-current">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.75 3.5h1.5v5h-1.5v-5Zm0 6.25h1.5v1.5h-1.5v-1.5Z" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
