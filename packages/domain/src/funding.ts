import { z } from "zod";
import { may, type Actor } from "./access.js";
import { CalendarDate } from "./delivery.js";
import type { DocumentAccessFacts } from "./documents.js";
import { DomainError } from "./errors.js";
import { FUNDING_BUCKETS, INSTRUMENTS, LEDGER_ENTRY_KINDS, type FacilityState } from "./vocabulary.js";

// The funding ledger (DESIGN.md §12). A facility (a financier's loan, equity, guarantee, grant or
// offtake prepayment to a project) holds its money in buckets; every ledger entry moves an amount,
// in the facility's own currency, from one bucket to the next:
//
//   (new money) ─PLEDGE─► PLEDGED ─APPROVAL─► APPROVED ─COMMITMENT─► COMMITTED ─DISBURSEMENT─► DISBURSED ─REPAYMENT─► REPAID
//   PLEDGED | APPROVED | COMMITTED ─CANCELLATION─► CANCELLED        AMENDMENT: ± an amount of PLEDGED, APPROVED or COMMITTED
//
// So the buckets always add up to what was pledged plus the amendments, no bucket goes below
// zero, and a cancellation takes back exactly what it cancels. Every sum (a facility's state, a
// project's capital stack, a financier's or delegation's totals, a programme) is read from the
// buckets.

export const Instrument = z.enum(INSTRUMENTS);
export const FundingBucket = z.enum(FUNDING_BUCKETS);
export const LedgerEntryKind = z.enum(LEDGER_ENTRY_KINDS);
export type Instrument = z.infer<typeof Instrument>;
export type FundingBucket = z.infer<typeof FundingBucket>;
export type LedgerEntryKind = z.infer<typeof LedgerEntryKind>;

export type Balances = Record<FundingBucket, number>;

export const EMPTY_BALANCES: Readonly<Balances> = Object.freeze({
  PLEDGED: 0,
  APPROVED: 0,
  COMMITTED: 0,
  DISBURSED: 0,
  REPAID: 0,
  CANCELLED: 0,
});

/** The buckets an amendment or a cancellation may take from: money not yet disbursed. */
export const UNDRAWN_BUCKETS = [
  "PLEDGED",
  "APPROVED",
  "COMMITTED",
] as const satisfies readonly FundingBucket[];

/** One ledger entry as the rules read it. `amount` is positive, but an amendment's may be negative. */
export interface LedgerMove {
  kind: LedgerEntryKind;
  amount: number;
  /** The bucket an amendment changes or a cancellation takes from. */
  bucket?: FundingBucket | null;
}

const STEP: Partial<Record<LedgerEntryKind, [FundingBucket | null, FundingBucket]>> = {
  PLEDGE: [null, "PLEDGED"],
  APPROVAL: ["PLEDGED", "APPROVED"],
  COMMITMENT: ["APPROVED", "COMMITTED"],
  DISBURSEMENT: ["COMMITTED", "DISBURSED"],
  REPAYMENT: ["DISBURSED", "REPAID"],
};

const BUCKET_WORDS: Record<FundingBucket, string> = {
  PLEDGED: "pledged",
  APPROVED: "approved",
  COMMITTED: "committed and not yet disbursed",
  DISBURSED: "disbursed and not yet repaid",
  REPAID: "repaid",
  CANCELLED: "cancelled",
};

/** Which bucket an entry takes from and which it adds to (null: money entering or leaving the facility). */
export function movementOf(move: LedgerMove): { from: FundingBucket | null; to: FundingBucket | null } {
  if (move.kind === "AMENDMENT") {
    const bucket = move.bucket ?? "PLEDGED";
    return move.amount >= 0 ? { from: null, to: bucket } : { from: bucket, to: null };
  }
  if (move.kind === "CANCELLATION") return { from: move.bucket ?? "PLEDGED", to: "CANCELLED" };
  const [from, to] = STEP[move.kind]!;
  return { from, to };
}

/**
 * The balances after `move`, or a VALIDATION error saying why it cannot be recorded: a pledge
 * opens a facility (and only opens it), nothing moves more than its bucket holds, only loans and
 * prepayments are repaid, an amendment changes something and gives a reason elsewhere.
 */
