"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Spinner } from "@/features/ui/spinner";
import { useLiveStatus } from "./live-status";

/** How long a message stays in the region after it was said (then a reader browsing there does not find it stale). */
const MESSAGE_KEPT_MS = 10_000;

/**
 * The header's word on live updates. Quiet while they flow; when the connection dropped or
 * failed, a bar says that updates are paused and coming back. One polite live region carries
 * that and the pages' short messages ("Turnout updated", "1 new comment") to screen readers.
 */
export function LiveIndicator() {
  const t = useTranslations("live");
  const { connection, announcement } = useLiveStatus();
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setExpired(announcement.id), MESSAGE_KEPT_MS);
    return () => clearTimeout(timer);
  }, [announcement]);
  const message = announcement && announcement.id !== expired ? announcement : null;

  return (
    <div role="status" aria-live="polite" data-live={connection}>
      {connection === "paused" ? (
        <p className="bg-amber-100 text-amber-950">
          <span className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-1.5 text-sm font-medium sm:px-6">
            <Spinner />
            {t("paused")}
          </span>
        </p>
      ) : null}
      {message ? (
        <span key={message.id} className="sr-only">
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
