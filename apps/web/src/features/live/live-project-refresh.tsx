"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { useLiveEvents } from "./live-events";
import { liveRefreshFor } from "./live-refresh";
import { useLiveStatusActions } from "./live-status";

/**
 * On a project's page rendered on the server (its overview: status, timeline; the review page's
 * status), renders it again when the live feed says the project changed. `announce`: say so to
 * screen readers (where no part of the page says it itself).
 */
export function LiveProjectRefresh({
  projectId,
  announce = false,
}: {
  projectId: string;
  announce?: boolean;
}) {
  const t = useTranslations("live");
  const trpc = useTRPC();
  const router = useRouter();
  const status = useLiveStatusActions();
  useLiveEvents({ projectId }, (event) => {
    if (!liveRefreshFor(event, trpc).projectPage) return;
    router.refresh();
    if (announce) status.announce(t("projectUpdated"));
  });
  return null;
}
