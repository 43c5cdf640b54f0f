"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { StatusBadge } from "@/features/projects/status-badge";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { ProgressBar } from "./progress-bar";
import type { DeliveryData } from "./types";

/**
 * The delivery at a glance: its status, the time zone due dates are read in, whether it started
 * and how far it is; and the planner's project-wide actions.
 */
export function DeliveryOverview({
  headingId,
  data,
  canPlan,
  milestoneCount,
  onStart,
  onComplete,
  onAddMilestone,
  onChangeTimeZone,
}: {
  headingId: string;
  data: DeliveryData;
  /** The reader plans delivery (the API checks again). */
  canPlan: boolean;
  milestoneCount: number;
  onStart: () => void;
  onComplete: () => void;
  onAddMilestone: () => void;
  onChangeTimeZone: () => void;
}) {
  const t = useTranslations("delivery");
  const status = data.status;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-2xl font-semibold text-slate-900">
          {t("heading")}
        </h2>
        <StatusBadge status={status} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" data-reference-zone={data.referenceTimeZone}>
          {t("referenceZone", { timeZone: data.referenceTimeZone })}
        </p>
        {canPlan ? (
          <button type="button" className={secondaryButton} onClick={onChangeTimeZone}>
            {t("changeTimeZone")}
          </button>
        ) : null}
      </div>

      {status === "APPROVED" ? (
        <div className="rounded-md border border-slate-300 bg-white p-4">
          <p className="text-slate-800">{canPlan ? t("notStartedCoordinator") : t("notStarted")}</p>
          {canPlan ? (
            <button type="button" className={`${primaryButton} mt-3`} onClick={onStart}>
              {t("start")}
            </button>
          ) : null}
        </div>
      ) : status === "IN_DELIVERY" || status === "COMPLETED" ? (
        <div className="max-w-2xl">
          <p className="mb-1 text-sm font-semibold text-slate-900">{t("projectProgress")}</p>
          <ProgressBar value={data.progress} label={t("projectProgress")} large />
        </div>
      ) : (
        <p className="text-slate-800">{t("notApproved")}</p>
      )}

      {status === "COMPLETED" ? <p className="font-semibold text-emerald-900">{t("completedNote")}</p> : null}

      {canPlan && status === "IN_DELIVERY" ? (
        <PlanningActions
          canComplete={data.canComplete}
          milestoneCount={milestoneCount}
          onAddMilestone={onAddMilestone}
          onComplete={onComplete}
        />
      ) : null}
    </section>
  );
}

/** Add a top-level milestone; mark the project completed, or say why that is not yet possible. */
function PlanningActions({
  canComplete,
  milestoneCount,
  onAddMilestone,
  onComplete,
}: {
  canComplete: boolean;
  milestoneCount: number;
  onAddMilestone: () => void;
  onComplete: () => void;
}) {
  const t = useTranslations("delivery");
  const hintId = useId();
  return (
    <div className="flex flex-wrap items-start gap-3">
      <button type="button" className={primaryButton} onClick={onAddMilestone}>
        {t("addMilestone")}
      </button>
      <div className="flex flex-col gap-1">
        <button
          type="button"
          className={secondaryButton}
          disabled={!canComplete}
          aria-describedby={canComplete ? undefined : hintId}
          onClick={onComplete}
        >
          {t("complete")}
        </button>
        {!canComplete ? (
          <p id={hintId} className="max-w-sm text-sm text-slate-700">
            {milestoneCount === 0 ? t("completeNeedsMilestones") : t("completeUnavailable")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
