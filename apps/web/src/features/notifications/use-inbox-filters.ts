"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersFromParams, filtersToQuery, type InboxFilters } from "./inbox-filters";

/** The inbox's view and filters, kept in the address. */
export function useInboxFilters(): {
  filters: InboxFilters;
  setFilters: (next: InboxFilters) => void;
  hrefFor: (next: InboxFilters) => string;
} {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query)), [query]);
  const hrefFor = useCallback(
    (next: InboxFilters) => {
      const search = filtersToQuery(next);
      return search ? `${pathname}?${search}` : pathname;
    },
    [pathname],
  );
  const setFilters = useCallback(
    (next: InboxFilters) => router.replace(hrefFor(next), { scroll: false }),
    [router, hrefFor],
  );
  return { filters, setFilters, hrefFor };
}
