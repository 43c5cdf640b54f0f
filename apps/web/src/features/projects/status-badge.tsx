import type { ProjectStatus } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";

// Dark text on a light tint with a ring: every pair keeps a contrast ratio well above 4.5:1.
const STATUS_STYLES: Record<ProjectStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800 ring-slate-300",
  SUBMITTED: "bg-sky-50 text-sky-900 ring-sky-300",
  IN_REVIEW: "bg-amber-50 text-amber-900 ring-amber-300",
  CHANGES_REQUESTED: "bg-orange-50 text-orange-900 ring-orange-300",
  APPROVED: "bg-green-50 text-green-900 ring-green-300",
  REJECTED: "bg-red-50 text-red-900 ring-red-300",
  IN_DELIVERY: "bg-indigo-50 text-indigo-900 ring-indigo-300",
  COMPLETED: "bg-emerald-100 text-emerald-900 ring-emerald-400",
  WITHDRAWN: "bg-stone-100 text-stone-700 ring-stone-300",
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const t = useTranslations("enums.projectStatus");
  return (
    <span
      data-status={status}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLES[status]}`}
    >
      {t(status)}
    </span>
  );
}
