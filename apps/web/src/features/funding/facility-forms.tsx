"use client";

import {
  INSTRUMENTS,
  LEDGER_ENTRY_KINDS,
  type FundingBucket,
  type Instrument,
  type LedgerEntryKind,
} from "@lodestone/domain/vocabulary";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { todayIn } from "@/features/delivery/dates";
import { toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { Dialog } from "@/features/ui/dialog";
import { Field } from "@/features/ui/field";
import { dangerButton, secondaryButton } from "@/features/ui/styles";
import { Spinner } from "@/features/ui/spinner";
import { useTRPC } from "@/trpc/react";
import { financierName } from "./facilities-table";
import { parseAmount, parseRate, useMoney } from "./money";
import type { Facility, FinancierChoice, ProgrammeChoice } from "./types";

/** What an entry may record after the pledge that opens a facility. */
const RECORDABLE = LEDGER_ENTRY_KINDS.filter((k) => k !== "PLEDGE") as Exclude<LedgerEntryKind, "PLEDGE">[];
type Recordable = (typeof RECORDABLE)[number];
const UNDRAWN = ["PLEDGED", "APPROVED", "COMMITTED"] as const satisfies readonly FundingBucket[];
type Undrawn = (typeof UNDRAWN)[number];
/** The bucket each entry takes its amount from (an amendment and a cancellation: the one chosen). */
const FROM: Partial<Record<Recordable, FundingBucket>> = {
  APPROVAL: "PLEDGED",
  COMMITMENT: "APPROVED",
  DISBURSEMENT: "COMMITTED",
  REPAYMENT: "DISBURSED",
};
const NEEDS_REASON: ReadonlySet<Recordable> = new Set<Recordable>(["AMENDMENT", "CANCELLATION"]);

function useToday(): string {
  const timeZone = useTimeZone() ?? "UTC";
  return todayIn(timeZone);
}

/** The documents an entry may cite (the project's released data-room versions), for a select. */
function DocumentField({
  id,
  projectId,
  value,
  onChange,
}: {
  id: string;
  projectId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("funding.form");
  const locale = useLocale();
  const trpc = useTRPC();
  const choices = useQuery(trpc.documents.evidenceChoices.queryOptions({ projectId }));
  return (
    <Field
      id={id}
      label={t("document")}
      hint={
        choices.isPending ? t("loadingDocuments") : choices.isError ? t("documentsFailed") : t("documentHint")
      }
    >
      {(control) => (
        <select value={value} onChange={(event) => onChange(event.target.value)} {...control}>
          <option value="">{t("noDocument")}</option>
          {(choices.data ?? []).map((c) => (
            <option key={c.versionId} value={c.versionId}>
              {t("documentChoice", {
                title: locale === "ja" && c.titleJa.trim() ? c.titleJa : c.titleEn,
                number: c.number,
              })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A rate field: fixed at 1 for US dollars; otherwise US dollars per unit of the currency. */
function RateField({
  id,
  currency,
  value,
  error,
  onChange,
}: {
  id: string;
  currency: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("funding.form");
  const usd = currency === "USD";
  return (
    <Field
      id={id}
      label={t("rate")}
      hint={usd ? t("rateUsd") : t("rateHint", { currency: currency || "…" })}
      error={error}
      required={!usd}
    >
      {(control) => (
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={usd ? "1" : value}
          readOnly={usd}
          onChange={(event) => onChange(event.target.value)}
          {...control}
          className={`${control.className} max-w-[12rem] read-only:bg-slate-100`}
        />
      )}
    </Field>
  );
}

function DateField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error} required>
      {(control) => (
        <input
          type="date"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...control}
          className={`${control.className} max-w-[12rem]`}
        />
      )}
    </Field>
  );
}

type Errors = Record<string, string | null>;

/** Focuses the first field with an error (in the form's order). */
function focusFirst(id: string, errors: Errors, order: readonly string[]) {
  const first = order.find((f) => errors[f]);
  if (first) document.getElementById(`${id}-${first}`)?.focus();
}

// ── Open a facility ──────────────────────────────────────────────────────────────────────

/** Opens a facility with its pledge: a financier the reader may record for, the money, the rate. */
export function OpenFacilityDialog({
  open,
  projectId,
  financiers,
  programmes,
  onClose,
  onDone,
}: {
  open: boolean;
  projectId: string;
  financiers: readonly FinancierChoice[];
  programmes: readonly ProgrammeChoice[];
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("funding.open");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} description={t("lead")} size="lg">
      {open ? (
        <OpenFacilityForm
          projectId={projectId}
          financiers={financiers}
          programmes={programmes}
          onCancel={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

const OPEN_ORDER = ["financier", "instrument", "currency", "amount", "rate", "rateDate", "date"] as const;

function OpenFacilityForm({
  projectId,
  financiers,
  programmes,
  onCancel,
  onDone,
}: {
  projectId: string;
  financiers: readonly FinancierChoice[];
  programmes: readonly ProgrammeChoice[];
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("funding.form");
  const tOpen = useTranslations("funding.open");
  const tInstrument = useTranslations("enums.instrument");
  const tKind = useTranslations("enums.financierKind");
  const locale = useLocale();
  const money = useMoney();
  const trpc = useTRPC();
  const openFacility = useMutation(trpc.funding.open.mutationOptions());
  const id = useId();
  const today = useToday();
  const [financierId, setFinancierId] = useState("");
  const [instrument, setInstrument] = useState<Instrument>("LOAN");
  const [currency, setCurrency] = useState("USD");
  const [amount, setAmount] = useState("");
  const [rate, setRate] = useState("");
  const [rateDate, setRateDate] = useState(today);
  const [date, setDate] = useState(today);
  const [programmeId, setProgrammeId] = useState("");
  const [confidential, setConfidential] = useState(false);
  const [documentVersionId, setDocumentVersionId] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const code = currency.trim().toUpperCase();

  const submit = async () => {
    const parsedAmount = parseAmount(amount);
    const parsedRate = code === "USD" ? 1 : parseRate(rate);
    const found: Errors = {
      financier: financierId ? null : t("errors.financier"),
      instrument: null,
      currency: /^[A-Z]{3}$/.test(code) ? null : t("errors.currency"),
      amount: parsedAmount !== null && parsedAmount > 0 ? null : t("errors.amountPositive"),
      rate: parsedRate !== null ? null : t("errors.rate"),
      rateDate: rateDate ? null : t("errors.date"),
      date: date ? null : t("errors.date"),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirst(id, found, OPEN_ORDER);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await openFacility.mutateAsync({
        projectId,
        financierId,
        instrument,
        currency: code,
        amount: parsedAmount!,
        usdRate: parsedRate!,
        rateDate,
        date,
        confidential,
        programmeId: programmeId || null,
        documentVersionId: documentVersionId || null,
        note: note.trim(),
      });
      const financier = financiers.find((f) => f.id === financierId);
      await onDone(
        tOpen("done", {
          name: financier ? financierName(locale, financier).text : "",
          amount: money(parsedAmount!, code),
        }),
      );
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void submit();
      }}
    >
      <Field id={`${id}-financier`} label={t("financier")} error={errors.financier} required>
        {(control) => (
          <select value={financierId} onChange={(event) => setFinancierId(event.target.value)} {...control}>
            <option value="">{t("chooseFinancier")}</option>
            {financiers.map((f) => (
              <option key={f.id} value={f.id}>
                {t("financierChoice", {
                  name: financierName(locale, f).text,
                  kind: tKind(f.kind),
                  delegation: f.delegation ?? "–",
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-instrument`} label={t("instrument")} required>
          {(control) => (
            <select
              value={instrument}
              onChange={(event) => setInstrument(event.target.value as Instrument)}
              {...control}
            >
              {INSTRUMENTS.map((i) => (
                <option key={i} value={i}>
                  {tInstrument(i)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-currency`}
          label={t("currency")}
          hint={t("currencyHint")}
          error={errors.currency}
          required
        >
          {(control) => (
            <input
              type="text"
              autoComplete="off"
              maxLength={3}
              value={currency}
              onChange={(event) => setCurrency(event.target.value.toUpperCase())}
              {...control}
              className={`${control.className} max-w-[8rem] font-mono uppercase`}
            />
          )}
        </Field>
        <Field
          id={`${id}-amount`}
          label={t("pledgeAmount")}
          hint={t("amountHint", { currency: code || "…" })}
          error={errors.amount}
          required
        >
          {(control) => (
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              {...control}
            />
          )}
        </Field>
        <RateField
          id={`${id}-rate`}
          currency={code}
          value={rate}
          error={errors.rate ?? null}
          onChange={setRate}
        />
        <DateField
          id={`${id}-rateDate`}
          label={t("rateDate")}
          value={rateDate}
          error={errors.rateDate ?? null}
          onChange={setRateDate}
        />
        <DateField
          id={`${id}-date`}
          label={t("valueDate")}
          value={date}
          error={errors.date ?? null}
          onChange={setDate}
        />
      </div>
      {programmes.length > 0 ? (
        <Field id={`${id}-programme`} label={t("programme")} hint={t("programmeHint")}>
          {(control) => (
            <select value={programmeId} onChange={(event) => setProgrammeId(event.target.value)} {...control}>
              <option value="">{t("noProgramme")}</option>
              {programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {locale === "ja" && p.nameJa.trim() ? p.nameJa : p.nameEn}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-2 text-slate-900">
          <input
            type="checkbox"
            checked={confidential}
            onChange={(event) => setConfidential(event.target.checked)}
            aria-describedby={`${id}-confidential-hint`}
            className="mt-1 h-4 w-4 shrink-0 accent-blue-800"
          />
          <span className="font-semibold">{t("confidential")}</span>
        </label>
        <p id={`${id}-confidential-hint`} className="pl-6 text-sm text-slate-600">
          {t("confidentialHint")}
        </p>
      </div>
      <DocumentField
        id={`${id}-document`}
        projectId={projectId}
        value={documentVersionId}
        onChange={setDocumentVersionId}
      />
      <Field id={`${id}-note`} label={t("note")}>
        {(control) => (
          <textarea
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            {...control}
          />
        )}
      </Field>
      {problem ? (
        <ServerProblem title={tOpen("failed")} problem={problem} messages="delivery.problem" />
      ) : null}
      <FormActions
        busy={busy}
        label={tOpen("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

// ── Record an entry ──────────────────────────────────────────────────────────────────────

/** Records an entry on a facility: approval, commitment, a tranche, a repayment, an amendment or a cancellation. */
export function RecordEntryDialog({
  projectId,
  facility,
  onClose,
  onDone,
}: {
  projectId: string;
  facility: Facility | null;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("funding.record");
  const locale = useLocale();
  return (
    <Dialog
      open={facility !== null}
      onClose={onClose}
      title={facility ? t("title", { name: financierName(locale, facility.financier).text }) : ""}
      size="lg"
    >
      {facility ? (
        <RecordEntryForm projectId={projectId} facility={facility} onCancel={onClose} onDone={onDone} />
      ) : null}
    </Dialog>
  );
}

/** The next step of a facility's money, the entry most likely recorded. */
function likelyKind(facility: Facility): Recordable {
  const b = facility.balances;
  if (b.PLEDGED > 0) return "APPROVAL";
  if (b.APPROVED > 0) return "COMMITMENT";
  if (b.COMMITTED > 0) return "DISBURSEMENT";
  return "AMENDMENT";
}

const RECORD_ORDER = ["kind", "bucket", "amount", "rate", "rateDate", "date", "reason"] as const;

function RecordEntryForm({
  projectId,
  facility,
  onCancel,
  onDone,
}: {
  projectId: string;
  facility: Facility;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("funding.form");
  const tRecord = useTranslations("funding.record");
  const tEntry = useTranslations("enums.ledgerEntryKind");
  const tBucket = useTranslations("enums.fundingBucket");
  const money = useMoney();
  const trpc = useTRPC();
  const record = useMutation(trpc.funding.record.mutationOptions());
  const id = useId();
  const today = useToday();
  const [kind, setKind] = useState<Recordable>(() => likelyKind(facility));
  const [bucket, setBucket] = useState<Undrawn>("PLEDGED");
  const [amount, setAmount] = useState("");
  const [rate, setRate] = useState(facility.currency === "USD" ? "1" : String(facility.usdRate));
  const [rateDate, setRateDate] = useState(today);
  const [date, setDate] = useState(today);
  const [documentVersionId, setDocumentVersionId] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  /** A cancellation waits for a second yes: it cannot be taken back. */
  const [confirming, setConfirming] = useState<{ amount: number; rate: number } | null>(null);
  const needsBucket = kind === "AMENDMENT" || kind === "CANCELLATION";
  const needsReason = NEEDS_REASON.has(kind);
  const from: FundingBucket | undefined = kind === "CANCELLATION" ? bucket : FROM[kind];
  const available = from ? facility.balances[from] : null;

  const send = async (parsedAmount: number, parsedRate: number) => {
    setBusy(true);
    setProblem(null);
    try {
      await record.mutateAsync({
        facilityId: facility.id,
        kind,
        amount: parsedAmount,
        bucket: needsBucket ? bucket : null,
        usdRate: parsedRate,
        rateDate,
        date,
        documentVersionId: documentVersionId || null,
        reason: reason.trim(),
      });
      await onDone(tRecord("done", { kind: tEntry(kind), amount: money(parsedAmount, facility.currency) }));
    } catch (error) {
      setConfirming(null);
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const parsedAmount = parseAmount(amount);
    const parsedRate = facility.currency === "USD" ? 1 : parseRate(rate);
    const amountError =
      parsedAmount === null || parsedAmount === 0
        ? kind === "AMENDMENT"
          ? t("errors.amountNonZero")
          : t("errors.amountPositive")
        : kind !== "AMENDMENT" && parsedAmount < 0
          ? t("errors.amountPositive")
          : null;
    const found: Errors = {
      amount: amountError,
      rate: parsedRate !== null ? null : t("errors.rate"),
      rateDate: rateDate ? null : t("errors.date"),
      date: date ? null : t("errors.date"),
      reason: needsReason && reason.trim().length < 3 ? t("errors.reason") : null,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirst(id, found, RECORD_ORDER);
      return;
    }
    if (kind === "CANCELLATION") {
      setConfirming({ amount: parsedAmount!, rate: parsedRate! });
      return;
    }
    void send(parsedAmount!, parsedRate!);
  };

  if (confirming) {
    return (
      <div className="flex flex-col gap-4">
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">{tRecord("confirmTitle")}</p>
          <p className="mt-1">
            {tRecord("confirmBody", {
              amount: money(confirming.amount, facility.currency),
              bucket: tBucket(bucket),
            })}
          </p>
        </div>
        {problem ? (
          <ServerProblem title={tRecord("failed")} problem={problem} messages="delivery.problem" />
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button
            type="button"
            className={secondaryButton}
            data-autofocus
            onClick={() => setConfirming(null)}
          >
            {tRecord("back")}
          </button>
          <button
            type="button"
            className={dangerButton}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) void send(confirming.amount, confirming.rate);
            }}
          >
            {busy ? <Spinner tone="light" /> : null}
            {busy ? t("saving") : tRecord("confirmCancel")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) submit();
      }}
    >
      <Balances facility={facility} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-kind`} label={t("kind")} required>
          {(control) => (
            <select value={kind} onChange={(event) => setKind(event.target.value as Recordable)} {...control}>
              {RECORDABLE.map((k) => (
                <option key={k} value={k}>
                  {tEntry(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsBucket ? (
          <Field
            id={`${id}-bucket`}
            label={kind === "AMENDMENT" ? t("bucketAmend") : t("bucketCancel")}
            required
          >
            {(control) => (
              <select
                value={bucket}
                onChange={(event) => setBucket(event.target.value as Undrawn)}
                {...control}
              >
                {UNDRAWN.map((b) => (
                  <option key={b} value={b}>
                    {tBucket(b)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field
          id={`${id}-amount`}
          label={t("amount")}
          hint={
            <>
              {kind === "AMENDMENT" ? t("amendHint") : t("amountHint", { currency: facility.currency })}
              {available !== null && from ? (
                <> {t("available", { amount: money(available, facility.currency), bucket: tBucket(from) })}</>
              ) : null}
            </>
          }
          error={errors.amount}
          required
        >
          {(control) => (
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              {...control}
            />
          )}
        </Field>
        <RateField
          id={`${id}-rate`}
          currency={facility.currency}
          value={rate}
          error={errors.rate ?? null}
          onChange={setRate}
        />
        <DateField
          id={`${id}-rateDate`}
          label={t("rateDate")}
          value={rateDate}
          error={errors.rateDate ?? null}
          onChange={setRateDate}
        />
        <DateField
          id={`${id}-date`}
          label={t("valueDate")}
          value={date}
          error={errors.date ?? null}
          onChange={setDate}
        />
      </div>
      <DocumentField
        id={`${id}-document`}
        projectId={projectId}
        value={documentVersionId}
        onChange={setDocumentVersionId}
      />
      <Field
        id={`${id}-reason`}
        label={needsReason ? t("reason") : t("note")}
        hint={needsReason ? t("reasonHint") : undefined}
        error={errors.reason}
        required={needsReason}
      >
        {(control) => (
          <textarea
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            {...control}
          />
        )}
      </Field>
      {problem ? (
        <ServerProblem title={tRecord("failed")} problem={problem} messages="delivery.problem" />
      ) : null}
      <FormActions
        busy={busy}
        label={kind === "CANCELLATION" ? tRecord("submitCancel") : tRecord("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Where the facility's money stands now, for the entry about to move it. */
function Balances({ facility }: { facility: Facility }): ReactNode {
  const t = useTranslations("funding.record");
  const tBucket = useTranslations("enums.fundingBucket");
  const money = useMoney();
  const shown = (["PLEDGED", "APPROVED", "COMMITTED", "DISBURSED"] as const).filter(
    (b) => facility.balances[b] > 0,
  );
  return (
    <div className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-900">
      <p className="font-semibold">{t("standing")}</p>
      {shown.length === 0 ? (
        <p className="mt-1">{t("nothingOpen")}</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {shown.map((b) => (
            <li key={b}>
              {tBucket(b)}:{" "}
              <span className="tabular-nums">{money(facility.balances[b], facility.currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
