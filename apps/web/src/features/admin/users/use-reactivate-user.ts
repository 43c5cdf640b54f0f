"use client";

import type { UserSummary } from "@lodestone/domain/user";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toApiProblem } from "@/features/forms/api-problem";
import { useTRPC } from "@/trpc/react";
import type { Notice } from "./user-notice";

/** Reactivate a user at once (no confirmation: it is simply undone), with a notice either way. */
export function useReactivateUser({
  users,
  onNotice,
  refresh,
}: {
  /** The users listed, to name the one whose reactivation failed. */
  users: UserSummary[];
  onNotice: (notice: Notice) => void;
  refresh: () => Promise<unknown>;
}) {
  const t = useTranslations("admin.users");
  const trpc = useTRPC();
  const reactivate = useMutation(
    trpc.user.reactivate.mutationOptions({
      onSuccess: async (user) => {
        onNotice({ tone: "success", text: t("reactivate.done", { name: user.name }) });
        await refresh();
      },
      onError: (error, variables) => {
        const user = users.find((u) => u.id === variables.userId);
        onNotice({
          tone: "warning",
          text: t("reactivate.failed", { name: user?.name ?? "", message: toApiProblem(error).message }),
        });
      },
    }),
  );
  return {
    reactivate: (user: UserSummary) => reactivate.mutate({ userId: user.id }),
    /** The user being reactivated right now. */
    busyUserId: reactivate.isPending ? reactivate.variables?.userId : null,
  };
}
