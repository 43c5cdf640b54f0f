"use client";

import type { Role } from "@lodestone/domain/enums";
import { useEffect, useRef } from "react";
import { useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
import { affiliationNotHeldBy } from "../affiliation";

/** The fields of a form that chooses a role and the affiliation it needs. */
export interface RoleAffiliationValues {
  role: Role | "";
  delegation: string | null;
  organisationId: string | null;
}

/**
 * The role chosen in a role-and-affiliation form. When it changes, the affiliation the new role
 * does not hold is emptied (a delegation only for delegates, an organisation only for partners),
 * and what was said about either affiliation field is cleared.
 */
export function useRoleAffiliation<V extends RoleAffiliationValues & FieldValues, C, O extends FieldValues>(
  form: UseFormReturn<V, C, O>,
): Role | "" {
  // Only the three fields are read and written here, whatever else the form holds.
  const { control, setValue, clearErrors } = form as unknown as UseFormReturn<RoleAffiliationValues>;
  const role = useWatch({ control, name: "role" });
  const previousRole = useRef(role);
  useEffect(() => {
    if (previousRole.current === role) return;
    previousRole.current = role;
    for (const field of affiliationNotHeldBy(role)) setValue(field, null);
    clearErrors(["delegation", "organisationId"]);
  }, [role, setValue, clearErrors]);
  return role;
}
