import * as domain from "@lodestone/domain/enums";
import { describe, expect, it } from "vitest";
import * as db from "./generated/prisma/enums.js";

// The database enums and the domain vocabulary must be the same lists.
const pairs = [
  ["Role", db.Role, domain.ROLES],
  ["Locale", db.Locale, domain.LOCALES],
  ["DelegationKind", db.DelegationKind, domain.DELEGATION_KINDS],
  ["OrganisationKind", db.OrganisationKind, domain.ORGANISATION_KINDS],
  ["ProjectStatus", db.ProjectStatus, domain.PROJECT_STATUSES],
  ["TranslationStatus", db.TranslationStatus, domain.TRANSLATION_STATUSES],
  ["Commodity", db.Commodity, domain.COMMODITIES],
  ["SupplyChainStage", db.SupplyChainStage, domain.SUPPLY_CHAIN_STAGES],
  ["RoundStatus", db.RoundStatus, domain.ROUND_STATUSES],
  ["VoteChoice", db.VoteChoice, domain.VOTE_CHOICES],
  ["DecisionOutcome", db.DecisionOutcome, domain.DECISION_OUTCOMES],
  ["Stance", db.Stance, domain.STANCES],
  ["MilestoneStatus", db.MilestoneStatus, domain.MILESTONE_STATUSES],
] as const;

describe("database enums", () => {
  it.each(pairs)("%s matches the domain", (_name, dbEnum, domainValues) => {
    expect(Object.values(dbEnum)).toEqual([...domainValues]);
  });
});
