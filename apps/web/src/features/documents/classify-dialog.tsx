"use client";

import { type Classification } from "@lodestone/domain/documents";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { Dialog } from "@/features/ui/dialog";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { delegationNames, isLoosening } from "./document-format";
import type { DelegationChoice } from "./types";
import { ClassificationFields } from "./upload-document-dialog";

interface Level {
  classification: Classification;
  delegations: string[];
}

/**
 * "Change classification": the level and, for named delegations, which. A change that lets more
 * people see the document is confirmed first, saying who gains access.
 */
export function ClassifyDialog({
  open,
  documentId,
  current,
  delegations,
  onClose,
  onSaved,
}: {
  open: boolean;
  documentId: string;
  current: Level;
  delegations: readonly DelegationChoice[];
  onClose: () => void;
  onSaved: (level: Level) => Promise<void>;
}) {
  const t = useTranslations("documents.classify");
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} size="lg" busy={busy}>
      {open ? (
        <ClassifyForm
          documentId={documentId}
          current={current}
          delegations={delegations}
          onCancel={onClose}
          onSaved={onSaved}
          onBusy={setBusy}
        />
      ) : null}
    </Dialog>
  );
}

function ClassifyForm({
  documentId,
  current,
  delegations,
  onCancel,
  onSaved,
  onBusy,
}: {
  documentId: string;
  current: Level;
  delegations: readonly DelegationChoice[];
  onCancel: () => void;
  onSaved: (level: Level) => Promise<void>;
  onBusy: (busy: boolean) => void;
}) {
  const t = useTranslations("documents.classify");
  const tLevel = useTranslations("documents.classification");
  const tUpload = useTranslations("documents.upload");
  const locale = useLocale();
  const id = useId();
  const trpc = useTRPC();
  const classify = useMutation(trpc.documents.classify.mutationOptions());
  const form = useForm<Level>({ defaultValues: { ...current, delegations: [...current.delegations] } });
  const level = useWatch({ control: form.control, name: "classification" });
  const [missingDelegations, setMissingDelegations] = useState(false);
  const [confirming, setConfirming] = useState<Level | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (next: Level) => {
    if (saving) return;
    setSaving(true);
    onBusy(true);
    setProblem(null);
    try {
      await classify.mutateAsync({ documentId, ...next });
      await onSaved(next);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setSaving(false);
      onBusy(false);
    }
  };

  const submit = form.handleSubmit((values) => {
    const next: Level = {
      classification: values.classification,
      delegations: values.classification === "NAMED_DELEGATIONS" ? [...values.delegations].sort() : [],
    };
    if (next.classification === "NAMED_DELEGATIONS" && next.delegations.length === 0) {
      setMissingDelegations(true);
      document.querySelector<HTMLInputElement>(`[id="${id}-classification-delegations"] input`)?.focus();
      return;
    }
    setMissingDelegations(false);
    if (isLoosening(current, next)) setConfirming(next);
    else void save(next);
  });

  if (confirming) {
    const gained = confirming.delegations.filter((code) => !current.delegations.includes(code));
    const widerLevel = confirming.classification !== current.classification;
    return (
      <div className="flex flex-col gap-4" role="group" aria-labelledby={`${id}-confirm`}>
        <FocusedOnMount id={`${id}-confirm`} className="font-semibold text-slate-900">
          {t("confirmTitle")}
        </FocusedOnMount>
        <p className="text-slate-800">
          {widerLevel
            ? t("confirmLevel", {
                from: tLevel(`name.${current.classification}`),
                to: tLevel(`name.${confirming.classification}`),
              })
            : t("confirmDelegations", {
                delegations: delegationNames(gained, delegations, locale).join(", "),
              })}
        </p>
        <p className="text-slate-800">{tLevel(`explain.${confirming.classification}`)}</p>
        {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" className={secondaryButton} onClick={() => setConfirming(null)}>
            {t("back")}
          </button>
          <button
            type="button"
            className={primaryButton}
            aria-disabled={saving || undefined}
            onClick={() => void save(confirming)}
          >
            {saving ? <Spinner tone="light" /> : null}
            {saving ? t("saving") : t("confirm")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form noValidate aria-label={t("label")} className="flex flex-col gap-5" onSubmit={(e) => void submit(e)}>
      <ClassificationFields
        id={`${id}-classification`}
        classificationField={form.register("classification")}
        delegationsField={form.register("delegations")}
        level={level}
        delegations={delegations}
        delegationsError={missingDelegations ? tUpload("errors.delegationsRequired") : null}
        legend={t("legend")}
        hint={t("hint")}
        levelName={(c) => tLevel(`name.${c}`)}
      />
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={saving}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

/** A paragraph that takes focus when it appears (what replaced the control that had it). */
function FocusedOnMount({ id, className, children }: { id: string; className: string; children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} id={id} tabIndex={-1} className={`rounded-sm ${className}`}>
      {children}
    </p>
  );
}
