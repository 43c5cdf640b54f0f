"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { TimeZoneSelect } from "@/features/i18n/time-zone-select";
import { timeZoneGroups } from "@/features/i18n/time-zones";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";

export interface TimeZoneFormProps {
  /** The project's reference time zone now. */
  current: string;
  /** Saves the new zone; throws (a tRPC error) when refused. */
  onSubmit: (timeZone: string) => Promise<void>;
  onCancel: () => void;
}

/** A coordinator corrects the zone the project's due dates are read in. */
export function TimeZoneForm({ current, onSubmit, onCancel }: TimeZoneFormProps) {
  const t = useTranslations("delivery.timeZoneForm");
  const id = useId();
  const [zone, setZone] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown only once opened, in the browser: the list is the browser's own (Intl), as on the profile.
  const groups = useMemo(() => timeZoneGroups([current]), [current]);

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        setError(null);
        if (zone === current) {
          setError(t("unchanged"));
          return;
        }
        setBusy(true);
        try {
          await onSubmit(zone);
        } catch (caught) {
          setError(t("failed", { message: toApiProblem(caught).message }));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p className="text-slate-800">{t("lead")}</p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-zone`} className="font-semibold text-slate-900">
          {t("label")}
        </label>
        <TimeZoneSelect
          id={`${id}-zone`}
          groups={groups}
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-autofocus
        />
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-red-900">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="submit" aria-disabled={busy || undefined} className={primaryButton}>
          {busy ? <Spinner tone="light" /> : null}
          {busy ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
