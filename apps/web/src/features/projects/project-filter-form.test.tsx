import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
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

  describe("typed text", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("goes to the address once typing pauses, with the filters as they are then", () => {
      vi.useFakeTimers();
      const first = vi.fn();
      const { rerender } = renderWithProviders(
        <ProjectFilterForm filters={EMPTY_PROJECT_FILTERS} delegations={DELEGATIONS} onChange={first} />,
      );
      fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: " lithium " } });
      act(() => vi.advanceTimersByTime(200));
      expect(first).not.toHaveBeenCalled();

      // A box ticked meanwhile (new filters, and a new callback from the page): the pause is not
      // restarted, and the typed text joins the filters as they are now.
      const ticked = { ...EMPTY_PROJECT_FILTERS, status: ["IN_REVIEW" as const] };
      const latest = vi.fn();
      rerender(<ProjectFilterForm filters={ticked} delegations={DELEGATIONS} onChange={latest} />);
      act(() => vi.advanceTimersByTime(100));
      expect(latest).toHaveBeenCalledTimes(1);
      expect(latest).toHaveBeenCalledWith({ ...ticked, q: "lithium" });
      expect(first).not.toHaveBeenCalled();
    });

    it("waits for a whole country code, and sends nothing when the address already says it", () => {
      vi.useFakeTimers();
      const onChange = vi.fn();
      renderWithProviders(
        <ProjectFilterForm
          filters={{ ...EMPTY_PROJECT_FILTERS, country: "AU" }}
          delegations={DELEGATIONS}
          onChange={onChange}
        />,
      );
      const country = screen.getByRole("textbox", { name: "Site country" });
      fireEvent.change(country, { target: { value: "j" } });
      act(() => vi.advanceTimersByTime(1_000));
      expect(onChange).not.toHaveBeenCalled();
      fireEvent.change(country, { target: { value: "au" } });
      act(() => vi.advanceTimersByTime(1_000));
      expect(onChange).not.toHaveBeenCalled();
      fireEvent.change(country, { target: { value: "jp" } });
      act(() => vi.advanceTimersByTime(1_000));
      expect(onChange).toHaveBeenCalledExactlyOnceWith({ ...EMPTY_PROJECT_FILTERS, country: "JP" });
    });
  });
});
