"use client";

import { GATE_KINDS, type GateKind } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { FormActions } from "@/features/forms/form-actions";
import { Dialog } from "@/features/ui/dialog";
import { inputClass, secondaryButton, smallButton, smallDangerButton } from "@/features/ui/styles";

/**
 * A coordinator changes a project's gate sequence before work on it starts: gates reordered,
 * removed, or added from the other kinds. Saving replaces the sequence (targets are set again from
 * the template).
 */
export function SequenceDialog({
  open,
  current,
  onClose,
  onSave,
}: {
  open: boolean;
  current: readonly GateKind[];
  onClose: () => void;
  /** Saves the new sequence; throws (a tRPC error) when refused. */
  onSave: (kinds: GateKind[]) => Promise<void>;
}) {
  const t = useTranslations("gates.sequence");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} description={t("lead")} size="lg">
      {open ? <SequenceForm current={current} onCancel={onClose} onSave={onSave} /> : null}
    </Dialog>
  );
}

function SequenceForm({
  current,
  onCancel,
  onSave,
}: {
  current: readonly GateKind[];
  onCancel: () => void;
  onSave: (kinds: GateKind[]) => Promise<void>;
}) {
  const t = useTranslations("gates.sequence");
  const tKind = useTranslations("enums.gateKind");
  const id = useId();
  const [kinds, setKinds] = useState<GateKind[]>(() => [...current]);
  const missing = GATE_KINDS.filter((k) => !kinds.includes(k));
  const [adding, setAdding] = useState<GateKind | "">("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // After a move or removal, focus goes to the control that keeps the reader's place.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const kind = kinds[index];
    if (!kind || to < 0 || to >= kinds.length) return;
    const next = kinds.filter((_, i) => i !== index);
    next.splice(to, 0, kind);
    setKinds(next);
    focusNext.current = `${id}-${kind}-${by < 0 ? "up" : "down"}`;
    // At the top or the bottom the button pressed is no longer offered: focus its neighbour.
    if ((by < 0 && to === 0) || (by > 0 && to === next.length - 1)) {
      focusNext.current = `${id}-${kind}-${by < 0 ? "down" : "up"}`;
    }
    setAnnouncement(t("moved", { kind: tKind(kind), position: to + 1 }));
  };
  const remove = (index: number) => {
    const kind = kinds[index];
    if (!kind) return;
    const next = kinds.filter((_, i) => i !== index);
    setKinds(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusNext.current = neighbour ? `${id}-${neighbour}-remove` : `${id}-add`;
    setAnnouncement(t("removed", { kind: tKind(kind) }));
  };
  const add = () => {
    if (!adding) return;
    // Added in the template's order, among the gates kept.
    const order = (k: GateKind) => GATE_KINDS.indexOf(k);
    const at = kinds.findIndex((k) => order(k) > order(adding));
    const next = [...kinds];
    next.splice(at === -1 ? next.length : at, 0, adding);
    setKinds(next);
    setEmpty(false);
    setAnnouncement(t("added", { kind: tKind(adding), position: (at === -1 ? next.length - 1 : at) + 1 }));
    setAdding("");
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        if (kinds.length === 0) {
          setEmpty(true);
          return;
        }
        setBusy(true);
        setFailed(null);
        try {
          await onSave(kinds);
        } catch (error) {
          setFailed(toApiProblem(error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      <ol aria-label={t("listLabel")} className="flex flex-col gap-2">
        {kinds.map((kind, i) => (
          <li
            key={kind}
            data-kind={kind}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 px-3 py-2"
          >
            <span className="font-medium text-slate-900">
              {i + 1}. {tKind(kind)}
            </span>
            <span className="flex flex-wrap gap-2">
              {i > 0 ? (
                <button
                  id={`${id}-${kind}-up`}
                  type="button"
                  className={smallButton}
                  onClick={() => move(i, -1)}
                >
                  {t("up")} <span className="sr-only">{tKind(kind)}</span>
                </button>
              ) : null}
              {i < kinds.length - 1 ? (
                <button
                  id={`${id}-${kind}-down`}
                  type="button"
                  className={smallButton}
                  onClick={() => move(i, 1)}
                >
                  {t("down")} <span className="sr-only">{tKind(kind)}</span>
                </button>
              ) : null}
              <button
                id={`${id}-${kind}-remove`}
                type="button"
                className={smallDangerButton}
                onClick={() => remove(i)}
              >
                {t("remove")} <span className="sr-only">{tKind(kind)}</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      {empty ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("keepOne")}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-[14rem] flex-1 flex-col gap-1.5">
            <label htmlFor={`${id}-add`} className="text-sm font-semibold text-slate-900">
              {t("addLabel")}
            </label>
            <select
              id={`${id}-add`}
              value={adding}
              onChange={(event) => setAdding(event.target.value as GateKind | "")}
              className={inputClass}
            >
              <option value="">{t("choose")}</option>
              {missing.map((k) => (
                <option key={k} value={k}>
                  {tKind(k)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className={secondaryButton}
            onClick={add}
            aria-disabled={!adding || undefined}
          >
            {t("add")}
          </button>
        </div>
      ) : null}
      {failed ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
          <p className="font-semibold">{t("failed")}</p>
          <p className="mt-1">{failed}</p>
        </div>
      ) : null}
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
