import type { DateChangeState, PermitStatus } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";

// Dark text on a light tint with a ring, as the gate and project status badges (contrast well above 4.5:1).
const STATUS_STYLES: Record<PermitStatus, string> = {
  PLANNED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-sky-50 text-sky-900 ring-sky-300",
  PAUSED: "bg-amber-50 text-amber-900 ring-amber-400",
  COMPLETED: "bg-green-50 text-green-900 ring-green-300",
  DENIED: "bg-red-50 text-red-900 ring-red-300",
  WITHDRAWN: "bg-violet-50 text-violet-900 ring-violet-300",
};

const badge =
  "inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset";

/** An authorization's or a milestone's status as a badge ("In progress", "Paused"). */
export function PermitStatusBadge({ status }: { status: PermitStatus }) {
  const t = useTranslations("enums.permitStatus");
  return (
    <span data-permit-status={status} className={`${badge} ${STATUS_STYLES[status]}`}>
      {t(status)}
    </span>
  );
}

const STATE_STYLES: Record<DateChangeState, string> = {
  APPLIED: "bg-green-50 text-green-900 ring-green-300",
  PENDING: "bg-amber-50 text-amber-900 ring-amber-400",
  REJECTED: "bg-red-50 text-red-900 ring-red-300",
};

/** A date change's state as a badge ("Applied", "Waiting for a determination"). */
export function ChangeStateBadge({ state }: { state: DateChangeState }) {
  const t = useTranslations("enums.dateChangeState");
  return (
    <span data-change-state={state} className={`${badge} ${STATE_STYLES[state]}`}>
      {t(state)}
    </span>
  );
}

/** "Missed by 3 working days", in red: an open milestone past its current target. */
export function MissedBadge({ days }: { days: number }) {
  const t = useTranslations("permitting.milestones");
  return (
    <span data-missed-by={days} className={`${badge} bg-red-50 text-red-900 ring-red-300`}>
      {t("missedBy", { days })}
    </span>
  );
}
