import { ListProjectsInput } from "@lodestone/domain/project-list";
import { describe, expect, it } from "vitest";
import {
  EMPTY_PROJECT_FILTERS,
  hasProjectFilters,
  projectFiltersFromParams,
  projectFiltersToInput,
  projectFiltersToQuery,
} from "./project-filters";

describe("project filters and the address", () => {
  it("reads every filter from the query string", () => {
    const params = new URLSearchParams(
      "q=%E5%88%86%E9%9B%A2&status=IN_REVIEW&status=APPROVED&commodity=DY&stage=SEPARATION&country=au&sponsor=JP",
    );
    expect(projectFiltersFromParams(params)).toEqual({
      q: "分離",
      status: ["IN_REVIEW", "APPROVED"],
      commodity: "DY",
      stage: "SEPARATION",
      country: "AU",
      sponsor: "JP",
      sort: "updated",
    });
  });

  it("ignores unknown or malformed values", () => {
    const params = new URLSearchParams(
      "status=NOPE&commodity=GOLD&stage=x&country=AUS&sponsor=j1&sort=title",
    );
    expect(projectFiltersFromParams(params)).toEqual(EMPTY_PROJECT_FILTERS);
    expect(hasProjectFilters(projectFiltersFromParams(params))).toBe(false);
  });

  it("round-trips through the query string", () => {
    const filters = {
      q: "レアアース",
      status: ["SUBMITTED" as const, "CHANGES_REQUESTED" as const],
      commodity: "NDPR" as const,
      stage: null,
      country: "IN",
      sponsor: "",
      sort: "updated" as const,
    };
    const query = projectFiltersToQuery(filters);
    expect(query).toBe(
      "q=%E3%83%AC%E3%82%A2%E3%82%A2%E3%83%BC%E3%82%B9&status=SUBMITTED&status=CHANGES_REQUESTED&commodity=NDPR&country=IN",
    );
    expect(projectFiltersFromParams(new URLSearchParams(query))).toEqual(filters);
    expect(projectFiltersToQuery(EMPTY_PROJECT_FILTERS)).toBe("");
  });

  it("maps to a valid project.list input", () => {
    const input = projectFiltersToInput(
      { ...EMPTY_PROJECT_FILTERS, q: "分離", status: ["IN_REVIEW"], country: "AU", sponsor: "US" },
      20,
    );
    expect(input).toEqual({ limit: 20, q: "分離", status: ["IN_REVIEW"], siteCountry: "AU", sponsor: "US" });
    expect(ListProjectsInput.safeParse(input).success).toBe(true);
    expect(projectFiltersToInput(EMPTY_PROJECT_FILTERS, 20)).toEqual({ limit: 20 });
  });

  it("keeps a chosen order in the address and the query, but not as a filter", () => {
    const sorted = { ...EMPTY_PROJECT_FILTERS, sort: "capex" as const };
    expect(projectFiltersToQuery(sorted)).toBe("sort=capex");
    expect(projectFiltersFromParams(new URLSearchParams("sort=capex"))).toEqual(sorted);
    expect(hasProjectFilters(sorted)).toBe(false);
    const input = projectFiltersToInput(sorted, 20);
    expect(input).toEqual({ limit: 20, sort: "capex" });
    expect(ListProjectsInput.safeParse(input).success).toBe(true);
  });
});
