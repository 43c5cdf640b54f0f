"use client";

import type { EventType } from "@lodestone/domain/events";
import type { EvidenceKind } from "@lodestone/domain/vocabulary";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { ResultMessage } from "@/features/ui/result-message";
import { Spinner } from "@/features/ui/spinner";
import { linkClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { GateStateBadge } from "./gate-badge";
import { GateCard } from "./gate-card";
import { CiteDialog, EditGateDialog, GateConfirmDialog, ReasonDialog } from "./gate-dialogs";
import { SequenceDialog } from "./sequence-dialog";
import { SignatoriesPanel } from "./signatories-panel";
import type { GateAction, GatesData, GateView } from "./types";
import { useGates, useRefreshGates } from "./use-gates";

/** Changes to a project's gates (and its funding, which the final investment decision reads). */
export const GATE_EVENTS = [
  "gate.sequence_set",
  "gate.signatory_designated",
  "gate.updated",
  "gate.evidence_cited",
  "gate.started",
  "gate.submitted",
  "gate.returned",
  "gate.signed_off",
  "gate.passed",
  "gate.failed",
  "gate.waived",
  "gate.reopened",
  "funding.facility_opened",
  "funding.entry_recorded",
] as const satisfies readonly EventType[];

type Open =
  | { kind: "pass" | "signOff"; gateId: string }
  | { kind: "waive" | "fail"; gateId: string }
  | { kind: "edit"; gateId: string }
  | { kind: "cite"; gateId: string; evidence: EvidenceKind }
  | { kind: "sequence" }
  | null;

/** Actions taken at once: the others ask first (pass, waive, fail). */
const DIRECT: ReadonlySet<GateAction> = new Set<GateAction>(["start", "submit", "return", "reopen"]);

export interface GateSequenceProps {
  projectId: string;
  /** The gates as the server loaded them for the page. */
  initial: GatesData;
}

/**
 * A project's stage gates, in order: where it stands (the current gate and its days in it), who
 * signs off, and each gate with what the reader may do to it. Coordinators set the sequence up,
 * change it before work starts, designate the signatories and name owners and targets.
 */
export function GateSequence({ projectId, initial }: GateSequenceProps) {
  const t = useTranslations("gates");
  const tKind = useTranslations("enums.gateKind");
  const format = useFormatter();
  const headingId = useId();
  const query = useGates(projectId, initial);
  const data = query.data ?? initial;
  const refresh = useRefreshGates(projectId);
  const trpc = useTRPC();
  const act = useMutation(trpc.gates.act.mutationOptions());
  const update = useMutation(trpc.gates.update.mutationOptions());
  const cite = useMutation(trpc.gates.cite.mutationOptions());
  const signOff = useMutation(trpc.gates.signOff.mutationOptions());
  const setUp = useMutation(trpc.gates.setUp.mutationOptions());
  const setSequence = useMutation(trpc.gates.setSequence.mutationOptions());

  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState<{ gateId: string; action: GateAction | "signOff" } | null>(null);
  const [setUpError, setSetUpError] = useState<string | null>(null);

  // The gates are read again by the live feed's provider; someone else's change is said here.
  const live = useLiveStatusActions();
  useLiveEvents({ projectId, types: GATE_EVENTS }, (event) => {
    if (!event.mine) live.announce(t("liveUpdated"));
  });

  const gateById = (id: string) => data.gates.find((g) => g.id === id) ?? null;
  const close = () => setOpen(null);
  const failedOn = (gateId: string, error: unknown) => {
    setErrors((was) => ({ ...was, [gateId]: t("actionFailed", { message: toApiProblem(error).message }) }));
    // Someone else may have moved the gate meanwhile: show it as it is now.
    void refresh();
  };
  const clearError = (gateId: string) =>
    setErrors((was) => {
      if (!(gateId in was)) return was;
      const next = { ...was };
      delete next[gateId];
      return next;
    });
  const done = async (message: string) => {
    setOpen(null);
    await refresh();
    setNotice(message);
  };

  /** Takes `action` on `gate` (at the version shown); throws when refused. */
  const perform = async (gate: GateView, action: GateAction, reason?: string) => {
    clearError(gate.id);
    await act.mutateAsync({ gateId: gate.id, version: gate.version, action, ...(reason ? { reason } : {}) });
    await done(t(`done.${action}`, { kind: tKind(gate.kind) }));
  };

  const onAction = (gate: GateView, action: GateAction) => {
    if (!DIRECT.has(action)) {
      setOpen({ kind: action as "pass" | "waive" | "fail", gateId: gate.id });
      return;
    }
    setRunning({ gateId: gate.id, action });
    perform(gate, action)
      .catch((error: unknown) => failedOn(gate.id, error))
      .finally(() => setRunning(null));
  };

  const onChecklist = async (gate: GateView, checklist: boolean[]) => {
    clearError(gate.id);
    try {
      await update.mutateAsync({ gateId: gate.id, version: gate.version, checklist });
      await refresh();
      setAnnouncement(t("checklist.saved"));
    } catch (error) {
      failedOn(gate.id, error);
    }
  };

  const dialogGate = open && "gateId" in open ? gateById(open.gateId) : null;
  const current = data.current;
  const currentGate = current ? gateById(current.gateId) : null;

  return (
    <div className="flex flex-col gap-8">
      <div aria-live="polite" role="status" className="sr-only">
        {announcement}
      </div>
      <ResultMessage message={notice} className="font-semibold text-green-900" />

      <section
        aria-labelledby={`${headingId}-summary`}
        className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
      >
        <h2 id={`${headingId}-summary`} className="text-lg font-semibold text-slate-900">
          {t("summary.heading")}
        </h2>
        {data.gates.length === 0 ? (
          <p className="text-slate-800">{t("summary.noSequence")}</p>
        ) : current && currentGate ? (
          <p
            data-current-gate={current.kind}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-900"
          >
            <span>
              {t("labelled", { label: t("current.label") })}
              <span className="font-semibold">
                {t("gateHeading", {
                  position: data.gates.indexOf(currentGate) + 1,
                  kind: tKind(current.kind),
                })}
              </span>
            </span>
            <GateStateBadge state={current.state} />
            <span className="font-semibold">{t("current.days", { days: current.days })}</span>
          </p>
        ) : (
          <p className="text-slate-900">{t("summary.allClosed")}</p>
        )}
        <p className="text-slate-700">
          {t("summary.funding", {
            committed: format.number(data.committedUsd, {
              style: "currency",
              currency: "USD",
              currencyDisplay: "code",
              maximumFractionDigits: 0,
            }),
            capex: format.number(data.capexUsd, {
              style: "currency",
              currency: "USD",
              currencyDisplay: "code",
              maximumFractionDigits: 0,
            }),
          })}{" "}
          <Link href={`/projects/${projectId}/funding`} className={linkClass}>
            {t("summary.fundingLink")}
          </Link>
        </p>
        {data.canSetUp || data.canEditSequence ? (
          <div className="flex flex-wrap gap-3">
            {data.canSetUp ? (
              <button
                type="button"
                className={primaryButton}
                aria-disabled={setUp.isPending || undefined}
                onClick={async () => {
                  if (setUp.isPending) return;
                  setSetUpError(null);
                  try {
                    const made = await setUp.mutateAsync({ projectId });
                    await done(t("setUp.done", { count: made.gates }));
                  } catch (error) {
                    setSetUpError(t("actionFailed", { message: toApiProblem(error).message }));
                  }
                }}
              >
                {setUp.isPending ? <Spinner tone="light" /> : null}
                {t("setUp.button")}
              </button>
            ) : null}
            {data.canEditSequence ? (
              <button type="button" className={secondaryButton} onClick={() => setOpen({ kind: "sequence" })}>
                {t("sequence.button")}
              </button>
            ) : null}
          </div>
        ) : null}
        {setUpError ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
            {setUpError}
          </p>
        ) : null}
      </section>

      {data.gates.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-10 text-center">
          <p className="text-lg font-semibold text-slate-900">{t("empty.title")}</p>
          <p className="mt-2 text-slate-700">{data.canSetUp ? t("empty.setUpHint") : t("empty.hint")}</p>
        </div>
      ) : (
        <>
          <SignatoriesPanel
            projectId={projectId}
            data={data}
            onDesignated={async (message) => {
              await refresh();
              setNotice(message);
            }}
          />
          <section aria-labelledby={`${headingId}-gates`} className="flex flex-col gap-4">
            <h2 id={`${headingId}-gates`} className="text-xl font-semibold text-slate-900">
              {t("sequenceHeading")}
            </h2>
            <ol className="flex flex-col gap-4" aria-busy={query.isFetching || undefined}>
              {data.gates.map((gate, index) => (
                <GateCard
                  key={gate.id}
                  gate={gate}
                  number={index + 1}
                  data={data}
                  projectId={projectId}
                  running={running?.gateId === gate.id ? running.action : null}
                  error={errors[gate.id] ?? null}
                  onAction={onAction}
                  onSignOff={(g) => setOpen({ kind: "signOff", gateId: g.id })}
                  onEdit={(g) => setOpen({ kind: "edit", gateId: g.id })}
                  onCite={(g, evidence) => setOpen({ kind: "cite", gateId: g.id, evidence })}
                  onChecklist={onChecklist}
                />
              ))}
            </ol>
          </section>
        </>
      )}

      <GateConfirmDialog
        gate={open?.kind === "pass" ? dialogGate : null}
        kind="pass"
        onClose={close}
        onConfirm={async () => {
          if (dialogGate) await perform(dialogGate, "pass");
        }}
      />
      <GateConfirmDialog
        gate={open?.kind === "signOff" ? dialogGate : null}
        kind="signOff"
        onClose={close}
        onConfirm={async () => {
          if (!dialogGate) return;
          clearError(dialogGate.id);
          await signOff.mutateAsync({ gateId: dialogGate.id, version: dialogGate.version });
          await done(t("done.signOff", { kind: tKind(dialogGate.kind) }));
        }}
      />
      {(["waive", "fail"] as const).map((action) => (
        <ReasonDialog
          key={action}
          gate={open?.kind === action ? dialogGate : null}
          action={action}
          onClose={close}
          onConfirm={async (reason) => {
            if (dialogGate) await perform(dialogGate, action, reason);
          }}
        />
      ))}
      <EditGateDialog
        projectId={projectId}
        gate={open?.kind === "edit" ? dialogGate : null}
        onClose={close}
        onSave={async (gate, change) => {
          clearError(gate.id);
          await update.mutateAsync({ gateId: gate.id, version: gate.version, ...change });
          await done(t("edit.done", { kind: tKind(gate.kind) }));
        }}
      />
      <CiteDialog
        projectId={projectId}
        target={open?.kind === "cite" && dialogGate ? { gate: dialogGate, kind: open.evidence } : null}
        onClose={close}
        onCite={async (gate, kind, versionId) => {
          clearError(gate.id);
          await cite.mutateAsync({ gateId: gate.id, version: gate.version, kind, versionId });
          await done(versionId ? t("cite.done") : t("cite.removed"));
        }}
      />
      <SequenceDialog
        open={open?.kind === "sequence"}
        current={data.gates.map((g) => g.kind)}
        onClose={close}
        onSave={async (kinds) => {
          await setSequence.mutateAsync({ projectId, kinds });
          await done(t("sequence.done", { count: kinds.length }));
        }}
      />
    </div>
  );
}
