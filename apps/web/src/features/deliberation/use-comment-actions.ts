"use client";

import type { CommentView } from "@lodestone/domain/deliberation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { useTRPC } from "@/trpc/react";

/** What opens under a comment: the reply form, the edit form or the edit history. */
export type OpenPanel = null | "reply" | "edit" | "history";

/**
 * What a reader does to one comment (reply, edit, delete, hide, show again) and what is open
 * under it; every change refetches the discussion.
 */
export function useCommentActions(comment: CommentView, projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<OpenPanel>(null);
  const [deleting, setDeleting] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const post = useMutation(trpc.comment.post.mutationOptions());
  const edit = useMutation(trpc.comment.edit.mutationOptions());
  const remove = useMutation(trpc.comment.delete.mutationOptions());
  const unhide = useMutation(trpc.comment.unhide.mutationOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.comment.pathFilter());

  return {
    open,
    toggle: (what: Exclude<OpenPanel, null>) => setOpen((current) => (current === what ? null : what)),
    close: () => setOpen(null),
    /** Why the last action failed, until the next one. */
    problem,
    reply: async (body: string) => {
      await post.mutateAsync({ projectId, parentId: comment.id, stance: null, body });
      setOpen(null);
      await refresh();
    },
    saveEdit: async (body: string) => {
      await edit.mutateAsync({ commentId: comment.id, body });
      setOpen(null);
      await refresh();
    },
    deleting: {
      open: deleting,
      busy: remove.isPending,
      ask: () => {
        setProblem(null);
        setDeleting(true);
      },
      cancel: () => setDeleting(false),
      confirm: () => {
        setProblem(null);
        remove.mutate(
          { commentId: comment.id },
          {
            onSuccess: () => {
              setDeleting(false);
              setOpen(null);
              void refresh();
            },
            onError: (e) => setProblem(toApiProblem(e)),
          },
        );
      },
    },
    hiding: {
      open: hiding,
      ask: () => {
        setProblem(null);
        setHiding(true);
      },
      close: () => setHiding(false),
      done: () => {
        setHiding(false);
        void refresh();
      },
    },
    unhiding: {
      busy: unhide.isPending,
      run: () => {
        if (unhide.isPending) return;
        setProblem(null);
        unhide.mutate(
          { commentId: comment.id },
          { onSuccess: () => void refresh(), onError: (e) => setProblem(toApiProblem(e)) },
        );
      },
    },
  };
}

export type CommentActionState = ReturnType<typeof useCommentActions>;
