"use client";

import type { ProjectStatus } from "@lodestone/domain/enums";
import type { ProjectDetail } from "@lodestone/domain/proposal";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { StatusBadge } from "@/features/projects/status-badge";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { Dialog } from "@/features/ui/dialog";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { CALENDAR_DATE, calendarDay, todayIn } from "./dates";
import { DeliveryTimeline } from "./delivery-timeline";
import { MilestoneForm } from "./milestone-form";
import { MilestoneTree, milestoneTitle } from "./milestone-tree";
import { ProgressBar } from "./progress-bar";
import { ReplanForm } from "./replan-form";
import { ReportForm } from "./report-form";
import { TimeZoneForm } from "./time-zone-form";
import { flattenTree, type DeliveryData, type MilestoneView } from "./types";

type Open =
  | { kind: "create"; parent: MilestoneView | null }
  | { kind: "report"; milestone: MilestoneView }
  | { kind: "replan"; milestone: MilestoneView }
  | { kind: "start" }
  | { kind: "complete" }
  | { kind: "timeZone" }
  | null;

export interface DeliverySectionProps {
  /** The project as the server loaded it (its version is needed to start or complete delivery). */
  project: ProjectDetail;
  initial: DeliveryData;
  /** Coordinators start delivery, plan, re-plan and complete (the API checks again). */
  isCoordinator: boolean;
}

/**
 * A project's delivery: overall progress, the milestone tree, the timeline with every re-plan,
 * and the coordinator's actions (start delivery, add milestones, re-plan, complete, correct the
 * time zone due dates are read in).
 */
