import { z } from "zod";

// The vocabulary of the domain. The database enums mirror these exactly (checked by a db test).

export const ROLES = ["DELEGATE", "COORDINATOR", "PARTNER", "ADMIN"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ["en", "ja"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const DELEGATION_KINDS = ["FOUNDING", "PARTNER"] as const;
export const DelegationKind = z.enum(DELEGATION_KINDS);
export type DelegationKind = z.infer<typeof DelegationKind>;

export const ORGANISATION_KINDS = ["COMPANY", "GOVERNMENT_BODY", "RESEARCH"] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

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
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const TRANSLATION_STATUSES = ["ORIGINAL", "HUMAN_CHECKED", "MACHINE", "MISSING"] as const;
export const TranslationStatus = z.enum(TRANSLATION_STATUSES);
export type TranslationStatus = z.infer<typeof TranslationStatus>;

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
export const Commodity = z.enum(COMMODITIES);
export type Commodity = z.infer<typeof Commodity>;

export const SUPPLY_CHAIN_STAGES = ["MINING", "SEPARATION", "METAL_ALLOY", "MAGNET", "RECYCLING"] as const;
export const SupplyChainStage = z.enum(SUPPLY_CHAIN_STAGES);
export type SupplyChainStage = z.infer<typeof SupplyChainStage>;

export const ROUND_STATUSES = ["OPEN", "CLOSED"] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const VOTE_CHOICES = ["APPROVE", "REJECT", "ABSTAIN"] as const;
export const VoteChoice = z.enum(VOTE_CHOICES);
export type VoteChoice = z.infer<typeof VoteChoice>;

export const DECISION_OUTCOMES = ["APPROVED", "REJECTED", "CHANGES_REQUESTED"] as const;
export const DecisionOutcome = z.enum(DECISION_OUTCOMES);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const STANCES = ["SUPPORT", "OPPOSE", "NEUTRAL", "QUESTION"] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

export const MILESTONE_STATUSES = ["PLANNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"] as const;
export const MilestoneStatus = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;
