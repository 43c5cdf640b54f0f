import {
  COMMODITIES,
  PROJECT_STATUSES,
  SUPPLY_CHAIN_STAGES,
  type Commodity,
  type ProjectStatus,
  PROJECT_SORTS,
  type ProjectSort,
  type SupplyChainStage,
} from "@lodestone/domain/vocabulary";
import type { ListProjectsInput } from "@lodestone/domain/project-list";

/** How many projects a page of the list holds. */
export const PROJECT_PAGE_SIZE = 20;

export interface ProjectFilters {
  q: string;
  status: ProjectStatus[];
  commodity: Commodity | null;
  stage: SupplyChainStage | null;
  country: string;
  sponsor: string;
  /** The order of the list; "updated" (newest change first) is the default and stays out of the address. */
  sort: ProjectSort;
}

export const EMPTY_PROJECT_FILTERS: ProjectFilters = {
  q: "",
  status: [],
  commodity: null,
  stage: null,
  country: "",
  sponsor: "",
  sort: "updated",
};

type ParamsLike = { get(name: string): string | null; getAll(name: string): string[] };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The list's filters as they stand in the address (?q=…&status=…&status=…&commodity=…). */
export function projectFiltersFromParams(params: ParamsLike): ProjectFilters {
  const statuses = params
    .getAll("status")
    .flatMap((s) => s.split(","))
    .filter((s): s is ProjectStatus => (PROJECT_STATUSES as readonly string[]).includes(s));
  const country = (params.get("country") ?? "").trim().toUpperCase();
  const sponsor = (params.get("sponsor") ?? "").trim().toUpperCase();
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    status: PROJECT_STATUSES.filter((s) => statuses.includes(s)),
    commodity: oneOf(COMMODITIES, params.get("commodity")),
    stage: oneOf(SUPPLY_CHAIN_STAGES, params.get("stage")),
    country: /^[A-Z]{2}$/.test(country) ? country : "",
    sponsor: /^[A-Z]{2,8}$/.test(sponsor) ? sponsor : "",
    sort: oneOf(PROJECT_SORTS, params.get("sort")) ?? "updated",
  };
}

/** The query string for `filters` (empty values left out), without the leading "?". */
export function projectFiltersToQuery(filters: ProjectFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const status of PROJECT_STATUSES) {
    if (filters.status.includes(status)) params.append("status", status);
  }
  if (filters.commodity) params.set("commodity", filters.commodity);
  if (filters.stage) params.set("stage", filters.stage);
  if (filters.country) params.set("country", filters.country);
  if (filters.sponsor) params.set("sponsor", filters.sponsor);
  if (filters.sort !== "updated") params.set("sort", filters.sort);
  return params.toString();
}

/** Whether any search or filter narrows the list (the order alone does not). */
export function hasProjectFilters(filters: ProjectFilters): boolean {
  return projectFiltersToQuery({ ...filters, sort: "updated" }) !== "";
}

/** The `project.list` input for `filters` (only the filters that are set). */
export function projectFiltersToInput(filters: ProjectFilters, limit: number): ListProjectsInput {
  return {
    limit,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.commodity ? { commodity: filters.commodity } : {}),
    ...(filters.stage ? { stage: filters.stage } : {}),
    ...(filters.country ? { siteCountry: filters.country } : {}),
    ...(filters.sponsor ? { sponsor: filters.sponsor } : {}),
    ...(filters.sort !== "updated" ? { sort: filters.sort } : {}),
  };
}
