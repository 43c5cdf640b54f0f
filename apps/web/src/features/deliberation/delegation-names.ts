"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useTRPC } from "@/trpc/react";

/** "United States (US)" for a delegation code, in the reader's language; the code alone until the names load. */
export function useDelegationName(): (code: string) => string {
  const trpc = useTRPC();
  const locale = useLocale();
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  return (code) => {
    const d = delegations.data?.find((x) => x.code === code);
    if (!d) return code;
    return `${locale === "ja" ? d.nameJa : d.nameEn} (${code})`;
  };
}
