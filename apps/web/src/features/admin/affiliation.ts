import type { Role } from "@lodestone/domain/enums";
import { affiliationProblems } from "@lodestone/domain/user";
import { domainRule } from "@/features/forms/domain-rule";

export interface DelegationOption {
  code: string;
  nameEn: string;
  nameJa: string;
}

export interface OrganisationOption {
  id: string;
  name: string;
  countryCode: string;
}

interface Affiliated {
  role: Role;
  delegation: string | null;
  organisationId: string | null;
}

/**
 * The domain's affiliation rule (`affiliationProblems`, which `checkAffiliation` refuses with) as a
 * refinement of a form's schema: delegates belong to a delegation, partners to an organisation,
 * others to neither. Each problem is shown on the field it names.
 */
export const affiliationIssues = domainRule(
  (value: Affiliated) => affiliationProblems(value.role, value.delegation, value.organisationId),
  {
    delegationRequired: "delegationRequired",
    organisationRequired: "organisationRequired",
    delegationNotAllowed: "affiliationInvalid",
    organisationNotAllowed: "affiliationInvalid",
  },
);

/**
 * The affiliation fields `role` may not hold (the domain's rule): emptied when a form's role
 * changes. Before a role is chosen, neither is held.
 */
export function affiliationNotHeldBy(role: Role | ""): ("delegation" | "organisationId")[] {
  if (role === "") return ["delegation", "organisationId"];
  return affiliationProblems(role, "held", "held")
    .filter((p) => p.reason === "delegationNotAllowed" || p.reason === "organisationNotAllowed")
    .map((p) => p.field);
}

/** A delegation's name in the reader's language. */
export function delegationName(option: DelegationOption | undefined, locale: string): string | null {
  if (!option) return null;
  return locale === "ja" ? option.nameJa : option.nameEn;
}
