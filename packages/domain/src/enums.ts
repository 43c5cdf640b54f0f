import { z } from "zod";
import {
  ROLES,
  LOCALES,
  DELEGATION_KINDS,
  ORGANISATION_KINDS,
  PROJECT_STATUSES,
  TRANSLATION_STATUSES,
  COMMODITIES,
  SUPPLY_CHAIN_STAGES,
  ROUND_STATUSES,
  VOTE_CHOICES,
  DECISION_OUTCOMES,
  STANCES,
  MILESTONE_STATUSES,
} from "./vocabulary.js";

// The vocabulary of the domain, as zod schemas for the commands' inputs. The lists themselves live
// in vocabulary.ts (no zod, for the browser); they are exported here too for the server's code.
// The database enums mirror these exactly (checked by a db test).

export {
  ROLES,
  LOCALES,
  DELEGATION_KINDS,
  ORGANISATION_KINDS,
  PROJECT_STATUSES,
  TRANSLATION_STATUSES,
  COMMODITIES,
  SUPPLY_CHAIN_STAGES,
  ROUND_STATUSES,
  VOTE_CHOICES,
  DECISION_OUTCOMES,
  STANCES,
  MILESTONE_STATUSES,
};

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const DelegationKind = z.enum(DELEGATION_KINDS);
export type DelegationKind = z.infer<typeof DelegationKind>;

export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const TranslationStatus = z.enum(TRANSLATION_STATUSES);
export type TranslationStatus = z.infer<typeof TranslationStatus>;

export const Commodity = z.enum(COMMODITIES);
export type Commodity = z.infer<typeof Commodity>;

export const SupplyChainStage = z.enum(SUPPLY_CHAIN_STAGES);
export type SupplyChainStage = z.infer<typeof SupplyChainStage>;

export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const VoteChoice = z.enum(VOTE_CHOICES);
export type VoteChoice = z.infer<typeof VoteChoice>;

export const DecisionOutcome = z.enum(DECISION_OUTCOMES);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

export const MilestoneStatus = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;
