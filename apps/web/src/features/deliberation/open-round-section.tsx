"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useTRPC } from "@/trpc/react";
import { OpenRoundForm } from "./open-round-form";
import { useRefreshReview } from "./use-refresh-review";

/** Open a review round on the submitted revision. */
export function OpenRoundSection({ projectId }: { projectId: string }) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshReview();
  const open = useMutation(trpc.review.open.mutationOptions());
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t("open.heading")}
      </h2>
      <p className="text-slate-700">{t("open.lead")}</p>
      <OpenRoundForm
        onSubmit={async (closesAt) => {
          await open.mutateAsync({ projectId, closesAt: closesAt.toISOString() });
          await refresh();
          router.refresh();
        }}
      />
    </section>
  );
}
