"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { Dialog } from "@/features/ui/dialog";
import { FieldError, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { dangerButton, inputClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { ActionProblem } from "./action-problem";

/** A moderator hides a comment, giving the reason its author will read. */
export function HideCommentDialog({
  open,
  commentId,
  onClose,
  onHidden,
}: {
  open: boolean;
  commentId: string;
  onClose: () => void;
  onHidden: () => void;
}) {
  const t = useTranslations("discussion");
  const trpc = useTRPC();
  const hide = useMutation(trpc.comment.hide.mutationOptions());
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const id = useId();
  const reasonId = `${id}-reason`;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("hideTitle")}
      description={t("hideBody")}
      busy={hide.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (hide.isPending) return;
          const trimmed = reason.trim();
          if (trimmed.length < 3 || trimmed.length > 500) {
            setInvalid(true);
            document.getElementById(reasonId)?.focus();
            return;
          }
          setInvalid(false);
          setProblem(null);
          hide.mutate(
            { commentId: commentId, reason: trimmed },
            {
              onSuccess: () => {
                setReason("");
                onHidden();
              },
              onError: (error) => setProblem(toApiProblem(error)),
            },
          );
        }}
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor={reasonId} className="text-sm font-semibold text-slate-900">
            {t("hideReason")}
          </label>
          <textarea
            id={reasonId}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(reasonId, { error: invalid })}
            className={inputClass}
          />
          {invalid ? <FieldError id={`${reasonId}-error`}>{t("hideReasonRequired")}</FieldError> : null}
        </div>
        {problem ? <ActionProblem title={t("actionFailed")} problem={problem} /> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t("form.cancel")}
          </button>
          <button type="submit" className={dangerButton} aria-disabled={hide.isPending || undefined}>
            {hide.isPending ? <Spinner tone="light" /> : null}
            {t("hideConfirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
