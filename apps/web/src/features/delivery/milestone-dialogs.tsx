"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Dialog } from "@/features/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { MilestoneForm } from "./milestone-form";
import { milestoneTitle } from "./milestone-tree";
import { ReplanForm } from "./replan-form";
import { ReportForm } from "./report-form";
import type { MilestoneView } from "./types";

interface DialogProps {
  onClose: () => void;
  /** After the change is saved, with what to announce. */
  onDone: (announcement: string) => Promise<void>;
}

/** Add a milestone at the top level (`parent` null) or under `parent`. */
export function CreateMilestoneDialog({
  open,
  projectId,
  parent,
  onClose,
  onDone,
}: DialogProps & { open: boolean; projectId: string; parent: MilestoneView | null }) {
  const t = useTranslations("delivery");
  const locale = useLocale();
  const trpc = useTRPC();
  // Whom a milestone can be assigned to, loaded only when asked for.
  const assignees = useQuery({ ...trpc.delivery.assignees.queryOptions(), enabled: open });
  const organisations = useQuery({ ...trpc.delegation.organisations.queryOptions(), enabled: open });
  const create = useMutation(trpc.delivery.createMilestone.mutationOptions());
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={open && parent ? t("milestoneForm.titleChild") : t("milestoneForm.title")}
      size="lg"
    >
      {open ? (
        <MilestoneForm
          projectId={projectId}
          parent={parent ? { id: parent.id, title: milestoneTitle(parent, locale).text } : null}
          users={assignees.data ?? []}
          organisations={organisations.data ?? []}
          onCancel={onClose}
          onSubmit={async (command) => {
            await create.mutateAsync(command);
            await onDone(
              t("announce.created", { title: locale === "ja" ? command.titleJa : command.titleEn }),
            );
          }}
        />
      ) : null}
    </Dialog>
  );
}

/** Report progress on `milestone` (closed when null), citing data-room documents if wished. */
export function ReportDialog({
  projectId,
  milestone,
  onClose,
  onDone,
}: DialogProps & { projectId: string; milestone: MilestoneView | null }) {
  const t = useTranslations("delivery");
  const locale = useLocale();
  const trpc = useTRPC();
  const report = useMutation(trpc.delivery.report.mutationOptions());
  // The documents a report may cite, loaded only when asked for (none offered if they cannot load).
  const evidence = useQuery({
    ...trpc.documents.evidenceChoices.queryOptions({ projectId }),
    enabled: milestone !== null,
  });
  const title = milestone ? milestoneTitle(milestone, locale).text : "";
  return (
    <Dialog open={milestone !== null} onClose={onClose} title={milestone ? t("report.title", { title }) : ""}>
      {milestone ? (
        <ReportForm
          milestone={milestone}
          evidenceChoices={evidence.data ?? []}
          onCancel={onClose}
          onSubmit={async (command) => {
            await report.mutateAsync(command);
            await onDone(t("announce.reported", { title }));
          }}
        />
      ) : null}
    </Dialog>
  );
}

/** Move `milestone`'s due date, with a reason (closed when null). */
export function ReplanDialog({
  milestone,
  timeZone,
  onClose,
  onDone,
}: DialogProps & { milestone: MilestoneView | null; timeZone: string }) {
  const t = useTranslations("delivery");
  const locale = useLocale();
  const trpc = useTRPC();
  const replan = useMutation(trpc.delivery.replan.mutationOptions());
  const title = milestone ? milestoneTitle(milestone, locale).text : "";
  return (
    <Dialog
      open={milestone !== null}
      onClose={onClose}
      title={milestone ? t("replanForm.title", { title }) : ""}
    >
      {milestone ? (
        <ReplanForm
          milestone={milestone}
          timeZone={timeZone}
          onCancel={onClose}
          onSubmit={async (command) => {
            await replan.mutateAsync(command);
            await onDone(t("announce.replanned", { title }));
          }}
        />
      ) : null}
    </Dialog>
  );
}
