"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { DelegationOption, OrganisationOption } from "../affiliation";

export interface AffiliationOptions {
  delegations: DelegationOption[];
  organisations: OrganisationOption[];
  /** Still loading either list. */
  pending: boolean;
}

/** The delegations and organisations a user may belong to. */
export function useAffiliationOptions(): AffiliationOptions {
  const trpc = useTRPC();
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  const organisations = useQuery(trpc.delegation.organisations.queryOptions());
  return {
    delegations: delegations.data ?? [],
    organisations: organisations.data ?? [],
    pending: delegations.isPending || organisations.isPending,
  };
}
