import type { GateState } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";

// Dark text on a light tint with a ring, as the project status badges (contrast well above 4.5:1).
const STATE_STYLES: Record<GateState, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-sky-50 text-sky-900 ring-sky-300",
  SUBMITTED: "bg-amber-50 text-amber-900 ring-amber-300",
  PASSED: "bg-green-50 text-green-900 ring-green-300",
  WAIVED: "bg-violet-50 text-violet-900 ring-violet-300",
  FAILED: "bg-red-50 text-red-900 ring-red-300",
};

/** A gate's state as a badge ("Passed", "Submitted for sign-off"). */
export function GateStateBadge({ state }: { state: GateState }) {
  const t = useTranslations("enums.gateState");
  return (
    <span
      data-gate-state={state}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATE_STYLES[state]}`}
    >
      {t(state)}
    </span>
  );
}
