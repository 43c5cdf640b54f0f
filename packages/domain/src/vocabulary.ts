// The vocabulary of the domain as plain lists and union types, without zod: code that ships to the
// browser imports these (zod's runtime stays out of the page's scripts). The schemas that check
// them are in enums.ts (and PROJECT_SORTS' in project-list.ts), built from these very lists.

export const ROLES = ["DELEGATE", "COORDINATOR", "PARTNER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["en", "ja"] as const;
export type Locale = (typeof LOCALES)[number];

export const DELEGATION_KINDS = ["FOUNDING", "PARTNER"] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

export const ORGANISATION_KINDS = ["COMPANY", "GOVERNMENT_BODY", "RESEARCH"] as const;

export const PROJECT_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "IN_DELIVERY",
  "COMPLETED",
  "WITHDRAWN",
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const TRANSLATION_STATUSES = ["ORIGINAL", "HUMAN_CHECKED", "MACHINE", "MISSING"] as const;

export const COMMODITIES = [
  "NDPR",
  "DY",
  "TB",
  "LA",
  "CE",
  "SM",
  "Y",
  "GA",
  "GE",
  "GRAPHITE",
  "LITHIUM",
  "COBALT",
  "NICKEL",
] as const;
export type Commodity = (typeof COMMODITIES)[number];

export const SUPPLY_CHAIN_STAGES = ["MINING", "SEPARATION", "METAL_ALLOY", "MAGNET", "RECYCLING"] as const;
export type SupplyChainStage = (typeof SUPPLY_CHAIN_STAGES)[number];

export const ROUND_STATUSES = ["OPEN", "CLOSED"] as const;

export const VOTE_CHOICES = ["APPROVE", "REJECT", "ABSTAIN"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const DECISION_OUTCOMES = ["APPROVED", "REJECTED", "CHANGES_REQUESTED"] as const;

export const STANCES = ["SUPPORT", "OPPOSE", "NEUTRAL", "QUESTION"] as const;
export type Stance = (typeof STANCES)[number];

export const MILESTONE_STATUSES = ["PLANNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"] as const;

/**
 * The orders the project list offers: newest change first (the default), by reference (oldest
 * first), largest estimated capex first, largest capacity first. Each ends on the id, so the order
 * is total and a keyset cursor continues it exactly.
 */
export const PROJECT_SORTS = ["updated", "reference", "capex", "capacity"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

// ── From approval to operation (DESIGN.md §12) ───────────────────────────────────────────

/** The stage gates a project passes from approval to operation, in their usual order. */
export const GATE_KINDS = [
  "SCOPING",
  "PRE_FEASIBILITY",
  "BANKABLE_FEASIBILITY",
  "PERMITS",
  "OFFTAKE",
  "FINAL_INVESTMENT_DECISION",
  "CONSTRUCTION",
  "COMMISSIONING",
  "RAMP_UP",
] as const;
export type GateKind = (typeof GATE_KINDS)[number];

export const GATE_STATES = ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "PASSED", "WAIVED", "FAILED"] as const;
export type GateState = (typeof GATE_STATES)[number];

/** The kinds of document a gate may require as evidence (a data-room document is cited for each). */
export const EVIDENCE_KINDS = [
  "SCOPING_STUDY",
  "RESOURCE_STATEMENT",
  "PILOT_RESULTS",
  "PRE_FEASIBILITY_STUDY",
  "FEASIBILITY_STUDY",
  "ESIA",
  "PERMIT",
  "OFFTAKE_AGREEMENT",
  "FEEDSTOCK_AGREEMENT",
  "QUALIFICATION_REPORT",
  "FINANCING_AGREEMENT",
  "BOARD_RESOLUTION",
  "CONSTRUCTION_REPORT",
  "COMMISSIONING_REPORT",
  "PRODUCTION_REPORT",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Financiers are organisations of one of these kinds. */
export const FINANCIER_KINDS = [
  "DEVELOPMENT_FINANCE",
  "EXPORT_CREDIT",
  "GOVERNMENT_AGENCY",
  "COMMERCIAL_LENDER",
  "EQUITY_SPONSOR",
  "OFFTAKER",
] as const;
export type FinancierKind = (typeof FINANCIER_KINDS)[number];

export const INSTRUMENTS = ["LOAN", "EQUITY", "GUARANTEE", "GRANT", "OFFTAKE_PREPAYMENT"] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** Where money of a facility stands: each ledger entry moves an amount between these. */
export const FUNDING_BUCKETS = [
  "PLEDGED",
  "APPROVED",
  "COMMITTED",
  "DISBURSED",
  "REPAID",
  "CANCELLED",
] as const;
export type FundingBucket = (typeof FUNDING_BUCKETS)[number];

/** What a ledger entry records. */
export const LEDGER_ENTRY_KINDS = [
  "PLEDGE",
  "AMENDMENT",
  "APPROVAL",
  "COMMITMENT",
  "DISBURSEMENT",
  "REPAYMENT",
  "CANCELLATION",
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** A facility's state, read from where its money stands. */
export const FACILITY_STATES = [
  "PLEDGED",
  "APPROVED",
  "COMMITTED",
  "DISBURSED",
  "REPAID",
  "CANCELLED",
] as const;
export type FacilityState = (typeof FACILITY_STATES)[number];

// ── The permitting timetable (DESIGN.md §12) ─────────────────────────────────────────────

/** Whose law an authorization is under: it decides the working-day calendar its dates are counted on. */
export const JURISDICTIONS = ["US_FEDERAL", "US_STATE", "JP_NATIONAL", "JP_PREFECTURE", "OTHER"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** An authorization's legal basis; each has a milestone template. */
export const PERMIT_INSTRUMENTS = [
  "NEPA_EIS",
  "NEPA_EA",
  "CWA_404",
  "JP_EIA",
  "JP_MINING_RIGHT",
  "GENERIC",
] as const;
export type PermitInstrument = (typeof PERMIT_INSTRUMENTS)[number];

/** The jurisdiction each instrument is usually under (its template's, and the add form's default). */
export const USUAL_JURISDICTION: Record<PermitInstrument, Jurisdiction> = {
  NEPA_EIS: "US_FEDERAL",
  NEPA_EA: "US_FEDERAL",
  CWA_404: "US_FEDERAL",
  JP_EIA: "JP_NATIONAL",
  JP_MINING_RIGHT: "JP_NATIONAL",
  GENERIC: "OTHER",
};

/** Where a permitting milestone, or an authorization, stands (derived, never stored). */
export const PERMIT_STATUSES = [
  "PLANNED",
  "IN_PROGRESS",
  "PAUSED",
  "COMPLETED",
  "DENIED",
  "WITHDRAWN",
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** How an authorization ended without completing. */
export const PERMIT_OUTCOMES = ["DENIED", "WITHDRAWN"] as const;
export type PermitOutcome = (typeof PERMIT_OUTCOMES)[number];

/** Why a target date moved (a fixed list, as the US Permitting Dashboard keeps). */
export const DATE_CHANGE_REASONS = [
  "APPLICANT_REQUEST",
  "APPLICANT_INFORMATION",
  "PROJECT_CHANGE",
  "NEW_INFORMATION",
  "CONSULTATION",
  "PUBLIC_COMMENT",
  "AGENCY_RESOURCES",
  "LITIGATION",
  "PROJECT_PAUSE",
  "OTHER",
] as const;
export type DateChangeReason = (typeof DATE_CHANGE_REASONS)[number];

/** A date change's standing: applied, or waiting for (or refused by) a coordinator's determination. */
export const DATE_CHANGE_STATES = ["APPLIED", "PENDING", "REJECTED"] as const;
export type DateChangeState = (typeof DATE_CHANGE_STATES)[number];

/** Why a project's permitting is paused. */
export const PAUSE_REASONS = [
  "APPLICANT_REQUEST",
  "AWAITING_APPLICANT_INFORMATION",
  "LITIGATION",
  "FUNDING",
  "FORCE_MAJEURE",
  "OTHER",
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
