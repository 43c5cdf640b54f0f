"use client";

import type { EventType } from "@lodestone/domain/events";
import type { ProjectDetail } from "@lodestone/domain/proposal";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { todayIn } from "./dates";
import { DeliveryOverview } from "./delivery-overview";
import { DeliveryTimeline } from "./delivery-timeline";
import { CreateMilestoneDialog, ReplanDialog, ReportDialog } from "./milestone-dialogs";
import { MilestoneTree, milestoneTitle } from "./milestone-tree";
import { CompleteDeliveryDialog, StartDeliveryDialog, TimeZoneDialog } from "./project-delivery-dialogs";
import { ReplanHistory } from "./replan-history";
import { flattenTree, type DeliveryData, type MilestoneView } from "./types";
import { useDelivery } from "./use-delivery";

type Open =
  | { kind: "create"; parent: MilestoneView | null }
  | { kind: "report"; milestone: MilestoneView }
  | { kind: "replan"; milestone: MilestoneView }
  | { kind: "start" }
  | { kind: "complete" }
  | { kind: "timeZone" }
  | null;

/** Changes to a delivery that the live feed tells its readers about. */
const DELIVERY_EVENTS = [
  "milestone.created",
  "milestone.replanned",
  "milestone.reported",
  "project.delivery_started",
  "project.completed",
  "project.time_zone_changed",
] as const satisfies readonly EventType[];

export interface DeliverySectionProps {
  /** The project as the server loaded it (its version is needed to start or complete delivery). */
  project: ProjectDetail;
  initial: DeliveryData;
  /** The reader plans delivery: starts, plans, re-plans and completes it (the API checks again). */
  canPlan: boolean;
}

/**
 * A project's delivery: overall progress, the milestone tree, the timeline with every re-plan,
 * and the planner's actions (start delivery, add milestones, re-plan, complete, correct the
 * time zone due dates are read in).
 */
export function DeliverySection({ project, initial, canPlan }: DeliverySectionProps) {
  const t = useTranslations("delivery");
  const locale = useLocale();
  const headingId = useId();
  const { data, currentVersion, refresh } = useDelivery(project, initial);
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState("");
  // The delivery is read again by the live feed's provider; someone else's change is said here.
  const live = useLiveStatusActions();
  useLiveEvents({ projectId: project.id, types: DELIVERY_EVENTS }, (event) => {
    if (!event.mine) live.announce(t("liveUpdated"));
  });

  const close = () => setOpen(null);
  const done = async (message: string) => {
    setOpen(null);
    await refresh();
    setAnnouncement(message);
  };
  const projectDialog = { projectId: project.id, currentVersion, onClose: close, onDone: done };
  const all = flattenTree(data.milestones).map((r) => r.milestone);
  const titles = new Map(all.map((m) => [m.id, milestoneTitle(m, locale).text]));
  const started = data.status === "IN_DELIVERY" || data.status === "COMPLETED";
  const planning = canPlan && data.status === "IN_DELIVERY";

  return (
    <div className="flex flex-col gap-8">
      <div aria-live="polite" role="status" className="sr-only">
        {announcement}
      </div>

      <DeliveryOverview
        headingId={headingId}
        data={data}
        canPlan={canPlan}
        milestoneCount={all.length}
        onStart={() => setOpen({ kind: "start" })}
        onComplete={() => setOpen({ kind: "complete" })}
        onAddMilestone={() => setOpen({ kind: "create", parent: null })}
        onChangeTimeZone={() => setOpen({ kind: "timeZone" })}
      />

      {started ? (
        <>
          <section aria-labelledby={`${headingId}-tree`} className="flex flex-col gap-4">
            <h2 id={`${headingId}-tree`} className="text-xl font-semibold text-slate-900">
              {t("tree.heading")}
            </h2>
            <MilestoneTree
              milestones={data.milestones}
              actions={{
                canPlan: planning,
                onReport: (m) => setOpen({ kind: "report", milestone: m }),
                onReplan: (m) => setOpen({ kind: "replan", milestone: m }),
                onAddChild: (m) => setOpen({ kind: "create", parent: m }),
              }}
            />
          </section>

          {all.length > 0 ? (
            <section aria-labelledby={`${headingId}-timeline`} className="flex flex-col gap-4">
              <h2 id={`${headingId}-timeline`} className="text-xl font-semibold text-slate-900">
                {t("timeline.heading")}
              </h2>
              <DeliveryTimeline
                milestones={data.milestones}
                replans={data.replans}
                today={todayIn(data.referenceTimeZone)}
                timeZone={data.referenceTimeZone}
              />
            </section>
          ) : null}

          <ReplanHistory headingId={`${headingId}-replans`} replans={data.replans} titles={titles} />
        </>
      ) : null}

      <CreateMilestoneDialog
        open={open?.kind === "create"}
        projectId={project.id}
        parent={open?.kind === "create" ? open.parent : null}
        onClose={close}
        onDone={done}
      />
      <ReportDialog
        projectId={project.id}
        milestone={open?.kind === "report" ? open.milestone : null}
        onClose={close}
        onDone={done}
      />
      <ReplanDialog
        milestone={open?.kind === "replan" ? open.milestone : null}
        timeZone={data.referenceTimeZone}
        onClose={close}
        onDone={done}
      />
      <TimeZoneDialog open={open?.kind === "timeZone"} current={data.referenceTimeZone} {...projectDialog} />
      <StartDeliveryDialog open={open?.kind === "start"} {...projectDialog} />
      <CompleteDeliveryDialog open={open?.kind === "complete"} {...projectDialog} />
    </div>
  );
}
