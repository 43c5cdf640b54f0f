import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ProjectFilterForm } from "./project-filter-form";
import { EMPTY_PROJECT_FILTERS } from "./project-filters";

const DELEGATIONS = [
  { id: "1", code: "JP", nameEn: "Japan", nameJa: "日本", kind: "FOUNDING" as const, userCount: 3 },
];

describe("ProjectFilterForm", () => {
  it("has labelled controls and reports each change", () => {
    const onChange = vi.fn();
    renderWithProviders(
      <ProjectFilterForm filters={EMPTY_PROJECT_FILTERS} delegations={DELEGATIONS} onChange={onChange} />,
    );
    expect(screen.getByRole("search", { name: "Search and filter projects" })).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "Search" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();

    fireEvent.click(screen.getByRole("checkbox", { name: "In review" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_PROJECT_FILTERS, status: ["IN_REVIEW"] });
    fireEvent.change(screen.getByRole("combobox", { name: "Sponsoring delegation" }), {
      target: { value: "JP" },
    });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_PROJECT_FILTERS, sponsor: "JP" });
    fireEvent.change(screen.getByRole("combobox", { name: "Sort by" }), { target: { value: "capacity" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_PROJECT_FILTERS, sort: "capacity" });
  });

  it("clears every filter but keeps the order, with Japanese labels", () => {
    const onChange = vi.fn();
    renderWithProviders(
      <ProjectFilterForm
        filters={{ ...EMPTY_PROJECT_FILTERS, q: "分離", stage: "SEPARATION", sort: "reference" }}
        delegations={DELEGATIONS}
        onChange={onChange}
      />,
      { locale: "ja" },
    );
    expect((screen.getByRole("searchbox", { name: "検索" }) as HTMLInputElement).value).toBe("分離");
    expect(screen.getByRole("option", { name: "日本 (JP)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "絞り込みを解除" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_PROJECT_FILTERS, sort: "reference" });
  });
});
