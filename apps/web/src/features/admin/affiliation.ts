import type { Role } from "@lodestone/domain/enums";
import { checkAffiliation } from "@lodestone/domain/user";
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
 * The domain's affiliation rule (`checkAffiliation`) as a refinement of a form's schema:
 * delegates belong to a delegation, partners to an organisation, others to neither. A refusal is
 * shown on the field the role asks for.
 */
export const affiliationIssues = domainRule<Affiliated>(
  (value) => checkAffiliation(value.role, value.delegation, value.organisationId),
  {
    "A delegate must belong to a delegation.": { path: "delegation", key: "delegationRequired" },
    "A partner must belong to an organisation.": { path: "organisationId", key: "organisationRequired" },
  },
  { path: "role", key: "affiliationInvalid" },
);

/** A delegation's name in the reader's language. */
export function delegationName(option: DelegationOption | undefined, locale: string): string | null {
  if (!option) return null;
  return locale === "ja" ? option.nameJa : option.nameEn;
}
