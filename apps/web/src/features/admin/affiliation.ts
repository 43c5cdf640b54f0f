import type { Role } from "@lodestone/domain/enums";
import type { z } from "zod";

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
 * The affiliation rule of the domain (`checkAffiliation`), as form issues on the right field:
 * delegates belong to a delegation, partners to an organisation, others to neither.
 */
export function affiliationIssues(value: Affiliated, ctx: z.RefinementCtx): void {
  if (value.role === "DELEGATE" && !value.delegation) {
    ctx.addIssue({
      code: "custom",
      path: ["delegation"],
      message: "A delegate must belong to a delegation.",
    });
  }
  if (value.role === "PARTNER" && !value.organisationId) {
    ctx.addIssue({
      code: "custom",
      path: ["organisationId"],
      message: "A partner must belong to an organisation.",
    });
  }
}

/** A delegation's name in the reader's language. */
export function delegationName(option: DelegationOption | undefined, locale: string): string | null {
  if (!option) return null;
  return locale === "ja" ? option.nameJa : option.nameEn;
}
