"use client";

import type { UserSummary } from "@lodestone/domain/user";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { ChangeRoleDialog } from "./change-role-dialog";
import type { AffiliationOptions } from "./use-affiliation-options";

/** Change a user's role (and affiliation); closed when `user` is null. */
export function ChangeUserRoleDialog({
  user,
  options,
  onClose,
  onChanged,
}: {
  user: UserSummary | null;
  options: AffiliationOptions;
  onClose: () => void;
  /** The notice to show once the role changed. */
  onChanged: (text: string) => Promise<void>;
}) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("enums.role");
  const trpc = useTRPC();
  const changeRole = useMutation(trpc.user.changeRole.mutationOptions());
  return (
    <ChangeRoleDialog
      user={user}
      delegations={options.delegations}
      organisations={options.organisations}
      optionsPending={options.pending}
      onSubmit={async (command) => {
        const updated = await changeRole.mutateAsync(command);
        await onChanged(t("changeRole.done", { name: updated.name, role: tRoles(updated.role) }));
      }}
      onClose={() => {
        changeRole.reset();
        onClose();
      }}
    />
  );
}
