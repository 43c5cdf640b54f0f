"use client";

import type { UserSummary } from "@lodestone/domain/user";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toApiProblem } from "@/features/forms/api-problem";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { useTRPC } from "@/trpc/react";

/** Ask before deactivating a user (their sessions end); closed when `user` is null. */
export function DeactivateUserDialog({
  user,
  onClose,
  onDeactivated,
}: {
  user: UserSummary | null;
  onClose: () => void;
  /** The notice to show once they are deactivated. */
  onDeactivated: (text: string) => Promise<void>;
}) {
  const t = useTranslations("admin.users");
  const trpc = useTRPC();
  const deactivate = useMutation(
    trpc.user.deactivate.mutationOptions({
      onSuccess: (deactivated) => onDeactivated(t("deactivate.done", { name: deactivated.name })),
    }),
  );
  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? t("deactivate.title", { name: user.name }) : ""}
      confirmLabel={t("deactivate.confirm")}
      busyLabel={t("deactivate.busy")}
      tone="danger"
      busy={deactivate.isPending}
      error={
        deactivate.isError
          ? t("deactivate.failed", { message: toApiProblem(deactivate.error).message })
          : null
      }
      onConfirm={() => user && deactivate.mutate({ userId: user.id })}
      onCancel={() => {
        if (deactivate.isPending) return;
        // The next user's dialog starts without this one's error.
        deactivate.reset();
        onClose();
      }}
    >
      {user ? (
        <div className="flex flex-col gap-2">
          <p>{t("deactivate.body", { name: user.name, email: user.email })}</p>
          <p>{t("deactivate.sessions")}</p>
          <p className="text-sm text-slate-600">{t("deactivate.undo")}</p>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
