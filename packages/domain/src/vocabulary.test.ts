import { describe, expect, it } from "vitest";
import * as enums from "./enums.js";
import { ProjectSort } from "./project-list.js";
import * as vocabulary from "./vocabulary.js";

describe("vocabulary", () => {
  it("is what the schemas accept, list by list", () => {
    const pairs = [
      [enums.Role, vocabulary.ROLES],
      [enums.Locale, vocabulary.LOCALES],
      [enums.DelegationKind, vocabulary.DELEGATION_KINDS],
      [enums.OrganisationKind, vocabulary.ORGANISATION_KINDS],
      [enums.ProjectStatus, vocabulary.PROJECT_STATUSES],
      [enums.TranslationStatus, vocabulary.TRANSLATION_STATUSES],
      [enums.Commodity, vocabulary.COMMODITIES],
      [enums.SupplyChainStage, vocabulary.SUPPLY_CHAIN_STAGES],
      [enums.RoundStatus, vocabulary.ROUND_STATUSES],
      [enums.VoteChoice, vocabulary.VOTE_CHOICES],
      [enums.DecisionOutcome, vocabulary.DECISION_OUTCOMES],
      [enums.Stance, vocabulary.STANCES],
      [enums.MilestoneStatus, vocabulary.MILESTONE_STATUSES],
      [ProjectSort, vocabulary.PROJECT_SORTS],
    ] as const;
    for (const [schema, list] of pairs) expect(schema.options).toEqual([...list]);
  });

  it("is exported unchanged beside the schemas", () => {
    expect(enums.PROJECT_STATUSES).toBe(vocabulary.PROJECT_STATUSES);
    expect(enums.STANCES).toBe(vocabulary.STANCES);
  });
});
