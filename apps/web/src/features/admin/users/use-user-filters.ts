"use client";

import type { Role } from "@lodestone/domain/vocabulary";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { filtersFromParams, filtersToQuery, type StatusFilter, type UserFilters } from "./user-filters";

const SEARCH_DELAY_MS = 300;

export interface UserFilterState {
  /** The filters as the address has them (what the list shows). */
  filters: UserFilters;
  /** What the search box holds; it reaches the address once typing pauses. */
  search: string;
  setSearch: (search: string) => void;
  setRole: (role: Role | null) => void;
  setStatus: (status: StatusFilter) => void;
}

/** The user list's filters, kept in the address (?q=…&role=…&status=…). */
export function useUserFilters(): UserFilterState {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query)), [query]);

  const [search, setSearch] = useState(filters.q);
  const [lastUrlQ, setLastUrlQ] = useState(filters.q);
  if (lastUrlQ !== filters.q) {
    // The address changed another way (back button): show its search.
    setLastUrlQ(filters.q);
    if (search.trim() !== filters.q) setSearch(filters.q);
  }

  const navigate = useCallback(
    (next: UserFilters) => {
      const search = filtersToQuery(next);
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  useEffect(() => {
    const q = search.trim();
    if (q === filters.q) return;
    const timer = setTimeout(() => navigate({ ...filters, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters, navigate]);

  return {
    filters,
    search,
    setSearch,
    setRole: (role) => navigate({ ...filters, q: search.trim(), role }),
    setStatus: (status) => navigate({ ...filters, q: search.trim(), status }),
  };
}