export function DeliverySection({ project: initialProject, initial, isCoordinator }: DeliverySectionProps) {
  const projectId = initialProject.id;
  const t = useTranslations("delivery");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatter();
  const locale = useLocale();
  const headingId = useId();
  const completeHintId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState("");
  const [actionError, setActionError] = useState<string | null>(null);

  const delivery = useQuery(trpc.delivery.get.queryOptions({ id: projectId }, { initialData: initial }));
  const project = useQuery(trpc.project.get.queryOptions({ id: projectId }, { initialData: initialProject }));
  const data = delivery.data;
  const version = project.data.version;
  const status: ProjectStatus = data.status;
  const planning = isCoordinator && status === "IN_DELIVERY";

  const assignees = useQuery({
    ...trpc.delivery.assignees.queryOptions(),
    enabled: planning && open?.kind === "create",
  });
  const organisations = useQuery({
    ...trpc.delegation.organisations.queryOptions(),
    enabled: planning && open?.kind === "create",
  });

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.delivery.get.queryKey({ id: projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ id: projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.delivery.mine.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pipeline.queryKey() }),
    ]);
  };
  const done = async (message: string) => {
    setOpen(null);
    await refresh();
    setAnnouncement(message);
  };

  const start = useMutation(trpc.delivery.start.mutationOptions());
  const complete = useMutation(trpc.delivery.complete.mutationOptions());
  const create = useMutation(trpc.delivery.createMilestone.mutationOptions());
  const replan = useMutation(trpc.delivery.replan.mutationOptions());
  const report = useMutation(trpc.delivery.report.mutationOptions());
  const setTimeZone = useMutation(trpc.delivery.setTimeZone.mutationOptions());

  const runProjectAction = async (action: "start" | "complete") => {
    setActionError(null);
    try {
      const current = (await project.refetch()).data?.version ?? version;
      await (action === "start" ? start : complete).mutateAsync({ id: projectId, version: current });
      await done(action === "start" ? t("announce.started") : t("announce.completed"));
    } catch (error) {
      const problem = toApiProblem(error);
      setActionError(t("actionFailed", { message: problem.message }));
    }
  };

  const titleOf = (m: MilestoneView) => milestoneTitle(m, locale).text;
  const all = flattenTree(data.milestones).map((r) => r.milestone);
  const titles = new Map(all.map((m) => [m.id, titleOf(m)]));
  const today = todayIn(data.referenceTimeZone);

  return (
    <div className="flex flex-col gap-8">
      <div aria-live="polite" role="status" className="sr-only">
        {announcement}
      </div>

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
          {isCoordinator ? (
            <button type="button" className={secondaryButton} onClick={() => setOpen({ kind: "timeZone" })}>
              {t("changeTimeZone")}
            </button>
          ) : null}
        </div>

        {status === "APPROVED" ? (
          <div className="rounded-md border border-slate-300 bg-white p-4">
            <p className="text-slate-800">{isCoordinator ? t("notStartedCoordinator") : t("notStarted")}</p>
            {isCoordinator ? (
              <button
                type="button"
                className={`${primaryButton} mt-3`}
                onClick={() => {
                  setActionError(null);
                  setOpen({ kind: "start" });
                }}
              >
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

        {status === "COMPLETED" ? (
          <p className="font-semibold text-emerald-900">{t("completedNote")}</p>
        ) : null}

        {planning ? (
          <div className="flex flex-wrap items-start gap-3">
            <button
              type="button"
              className={primaryButton}
              onClick={() => setOpen({ kind: "create", parent: null })}
            >
              {t("addMilestone")}
            </button>
            <div className="flex flex-col gap-1">
              <button
                type="button"
                className={secondaryButton}
                disabled={!data.canComplete}
                aria-describedby={data.canComplete ? undefined : completeHintId}
                onClick={() => {
                  setActionError(null);
                  setOpen({ kind: "complete" });
                }}
              >
                {t("complete")}
              </button>
              {!data.canComplete ? (
                <p id={completeHintId} className="max-w-sm text-sm text-slate-700">
                  {all.length === 0 ? t("completeNeedsMilestones") : t("completeUnavailable")}
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
      </section>

      {status === "IN_DELIVERY" || status === "COMPLETED" ? (
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
                today={today}
                timeZone={data.referenceTimeZone}
              />
            </section>
          ) : null}

          <section aria-labelledby={`${headingId}-replans`} className="flex flex-col gap-3">
            <h2 id={`${headingId}-replans`} className="text-xl font-semibold text-slate-900">
              {t("replans.heading")}
            </h2>
            {data.replans.length === 0 ? (
              <p className="text-slate-700">{t("replans.empty")}</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {data.replans.map((r) => (
                  <li
                    key={`${r.milestoneId}-${r.createdAt}`}
                    className="rounded-md border border-slate-300 bg-white p-3"
                  >
                    <p className="font-semibold text-slate-900">{titles.get(r.milestoneId) ?? ""}</p>
                    <p className="text-slate-800" data-replan={r.milestoneId}>
                      {t("replans.moved", {
                        from: format.dateTime(calendarDay(r.oldDueDate), CALENDAR_DATE),
                        to: format.dateTime(calendarDay(r.newDueDate), CALENDAR_DATE),
                      })}
                    </p>
                    <p className="text-slate-800">{t("replans.reason", { reason: r.reason })}</p>
                    <p className="text-sm text-slate-700">
                      {t("replans.by", { name: r.by.name })} ·{" "}
                      <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), "dateTime")}</time>
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}

      <Dialog
        open={open?.kind === "create"}
        onClose={() => setOpen(null)}
        title={
          open?.kind === "create" && open.parent ? t("milestoneForm.titleChild") : t("milestoneForm.title")
        }
        size="lg"
      >
        {open?.kind === "create" ? (
          <MilestoneForm
            projectId={projectId}
            parent={open.parent ? { id: open.parent.id, title: titleOf(open.parent) } : null}
            users={assignees.data ?? []}
            organisations={organisations.data ?? []}
            onCancel={() => setOpen(null)}
            onSubmit={async (command) => {
              await create.mutateAsync(command);
              await done(
                t("announce.created", { title: locale === "ja" ? command.titleJa : command.titleEn }),
              );
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={open?.kind === "report"}
        onClose={() => setOpen(null)}
        title={open?.kind === "report" ? t("report.title", { title: titleOf(open.milestone) }) : ""}
      >
        {open?.kind === "report" ? (
          <ReportForm
            milestone={open.milestone}
            onCancel={() => setOpen(null)}
            onSubmit={async (command) => {
              await report.mutateAsync(command);
              await done(t("announce.reported", { title: titleOf(open.milestone) }));
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={open?.kind === "replan"}
        onClose={() => setOpen(null)}
        title={open?.kind === "replan" ? t("replanForm.title", { title: titleOf(open.milestone) }) : ""}
      >
        {open?.kind === "replan" ? (
          <ReplanForm
            milestone={open.milestone}
            timeZone={data.referenceTimeZone}
            onCancel={() => setOpen(null)}
            onSubmit={async (command) => {
              await replan.mutateAsync(command);
              await done(t("announce.replanned", { title: titleOf(open.milestone) }));
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={open?.kind === "timeZone"}
        onClose={() => setOpen(null)}
        title={t("timeZoneForm.title")}
        busy={setTimeZone.isPending}
      >
        {open?.kind === "timeZone" ? (
          <TimeZoneForm
            current={data.referenceTimeZone}
            onCancel={() => setOpen(null)}
            onSubmit={async (timeZone) => {
              const current = (await project.refetch()).data?.version ?? version;
              await setTimeZone.mutateAsync({ id: projectId, version: current, timeZone });
              await done(t("announce.timeZoneChanged", { timeZone }));
            }}
          />
        ) : null}
      </Dialog>

      <ConfirmDialog
        open={open?.kind === "start"}
        title={t("startTitle")}
        confirmLabel={t("startConfirm")}
        busyLabel={t("starting")}
        busy={start.isPending}
        error={actionError}
        onConfirm={() => void runProjectAction("start")}
        onCancel={() => setOpen(null)}
      >
        {t("startBody")}
      </ConfirmDialog>
      <ConfirmDialog
        open={open?.kind === "complete"}
        title={t("completeTitle")}
        confirmLabel={t("completeConfirm")}
        busyLabel={t("completing")}
        busy={complete.isPending}
        error={actionError}
        onConfirm={() => void runProjectAction("complete")}
        onCancel={() => setOpen(null)}
      >
        {t("completeBody")}
      </ConfirmDialog>
    </div>
  );
}
