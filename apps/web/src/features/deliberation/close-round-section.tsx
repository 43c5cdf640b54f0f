"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { CloseRoundForm } from "./close-round-form";
import { useRefreshReview } from "./use-refresh-review";

/** Close the round and record the decision, then go to its record. */
export function CloseRoundSection({
  projectId,
  roundId,
  isOpen,
}: {
  projectId: string;
  roundId: string;
  isOpen: boolean;
}) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshReview();
  const close = useMutation(trpc.review.close.mutationOptions());
  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
      <h3 className="text-lg font-semibold text-slate-900">{t("close.heading")}</h3>
      <p className="text-slate-700">{isOpen ? t("close.leadOpen") : t("close.leadClosed")}</p>
      <CloseRoundForm
        roundId={roundId}
        onSubmit={async (command) => {
          const closed = await close.mutateAsync(command);
          await refresh();
          router.push(`/projects/${projectId}/decisions/${closed.decisionId}`);
          router.refresh();
        }}
      />
    </div>
  );
}
