"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { Dialog } from "@/features/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { TimeZoneForm } from "./time-zone-form";

interface ProjectDialogProps {
  open: boolean;
  projectId: string;
  /** The project's version as the server has it now. */
  currentVersion: () => Promise<number>;
  onClose: () => void;
  /** After the change is saved, with what to announce. */
  onDone: (announcement: string) => Promise<void>;
}

const ACTION_TEXT = {
  start: {
    title: "startTitle",
    confirm: "startConfirm",
    busy: "starting",
    body: "startBody",
    done: "announce.started",
  },
  complete: {
    title: "completeTitle",
    confirm: "completeConfirm",
    busy: "completing",
    body: "completeBody",
    done: "announce.completed",
  },
} as const;

/** Ask before starting delivery of an approved project. */
export function StartDeliveryDialog(props: ProjectDialogProps) {
  const trpc = useTRPC();
  const start = useMutation(trpc.delivery.start.mutationOptions());
  return <ProjectActionDialog {...props} action="start" mutation={start} />;
}

/** Ask before marking the project completed. */
export function CompleteDeliveryDialog(props: ProjectDialogProps) {
  const trpc = useTRPC();
  const complete = useMutation(trpc.delivery.complete.mutationOptions());
  return <ProjectActionDialog {...props} action="complete" mutation={complete} />;
}

/** Ask before a change to the whole project's delivery; a refusal stays in the dialog. */
function ProjectActionDialog({
  action,
  mutation,
  open,
  projectId,
  currentVersion,
  onClose,
  onDone,
}: ProjectDialogProps & {
  action: keyof typeof ACTION_TEXT;
  mutation: {
    mutateAsync: (input: { projectId: string; version: number }) => Promise<unknown>;
    isPending: boolean;
  };
}) {
  const t = useTranslations("delivery");
  const [error, setError] = useState<string | null>(null);
  const text = ACTION_TEXT[action];

  const run = async () => {
    setError(null);
    try {
      await mutation.mutateAsync({ projectId, version: await currentVersion() });
      await onDone(t(text.done));
    } catch (problem) {
      setError(t("actionFailed", { message: toApiProblem(problem).message }));
    }
  };

  return (
    <ConfirmDialog
      open={open}
      title={t(text.title)}
      confirmLabel={t(text.confirm)}
      busyLabel={t(text.busy)}
      busy={mutation.isPending}
      error={error}
      onConfirm={() => void run()}
      onCancel={() => {
        // Opened again, it starts without this refusal.
        setError(null);
        onClose();
      }}
    >
      {t(text.body)}
    </ConfirmDialog>
  );
}

/** Correct the time zone the project's due dates are read in. */
export function TimeZoneDialog({
  open,
  projectId,
  current,
  currentVersion,
  onClose,
  onDone,
}: ProjectDialogProps & { current: string }) {
  const t = useTranslations("delivery");
  const trpc = useTRPC();
  const setTimeZone = useMutation(trpc.delivery.setTimeZone.mutationOptions());
  return (
    <Dialog open={open} onClose={onClose} title={t("timeZoneForm.title")} busy={setTimeZone.isPending}>
      {open ? (
        <TimeZoneForm
          current={current}
          onCancel={onClose}
          onSubmit={async (timeZone) => {
            await setTimeZone.mutateAsync({
              projectId: projectId,
              version: await currentVersion(),
              timeZone,
            });
            await onDone(t("announce.timeZoneChanged", { timeZone }));
          }}
        />
      ) : null}
    </Dialog>
  );
}
