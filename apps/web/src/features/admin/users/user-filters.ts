import { ROLES, type Role } from "@lodestone/domain/vocabulary";

export type StatusFilter = "all" | "active";

export interface UserFilters {
  q: string;
  role: Role | null;
  status: StatusFilter;
}

type ParamsLike = { get(name: string): string | null };

/** The list's filters as they stand in the address (?q=…&role=…&status=…). */
export function filtersFromParams(params: ParamsLike): UserFilters {
  const role = params.get("role");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 120),
    role: role && (ROLES as readonly string[]).includes(role) ? (role as Role) : null,
    status: params.get("status") === "active" ? "active" : "all",
  };
}

/** The query string for `filters` (empty values left out), without the leading "?". */
export function filtersToQuery(filters: UserFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.role) params.set("role", filters.role);
  if (filters.status !== "all") params.set("status", filters.status);
  return params.toString();
}
