"use client";

import { ROLES, type EvidenceKind, type Role } from "@lodestone/domain/vocabulary";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { FormActions } from "@/features/forms/form-actions";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { Dialog } from "@/features/ui/dialog";
import { Field } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { dangerButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import type { GateView } from "./types";

/** A refusal the dialog shows, in the reader's language with the server's words. */
function Failure({ title, message }: { title: string; message: string }) {
  const t = useTranslations("gates");
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{t("details", { message })}</p>
    </div>
  );
}

const MIN_REASON = 3;
const MAX_REASON = 2000;

/**
 * Waiving or failing a gate: the reason (required), and what it means, before it is done. The
 * dialog is the confirmation: nothing happens until its button is pressed.
 */
export function ReasonDialog({
  gate,
  action,
  onClose,
  onConfirm,
}: {
  gate: GateView | null;
  action: "waive" | "fail";
  onClose: () => void;
  /** Takes the action with the reason; throws (a tRPC error) when refused. */
  onConfirm: (reason: string) => Promise<void>;
}) {
  const t = useTranslations("gates.reasonDialog");
  const tKind = useTranslations("enums.gateKind");
  const [busy, setBusy] = useState(false);
  const kind = gate ? tKind(gate.kind) : "";
  return (
    <Dialog
      open={gate !== null}
      onClose={onClose}
      busy={busy}
      role="alertdialog"
      title={gate ? t(`${action}.title`, { kind }) : ""}
    >
      {gate ? (
        <ReasonForm action={action} kind={kind} onCancel={onClose} onConfirm={onConfirm} onBusy={setBusy} />
      ) : null}
    </Dialog>
  );
}

function ReasonForm({
  action,
  kind,
  onCancel,
  onConfirm,
  onBusy,
}: {
  action: "waive" | "fail";
  kind: string;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
  onBusy: (busy: boolean) => void;
}) {
  const t = useTranslations("gates.reasonDialog");
  const id = useId();
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        const text = reason.trim();
        if (text.length < MIN_REASON) {
          setInvalid(true);
          document.getElementById(`${id}-reason`)?.focus();
          return;
        }
        setInvalid(false);
        setFailed(null);
        setBusy(true);
        onBusy(true);
        try {
          await onConfirm(text);
        } catch (error) {
          setFailed(toApiProblem(error).message);
        } finally {
          setBusy(false);
          onBusy(false);
        }
      }}
    >
      <p className="text-slate-800">{t(`${action}.body`, { kind })}</p>
      <Field
        id={`${id}-reason`}
        label={t("reason")}
        hint={t("reasonHint")}
        error={invalid ? t("reasonRequired") : null}
        required
      >
        {(control) => (
          <textarea
            rows={4}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            {...control}
          />
        )}
      </Field>
      {failed ? <Failure title={t("failed")} message={failed} /> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="submit" className={dangerButton} aria-disabled={busy || undefined}>
          {busy ? <Spinner tone="light" /> : null}
          {busy ? t("saving") : t(`${action}.confirm`)}
        </button>
      </div>
    </form>
  );
}

