"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { Spinner } from "@/features/ui/spinner";
import { secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { createWaitingComments, type WaitingComments } from "./waiting-comments";

interface NewComments {
  waiting: WaitingComments;
  /** Reads the discussion's lists again, then shows what waited in `parentId`'s list. */
  show: (parentId: string | null) => Promise<void>;
}

const NewCommentsContext = createContext<NewComments | null>(null);

const NONE: readonly string[] = Object.freeze([]);
const noSubscription = () => () => {};

/**
 * New comments by others, as the live feed reports them: they do not push themselves into the
 * thread the reader is reading, but wait behind "N new comments — show" in their list (and are
 * announced). Edits, hiding and removals are read again in place (by the feed's provider), and
 * the reader's own comments appear as soon as they are posted, as before.
 */
export function NewCommentsProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const t = useTranslations("discussion.new");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { announce } = useLiveStatusActions();
  const [waiting] = useState(createWaitingComments);

  useLiveEvents({ projectId, types: ["comment.posted", "comment.deleted"] }, (event) => {
    const { commentId, parentId } = event.data;
    if (typeof commentId !== "string") return;
    if (event.type === "comment.deleted") {
      waiting.remove(commentId);
      return;
    }
    if (event.mine) return;
    const parent = typeof parentId === "string" ? parentId : null;
    const count = waiting.add(parent, commentId);
    announce(parent ? t("replies", { count }) : t("comments", { count }));
  });

  const value = useMemo<NewComments>(
    () => ({
      waiting,
      show: async (parentId) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.comment.list.infiniteQueryFilter({ projectId })),
          queryClient.invalidateQueries(trpc.comment.stats.queryFilter({ projectId })),
        ]);
        waiting.clear(parentId);
      },
    }),
    [waiting, queryClient, trpc, projectId],
  );
  return <NewCommentsContext value={value}>{children}</NewCommentsContext>;
}

/** The comments waiting in the list under `parentId` (null: the threads), and how to show them. */
export function useNewComments(parentId: string | null): {
  ids: readonly string[];
  show: () => Promise<void>;
} {
  const context = useContext(NewCommentsContext);
  const ids = useSyncExternalStore(
    context?.waiting.subscribe ?? noSubscription,
    () => context?.waiting.of(parentId) ?? NONE,
    () => NONE,
  );
  return { ids, show: () => context?.show(parentId) ?? Promise.resolve() };
}

/** "N new comments — show" (or replies) under a list, busy while the list is read again. */
export function ShowNewComments({
  count,
  replies,
  onShow,
}: {
  count: number;
  replies: boolean;
  onShow: () => Promise<void>;
}) {
  const t = useTranslations("discussion.new");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={`${secondaryButton} self-start`}
      aria-disabled={busy || undefined}
      onClick={() => {
        if (busy) return;
        setBusy(true);
        void onShow().finally(() => setBusy(false));
      }}
    >
      {busy ? <Spinner /> : null}
      {replies ? t("showReplies", { count }) : t("showComments", { count })}
    </button>
  );
}
