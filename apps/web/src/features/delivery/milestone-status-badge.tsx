import type { MilestoneStatus } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";

// Dark text on a light tint with a ring (contrast well above 4.5:1).
const STYLES: Record<MilestoneStatus, string> = {
  PLANNED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-sky-50 text-sky-900 ring-sky-300",
  BLOCKED: "bg-orange-50 text-orange-900 ring-orange-400",
  DONE: "bg-emerald-100 text-emerald-900 ring-emerald-400",
  CANCELLED: "bg-stone-100 text-stone-700 ring-stone-300",
};

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  const t = useTranslations("delivery.status");
  return (
    <span
      data-status={status}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[status]}`}
    >
      {t(status)}
    </span>
  );
}

/** "Due today", in an amber badge with a clock icon (not colour alone). */
export function DueTodayBadge() {
  const t = useTranslations("delivery");
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-500">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM7.25 4v4.31l2.97 2.97 1.06-1.06-2.53-2.53V4h-1.5Z" />
      </svg>
      {t("dueToday")}
    </span>
  );
}

/** "Overdue", in a red badge with an icon (not colour alone). */
export function OverdueBadge() {
  const t = useTranslations("delivery");
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-red-50 px-2.5 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-inset ring-red-400">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.75 3.5h1.5v5h-1.5v-5Zm0 6.25h1.5v1.5h-1.5v-1.5Z" />
      </svg>
      {t("overdue")}
    </span>
  );
}