/** Asks before passing a gate or signing it off (neither can be taken back). */
export function GateConfirmDialog({
  gate,
  kind,
  onClose,
  onConfirm,
}: {
  gate: GateView | null;
  kind: "pass" | "signOff";
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  const t = useTranslations("gates.confirm");
  const tKind = useTranslations("enums.gateKind");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = gate ? tKind(gate.kind) : "";
  return (
    <ConfirmDialog
      open={gate !== null}
      title={gate ? t(`${kind}.title`, { kind: name }) : ""}
      confirmLabel={t(`${kind}.confirm`)}
      busyLabel={t("saving")}
      busy={busy}
      error={error ? t("failed", { message: error }) : null}
      onConfirm={async () => {
        setBusy(true);
        setError(null);
        try {
          await onConfirm();
        } catch (problem) {
          setError(toApiProblem(problem).message);
        } finally {
          setBusy(false);
        }
      }}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      {t(`${kind}.body`, { kind: name })}
    </ConfirmDialog>
  );
}

/** A coordinator names a gate's owner and its target date (owners loaded when the dialog opens). */
export function EditGateDialog({
  projectId,
  gate,
  onClose,
  onSave,
}: {
  projectId: string;
  gate: GateView | null;
  onClose: () => void;
  onSave: (gate: GateView, change: { ownerId: string | null; targetDate: string | null }) => Promise<void>;
}) {
  const t = useTranslations("gates.edit");
  const tKind = useTranslations("enums.gateKind");
  return (
    <Dialog open={gate !== null} onClose={onClose} title={gate ? t("title", { kind: tKind(gate.kind) }) : ""}>
      {gate ? <EditGateForm projectId={projectId} gate={gate} onCancel={onClose} onSave={onSave} /> : null}
    </Dialog>
  );
}

function EditGateForm({
  projectId,
  gate,
  onCancel,
  onSave,
}: {
  projectId: string;
  gate: GateView;
  onCancel: () => void;
  onSave: (gate: GateView, change: { ownerId: string | null; targetDate: string | null }) => Promise<void>;
}) {
  const t = useTranslations("gates.edit");
  const tRole = useTranslations("enums.role");
  const trpc = useTRPC();
  const people = useQuery(trpc.gates.people.queryOptions({ projectId }));
  const id = useId();
  const [ownerId, setOwnerId] = useState(gate.owner?.id ?? "");
  const [targetDate, setTargetDate] = useState(gate.targetDate ?? "");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const owners = people.data?.owners ?? [];
  // The owner now, even while the choices load or if they no longer include them.
  const choices =
    gate.owner && !owners.some((o) => o.id === gate.owner?.id)
      ? [{ id: gate.owner.id, name: gate.owner.name, role: null }, ...owners]
      : owners;
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        setFailed(null);
        try {
          await onSave(gate, { ownerId: ownerId || null, targetDate: targetDate || null });
        } catch (error) {
          setFailed(toApiProblem(error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field id={`${id}-owner`} label={t("owner")} hint={people.isPending ? t("loadingPeople") : undefined}>
        {(control) => (
          <select value={ownerId} onChange={(event) => setOwnerId(event.target.value)} {...control}>
            <option value="">{t("noOwner")}</option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.role && isRole(o.role) ? t("ownerChoice", { name: o.name, role: tRole(o.role) }) : o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {people.isError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("peopleFailed", { message: toApiProblem(people.error).message })}
        </p>
      ) : null}
      <Field id={`${id}-target`} label={t("targetDate")} hint={t("targetDateHint")}>
        {(control) => (
          <input
            type="date"
            value={targetDate}
            onChange={(event) => setTargetDate(event.target.value)}
            {...control}
            className={`${control.className} max-w-[12rem]`}
          />
        )}
      </Field>
      {failed ? <Failure title={t("failed")} message={failed} /> : null}
      <FormActions
        busy={busy}
        label={t("save")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Cite (or replace) the data-room document a gate requires as one kind of evidence: a released
 * version of the project's documents the reader may see (loaded when the dialog opens).
 */
export function CiteDialog({
  projectId,
  target,
  onClose,
  onCite,
}: {
  projectId: string;
  target: { gate: GateView; kind: EvidenceKind } | null;
  onClose: () => void;
  onCite: (gate: GateView, kind: EvidenceKind, versionId: string | null) => Promise<void>;
}) {
  const t = useTranslations("gates.cite");
  const tEvidence = useTranslations("enums.evidenceKind");
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={target ? t("title", { kind: tEvidence(target.kind) }) : ""}
    >
      {target ? <CiteForm projectId={projectId} target={target} onCancel={onClose} onCite={onCite} /> : null}
    </Dialog>
  );
}

const NONE = "none";

function CiteForm({
  projectId,
  target,
  onCancel,
  onCite,
}: {
  projectId: string;
  target: { gate: GateView; kind: EvidenceKind };
  onCancel: () => void;
  onCite: (gate: GateView, kind: EvidenceKind, versionId: string | null) => Promise<void>;
}) {
  const t = useTranslations("gates.cite");
  const locale = useLocale();
  const trpc = useTRPC();
  const choices = useQuery(trpc.documents.evidenceChoices.queryOptions({ projectId }));
  const id = useId();
  const current = target.gate.evidence.find((e) => e.kind === target.kind);
  const [value, setValue] = useState(current?.document?.versionId ?? "");
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const options = choices.data ?? [];
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        if (!value) {
          setInvalid(true);
          document.getElementById(`${id}-document`)?.focus();
          return;
        }
        setInvalid(false);
        setBusy(true);
        setFailed(null);
        try {
          await onCite(target.gate, target.kind, value === NONE ? null : value);
        } catch (error) {
          setFailed(toApiProblem(error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      {choices.isPending ? (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <Spinner /> {t("loading")}
        </p>
      ) : choices.isError ? (
        <div
          role="alert"
          className="flex flex-col items-start gap-2 rounded-md border border-red-300 bg-red-50 p-3"
        >
          <p className="text-red-950">{t("loadFailed", { message: toApiProblem(choices.error).message })}</p>
          <button type="button" className={secondaryButton} onClick={() => void choices.refetch()}>
            {t("retry")}
          </button>
        </div>
      ) : options.length === 0 && !current?.cited ? (
        <p className="text-slate-800">{t("noChoices")}</p>
      ) : (
        <Field
          id={`${id}-document`}
          label={t("document")}
          hint={t("documentHint")}
          error={invalid ? t("chooseDocument") : null}
          required
        >
          {(control) => (
            <select value={value} onChange={(event) => setValue(event.target.value)} {...control}>
              <option value="">{t("choose")}</option>
              {options.map((c) => (
                <option key={c.versionId} value={c.versionId}>
                  {t("choice", {
                    title: locale === "ja" && c.titleJa.trim() ? c.titleJa : c.titleEn,
                    number: c.number,
                    fileName: c.fileName,
                  })}
                </option>
              ))}
              {current?.cited ? <option value={NONE}>{t("remove")}</option> : null}
            </select>
          )}
        </Field>
      )}
      {failed ? <Failure title={t("failed")} message={failed} /> : null}
      <FormActions
        busy={busy}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