export function applyMove(
  balances: Balances,
  move: LedgerMove,
  instrument: Instrument,
  isFirst: boolean,
): Balances {
  if (!Number.isSafeInteger(move.amount) || move.amount === 0) {
    throw new DomainError("VALIDATION", "Give an amount in whole units of the facility's currency.");
  }
  if (move.kind !== "AMENDMENT" && move.amount < 0) {
    throw new DomainError("VALIDATION", "Give a positive amount.");
  }
  if (isFirst !== (move.kind === "PLEDGE")) {
    throw new DomainError(
      "INVALID_STATE",
      isFirst
        ? "A facility starts with its pledge."
        : "This facility already has its pledge: amend it instead.",
    );
  }
  if (move.kind === "REPAYMENT" && instrument !== "LOAN" && instrument !== "OFFTAKE_PREPAYMENT") {
    throw new DomainError("VALIDATION", "Only loans and offtake prepayments are repaid.");
  }
  if ((move.kind === "AMENDMENT" || move.kind === "CANCELLATION") && move.bucket == null) {
    throw new DomainError("VALIDATION", "Say which amount this changes: pledged, approved or committed.");
  }
  const { from, to } = movementOf(move);
  const amount = Math.abs(move.amount);
  const next = { ...balances };
  if (from) {
    if (next[from] < amount) {
      throw new DomainError(
        "VALIDATION",
        `Only ${next[from].toLocaleString("en-US")} is ${BUCKET_WORDS[from]}: this entry would take ${amount.toLocaleString("en-US")}.`,
      );
    }
    next[from] -= amount;
  }
  if (to) next[to] += amount;
  return next;
}

/** The balances of a facility from its entries, in order (each checked as it was recorded). */
export function balancesOf(moves: readonly LedgerMove[], instrument: Instrument): Balances {
  let b: Balances = { ...EMPTY_BALANCES };
  moves.forEach((m, i) => {
    b = applyMove(b, m, instrument, i === 0);
  });
  return b;
}

/** A facility's state, from where its money stands. */
export function facilityStateOf(b: Balances): FacilityState {
  const open = b.PLEDGED + b.APPROVED + b.COMMITTED + b.DISBURSED;
  if (open === 0) return b.REPAID > 0 ? "REPAID" : "CANCELLED";
  if (b.DISBURSED > 0 || b.REPAID > 0) return "DISBURSED";
  if (b.COMMITTED > 0) return "COMMITTED";
  if (b.APPROVED > 0) return "APPROVED";
  return "PLEDGED";
}

// ── Money in US dollars ──────────────────────────────────────────────────────────────────

/**
 * Amounts stay in the facility's currency. Each entry records the rate (US dollars per unit) and
 * its date; a facility's USD figures use the rate of its latest entry, so its USD parts always add
 * up to its USD total. The capex is in USD.
 */
export function usdOf(amount: number, usdRate: number): number {
  return Math.round(amount * usdRate);
}

/** Where a facility's money stands in USD, as the capital stack shows it. */
export interface Stack {
  /** Pledged or approved, not yet committed. */
  pledgedUsd: number;
  /** Committed and not yet disbursed. */
  committedUsd: number;
  /** Disbursed so far (what was repaid since included). */
  disbursedUsd: number;
}

export function stackOf(b: Balances, usdRate: number): Stack {
  return {
    pledgedUsd: usdOf(b.PLEDGED + b.APPROVED, usdRate),
    committedUsd: usdOf(b.COMMITTED, usdRate),
    disbursedUsd: usdOf(b.DISBURSED + b.REPAID, usdRate),
  };
}

export function addStacks(stacks: readonly Stack[]): Stack {
  return stacks.reduce(
    (t, s) => ({
      pledgedUsd: t.pledgedUsd + s.pledgedUsd,
      committedUsd: t.committedUsd + s.committedUsd,
      disbursedUsd: t.disbursedUsd + s.disbursedUsd,
    }),
    { pledgedUsd: 0, committedUsd: 0, disbursedUsd: 0 },
  );
}

/** Funding committed to a project (committed, disbursed or repaid): what the final investment decision needs. */
export function committedFundingUsd(stack: Stack): number {
  return stack.committedUsd + stack.disbursedUsd;
}

/** What the capex still lacks after everything pledged, committed and disbursed. */
export function gapUsd(stack: Stack, capexUsd: number): number {
  return Math.max(0, capexUsd - stack.pledgedUsd - stack.committedUsd - stack.disbursedUsd);
}

// ── IATI ─────────────────────────────────────────────────────────────────────────────────

/**
 * The IATI transaction type of an entry (codelist TransactionType): 12 outgoing pledge, 2
 * outgoing commitment, 3 disbursement, 6 loan repayment, 8 purchase of equity, 10 credit
 * guarantee. An approval restates the pledge (12); an amendment or a cancellation carries the code
 * of the amount it changes, with a negative value when it lowers it.
 */
