"use client";

import { EVIDENCE_KINDS, type EvidenceKind } from "@lodestone/domain/vocabulary";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { useDelegationName } from "@/features/deliberation/delegation-names";
import { Spinner } from "@/features/ui/spinner";
import { linkClass, primaryButton, secondaryButton, smallButton } from "@/features/ui/styles";
import { GateStateBadge } from "./gate-badge";
import type { GateAction, GateProblem, GatesData, GateView } from "./types";

const isEvidenceKind = (value: string): value is EvidenceKind =>
  (EVIDENCE_KINDS as readonly string[]).includes(value);

/** The order the actions' buttons come in, the way forward first. */
const ACTION_ORDER: readonly GateAction[] = ["start", "submit", "pass", "reopen", "return", "waive", "fail"];
const PRIMARY: ReadonlySet<GateAction> = new Set<GateAction>(["start", "submit", "pass", "reopen"]);

export interface GateCardProps {
  gate: GateView;
  /** Its place in the sequence, counted from 1. */
  number: number;
  data: Pick<GatesData, "signatories" | "committedUsd" | "capexUsd" | "canDesignate" | "current">;
  projectId: string;
  /** The action running on this gate now (its button shows a spinner). */
  running: GateAction | "signOff" | null;
  /** Why the last change to this gate failed, already worded. */
  error: string | null;
  onAction: (gate: GateView, action: GateAction) => void;
  onSignOff: (gate: GateView) => void;
  onEdit: (gate: GateView) => void;
  onCite: (gate: GateView, kind: EvidenceKind) => void;
  /** Saves the checklist's ticks (in the gate's order); resolves once the gate is read again. */
  onChecklist: (gate: GateView, checklist: boolean[]) => Promise<void>;
}

/**
 * One gate of the sequence: its state (the current gate stands out, with its days in it), owner
 * and target date, checklist, required evidence, sign-offs, what still stands in its way, and the
 * actions the reader may take on it now.
 */
export function GateCard(props: GateCardProps) {
  const { gate, data } = props;
  const t = useTranslations("gates");
  const tKind = useTranslations("enums.gateKind");
  const format = useFormatter();
  const id = useId();
  const closed = gate.state === "PASSED" || gate.state === "WAIVED";
  const showsProblems = gate.current || gate.state === "IN_PROGRESS" || gate.state === "SUBMITTED";
  const showsSignOffs = gate.state === "SUBMITTED" || gate.signOffs.length > 0;
  const actions = ACTION_ORDER.filter((a) => gate.actions.includes(a));

  return (
    <li
      data-gate={gate.kind}
      data-current={gate.current || undefined}
      className={`rounded-lg border bg-white p-5 shadow-sm ${gate.current ? "border-2 border-blue-800" : "border-slate-300"}`}
    >
      <article aria-labelledby={`${id}-heading`} className="flex flex-col gap-5">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h3 id={`${id}-heading`} className="text-lg font-semibold text-slate-900">
            {t("gateHeading", { position: props.number, kind: tKind(gate.kind) })}
          </h3>
          <GateStateBadge state={gate.state} />
          {gate.current ? (
            <span className="rounded-full bg-blue-800 px-2.5 py-0.5 text-xs font-semibold text-white">
              {t("current.badge")}
            </span>
          ) : null}
          {gate.current && data.current && gate.enteredAt ? (
            <span className="text-sm font-semibold text-slate-800">
              {t("current.days", { days: data.current.days })}
            </span>
          ) : null}
        </header>

        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t("owner")}>{gate.owner?.name ?? t("noOwner")}</Fact>
          <Fact label={t("targetDate")}>
            {gate.targetDate ? (
              <time dateTime={gate.targetDate}>
                {format.dateTime(calendarDay(gate.targetDate), CALENDAR_DATE)}
              </time>
            ) : (
              t("noTarget")
            )}
          </Fact>
          {gate.enteredAt ? (
            <Fact label={t("entered")}>
              <time dateTime={gate.enteredAt}>{format.dateTime(new Date(gate.enteredAt), "date")}</time>
            </Fact>
          ) : null}
          {gate.closedAt ? (
            <Fact label={t("closed")}>
              <time dateTime={gate.closedAt}>{format.dateTime(new Date(gate.closedAt), "date")}</time>
            </Fact>
          ) : null}
        </dl>
        {data.canDesignate && !closed ? (
          <p>
            <button type="button" className={smallButton} onClick={() => props.onEdit(gate)}>
              {t("edit.button")}{" "}
              <span className="sr-only">{t("edit.buttonFor", { kind: tKind(gate.kind) })}</span>
            </button>
          </p>
        ) : null}
        {gate.reason ? (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-900">
            <span className="font-semibold">{t("labelled", { label: t("reason") })}</span>
            {gate.reason}
          </p>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-2">
          <Checklist gate={gate} onChecklist={props.onChecklist} />
          <Evidence gate={gate} projectId={props.projectId} onCite={props.onCite} />
        </div>

        {showsSignOffs ? <SignOffs gate={gate} signatories={data.signatories} /> : null}
        {showsProblems ? <Problems gate={gate} data={data} /> : null}

        {actions.length > 0 || gate.canSignOff ? (
          <div
            role="group"
            aria-label={t("actions.label", { kind: tKind(gate.kind) })}
            className="flex flex-wrap gap-3"
          >
            {gate.canSignOff ? (
              <button
                type="button"
                className={primaryButton}
                aria-disabled={props.running !== null || undefined}
                onClick={() => {
                  if (props.running === null) props.onSignOff(gate);
                }}
              >
                {props.running === "signOff" ? <Spinner tone="light" /> : null}
                {t("signOff.button")}
              </button>
            ) : null}
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                data-action={action}
                className={PRIMARY.has(action) ? primaryButton : secondaryButton}
                aria-disabled={props.running !== null || undefined}
                onClick={() => {
                  if (props.running === null) props.onAction(gate, action);
                }}
              >
                {props.running === action ? <Spinner tone={PRIMARY.has(action) ? "light" : "dark"} /> : null}
                {t(`actions.${action}`)}
              </button>
            ))}
          </div>
        ) : null}
        {props.error ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
            {props.error}
          </p>
        ) : null}
      </article>
    </li>
  );
}

function CheckIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
      <path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1 1.1 1.1-7.2 7.2Z" />
    </svg>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The gate's checklist: check boxes for whoever works on the gate, a list for everyone else. */
function Checklist({
  gate,
  onChecklist,
}: {
  gate: GateView;
  onChecklist: (gate: GateView, checklist: boolean[]) => Promise<void>;
}) {
  const t = useTranslations("gates.checklist");
  const locale = useLocale();
  const id = useId();
  // The item being saved: shown as ticked (or not) until the gate is read again.
  const [saving, setSaving] = useState<number | null>(null);
  const text = (item: { en: string; ja: string }) =>
    locale === "ja" && item.ja.trim() ? { text: item.ja, lang: "ja" } : { text: item.en, lang: "en" };

  if (gate.checklist.length === 0) {
    return (
      <section aria-labelledby={`${id}-heading`}>
        <h4 id={`${id}-heading`} className="font-semibold text-slate-900">
          {t("heading")}
        </h4>
        <p className="mt-2 text-slate-700">{t("empty")}</p>
      </section>
    );
  }

  if (!gate.canWork) {
    return (
      <section aria-labelledby={`${id}-heading`}>
        <h4 id={`${id}-heading`} className="font-semibold text-slate-900">
          {t("heading")}
        </h4>
        <ul className="mt-2 flex flex-col gap-2">
          {gate.checklist.map((item, i) => {
            const shown = text(item);
            return (
              <li key={i} className="flex items-start gap-2">
                <span
                  aria-hidden="true"
                  className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded border text-xs font-bold ${item.done ? "border-green-700 bg-green-700 text-white" : "border-slate-500 bg-white"}`}
                >
                  {item.done ? <CheckIcon /> : null}
                </span>
                <span>
                  <span lang={shown.lang}>{shown.text}</span>{" "}
                  <span className="sr-only">({item.done ? t("done") : t("notDone")})</span>
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    );
  }

  const toggle = async (index: number) => {
    if (saving !== null) return;
    setSaving(index);
    try {
      await onChecklist(
        gate,
        gate.checklist.map((item, i) => (i === index ? !item.done : item.done)),
      );
    } finally {
      setSaving(null);
    }
  };

  return (
    <fieldset aria-describedby={`${id}-hint`} aria-busy={saving !== null || undefined}>
      <legend className="font-semibold text-slate-900">{t("heading")}</legend>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
        {t("hint")}
      </p>
      <ul className="mt-2 flex flex-col gap-2">
        {gate.checklist.map((item, i) => {
          const shown = text(item);
          const checked = saving === i ? !item.done : item.done;
          return (
            <li key={i}>
              <label className="flex items-start gap-2 text-slate-900">
                <input
                  type="checkbox"
                  checked={checked}
                  aria-disabled={(saving !== null && saving !== i) || undefined}
                  onChange={() => void toggle(i)}
                  className="mt-1 h-4 w-4 shrink-0 accent-blue-800"
                />
                <span lang={shown.lang}>{shown.text}</span>
                {saving === i ? (
                  <span className="inline-flex items-center gap-1 text-sm text-slate-700">
                    <Spinner /> {t("saving")}
                  </span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The documents the gate requires, one cited data-room document each. */
function Evidence({
  gate,
  projectId,
  onCite,
}: {
  gate: GateView;
  projectId: string;
  onCite: (gate: GateView, kind: EvidenceKind) => void;
}) {
  const t = useTranslations("gates.evidence");
  const tEvidence = useTranslations("enums.evidenceKind");
  const locale = useLocale();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="font-semibold text-slate-900">
        {t("heading")}
      </h4>
      {gate.evidence.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-3">
          {gate.evidence.map((e) => {
            const title =
              locale === "ja" && e.document?.titleJa.trim()
                ? { text: e.document.titleJa, lang: "ja" }
                : { text: e.document?.titleEn ?? "", lang: "en" };
            return (
              <li
                key={e.kind}
                data-evidence={e.kind}
                className="flex flex-col gap-1 border-l-4 border-slate-300 pl-3"
              >
                <span className="text-sm font-semibold text-slate-700">{tEvidence(e.kind)}</span>
                {e.document ? (
                  <span>
                    <Link
                      href={`/projects/${projectId}/documents/${e.document.id}`}
                      lang={title.lang}
                      className={linkClass}
                    >
                      {title.text}
                    </Link>{" "}
                    <span className="text-sm text-slate-700">
                      {t("version", { number: e.document.version })}
                    </span>
                  </span>
                ) : e.cited ? (
                  <span className="text-slate-900">
                    {t("restricted")}
                    <span className="block text-sm text-slate-600">{t("restrictedHint")}</span>
                  </span>
                ) : (
                  <span className="text-slate-700">{t("notCited")}</span>
                )}
                {gate.canWork ? (
                  <span>
                    <button type="button" className={smallButton} onClick={() => onCite(gate, e.kind)}>
                      {e.cited ? t("replace") : t("cite")}{" "}
                      <span className="sr-only">{t("buttonFor", { kind: tEvidence(e.kind) })}</span>
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Who must sign the gate off (the coordinator, each sponsoring delegation's delegate), and who has. */
function SignOffs({ gate, signatories }: { gate: GateView; signatories: GatesData["signatories"] }) {
  const t = useTranslations("gates.signOffs");
  const tGates = useTranslations("gates");
  const format = useFormatter();
  const delegationName = useDelegationName();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="font-semibold text-slate-900">
        {t("heading")}
      </h4>
      <ul className="mt-2 flex flex-col gap-2">
        {signatories.map((s) => {
          const party = s.party === "COORDINATOR" ? "COORDINATOR" : (s.delegation ?? "");
          const signed = gate.signOffs.find((o) => o.party === party);
          const who = s.party === "COORDINATOR" ? t("coordinator") : delegationName(party);
          return (
            <li
              key={party}
              data-party={party}
              data-signed={signed ? "true" : "false"}
              className="flex items-start gap-2"
            >
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${signed ? "bg-green-700 text-white" : "border border-slate-500 bg-white text-slate-700"}`}
              >
                {signed ? <CheckIcon /> : null}
              </span>
              <span>
                <span className="font-semibold text-slate-900">{tGates("labelled", { label: who })}</span>
                {signed ? (
                  <>
                    {t("signedBy", { name: signed.name })}{" "}
                    <time dateTime={signed.at} className="text-sm text-slate-700">
                      {format.dateTime(new Date(signed.at), "dateTime")}
                    </time>
                  </>
                ) : s.party === "DELEGATION" && !s.userId ? (
                  <span className="text-amber-900">{t("noneDesignated")}</span>
                ) : s.party === "DELEGATION" && s.name ? (
                  <span className="text-slate-800">{t("waitingFor", { name: s.name })}</span>
                ) : (
                  <span className="text-slate-800">{t("missing")}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What still stands between the gate and submitting it (open gates) or passing it (submitted gates). */
function Problems({ gate, data }: { gate: GateView; data: Pick<GatesData, "committedUsd" | "capexUsd"> }) {
  const t = useTranslations("gates.problems");
  const id = useId();
  const word = useProblemText(gate, data);
  const submitted = gate.state === "SUBMITTED";
  if (gate.problems.length === 0) {
    if (gate.state !== "IN_PROGRESS" && !submitted) return null;
    return (
      <p data-problems="none" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-950">
        {submitted ? t("readyToPass") : t("readyToSubmit")}
      </p>
    );
  }
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-problems={gate.problems.length}
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
    >
      <h4 id={`${id}-heading`} className="font-semibold">
        {submitted ? t("beforePass") : t("beforeSubmit")}
      </h4>
      <ul className="mt-1 list-disc pl-5">
        {gate.problems.map((p, i) => (
          <li key={`${p.reason}-${p.field}-${i}`} data-reason={p.reason}>
            {word(p)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A problem in the reader's language, from its reason and field (the server's words otherwise). */
function useProblemText(gate: GateView, data: Pick<GatesData, "committedUsd" | "capexUsd">) {
  const t = useTranslations("gates.problems");
  const tEvidence = useTranslations("enums.evidenceKind");
  const delegationName = useDelegationName();
  const format = useFormatter();
  const money = (usd: number) =>
    format.number(usd, {
      style: "currency",
      currency: "USD",
      currencyDisplay: "code",
      maximumFractionDigits: 0,
    });
  return (p: GateProblem): string => {
    switch (p.reason) {
      case "evidence":
        return isEvidenceKind(p.field) ? t("evidence", { kind: tEvidence(p.field) }) : p.message;
      case "checklist":
        return t("checklist", { count: gate.checklist.filter((c) => !c.done).length });
      case "signOff":
        return p.field === "COORDINATOR"
          ? t("signOffCoordinator")
          : t("signOff", { delegation: delegationName(p.field) });
      case "designate":
        return t("designate", { delegation: delegationName(p.field) });
      case "funding":
        return t("funding", { committed: money(data.committedUsd), capex: money(data.capexUsd) });
      default:
        return p.message;
    }
  };
}
