"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { createFeedTracker } from "@/features/live/feed-tracker";
import { useTRPC } from "@/trpc/react";

/**
 * Keeps the unread count current (`notifications.live`: the count now, then at each change) for
 * as long as the page is open, on every signed-in page. An open inbox reads its list again when
 * the count changes. A feed that failed or that the server ended is subscribed again after a wait
 * that grows while it keeps ending, as the page's live feed is; a refused one (signed out) is not.
 */
export function InboxCountFeed() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [feed] = useState(createFeedTracker);
  const subscription = useSubscription(
    trpc.notifications.live.subscriptionOptions(undefined, {
      onStarted: () => void feed.started(),
      onData: (data) => {
        const key = trpc.notifications.unread.queryKey();
        const before = queryClient.getQueryData(key)?.unread;
        queryClient.setQueryData(key, data);
        if (before !== undefined && before !== data.unread) {
          void queryClient.invalidateQueries(trpc.notifications.list.pathFilter());
        }
      },
    }),
  );

  const { status, error, reset } = subscription;
  const [wasLive, setWasLive] = useState(false);
  if (status === "pending" && !wasLive) setWasLive(true);
  const ended = status === "error" || (status === "idle" && wasLive);
  const refused = error?.data?.code === "UNAUTHORIZED";
  useEffect(() => {
    if (!ended || refused) return;
    const timer = setTimeout(reset, feed.ended());
    return () => clearTimeout(timer);
  }, [ended, refused, reset, feed]);
  return null;
}

/**
 * The header's link to the inbox, with the unread count. Its name says the count in words ("Inbox,
 * 3 unread"); the badge shows the number (drawn by CSS, so the visible text stays "Inbox", which
 * the name begins with).
 */
export function InboxLink() {
  const t = useTranslations("notifications.header");
  const trpc = useTRPC();
  const unread = useQuery(trpc.notifications.unread.queryOptions());
  const count = unread.data?.unread;
  const current = usePathname() === "/inbox";
  return (
    <Link
      href="/inbox"
      aria-label={count === undefined ? undefined : `${t("text")}${t("unread", { count })}`}
      aria-current={current ? "page" : undefined}
      data-unread={count}
      className={
        "inline-flex items-center gap-1.5 rounded px-2 py-1 text-sm font-medium underline-offset-4 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-300 " +
        (current
          ? "bg-slate-700 text-white underline decoration-2"
          : "text-slate-100 hover:bg-slate-800 hover:underline")
      }
    >
      <BellIcon />
      {t("text")}
      {count ? (
        <span
          aria-hidden="true"
          data-count={count > 99 ? "99+" : String(count)}
          className="min-w-5 rounded-full bg-amber-400 px-1.5 text-center text-xs font-bold leading-5 text-slate-950 after:content-[attr(data-count)]"
        />
      ) : null}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-4 w-4" fill="none">
      <path
        d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2Zm4 4h4"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