export function iatiCodeOf(move: LedgerMove, instrument: Instrument): number {
  const commitment = instrument === "GUARANTEE" ? 10 : 2;
  switch (move.kind) {
    case "PLEDGE":
    case "APPROVAL":
      return 12;
    case "COMMITMENT":
      return commitment;
    case "DISBURSEMENT":
      return instrument === "EQUITY" ? 8 : 3;
    case "REPAYMENT":
      return 6;
    case "AMENDMENT":
    case "CANCELLATION":
      return move.bucket === "COMMITTED" ? commitment : 12;
  }
}

/** The signed value an entry reports under its IATI code. */
export function iatiValueOf(move: LedgerMove): number {
  return move.kind === "CANCELLATION" ? -Math.abs(move.amount) : move.amount;
}

// ── Who may see and record ───────────────────────────────────────────────────────────────

/**
 * A facility under negotiation may be confidential: then only the financier's delegation, the
 * financier's own people and coordinators see it (the rules of a document classified for named
 * delegations, `canSeeDocument`); otherwise everyone who may see the project.
 */
export function facilityAccess(facility: {
  confidential: boolean;
  financierDelegation: string | null;
  financierId: string;
  recordedById: string;
}): DocumentAccessFacts {
  return {
    classification: facility.confidential ? "NAMED_DELEGATIONS" : "PROJECT",
    delegations: facility.financierDelegation ? [facility.financierDelegation] : [],
    organisationId: facility.financierId,
    uploadedById: facility.recordedById,
  };
}

/** Coordinators record any funding; a delegate records their own delegation's financiers'. */
export function canRecordFunding(actor: Actor, financier: { delegation: string | null }): boolean {
  if (!may(actor.role, "funding.record")) return false;
  if (actor.role === "COORDINATOR") return true;
  return actor.delegation !== null && actor.delegation === financier.delegation;
}

// ── Programmes ───────────────────────────────────────────────────────────────────────────

/** A pledge across projects (Japan's US$550 billion): what is allocated against it and its deadline. */
export function programmeStanding(
  programme: { amountUsd: number; deadline: string },
  stack: Stack,
  today: string,
) {
  const allocated = stack.pledgedUsd + stack.committedUsd + stack.disbursedUsd;
  const days = Math.round(
    (Date.parse(`${programme.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return {
    allocatedUsd: allocated,
    unallocatedUsd: Math.max(0, programme.amountUsd - allocated),
    daysLeft: days,
  };
}

/** The day funding falls due for a project selected on `selected`: `dueDays` later. */
export function fundingDueDate(selected: string, dueDays: number): string {
  const d = new Date(`${selected}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dueDays);
  return d.toISOString().slice(0, 10);
}

// ── Inputs ───────────────────────────────────────────────────────────────────────────────

const uuid = z.uuid("That is not a valid id.");
const MAX_AMOUNT = 1e15;
const amount = z
  .number()
  .int("Give an amount in whole units.")
  .positive("Give a positive amount.")
  .max(MAX_AMOUNT, "That amount is too large.");
const rate = {
  usdRate: z.number().positive("A rate is positive.").max(1e6, "That rate is too large."),
  rateDate: CalendarDate,
};
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD or JPY.");

export const CreateFacilityInput = z
  .object({
    projectId: uuid,
    financierId: uuid,
    instrument: Instrument,
    currency: Currency,
    amount,
    ...rate,
    date: CalendarDate,
    confidential: z.boolean().default(false),
    programmeId: uuid.nullable().default(null),
    documentVersionId: uuid.nullable().default(null),
    note: z.string().trim().max(2000).default(""),
  })
  .strict()
  .refine((i) => i.currency !== "USD" || i.usdRate === 1, {
    message: "A facility in US dollars has the rate 1.",
    path: ["usdRate"],
  });

export const RecordEntryInput = z
  .object({
    facilityId: uuid,
    kind: LedgerEntryKind.exclude(["PLEDGE"]),
    /** Positive; an amendment's is the change (negative to lower). */
    amount: z.number().int("Give an amount in whole units.").min(-MAX_AMOUNT).max(MAX_AMOUNT),
    bucket: z.enum(UNDRAWN_BUCKETS).nullable().default(null),
    ...rate,
    date: CalendarDate,
    documentVersionId: uuid.nullable().default(null),
    reason: z.string().trim().max(2000).default(""),
  })
  .strict()
  .refine((i) => !["AMENDMENT", "CANCELLATION"].includes(i.kind) || i.reason.length >= 3, {
    message: "Say why the amount changes (at least 3 characters).",
    path: ["reason"],
  });

export const FundingTotalsInput = z
  .object({ by: z.enum(["delegation", "financier"]).default("delegation") })
  .strict();

export const FundingExportInput = z
  .object({ projectId: uuid.optional(), format: z.enum(["csv", "json"]).default("csv") })
  .strict();
