import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { DashboardView, type Pipeline } from "./dashboard-view";

// The chart itself (Recharts, loaded in the browser only) is not what is tested here.
vi.mock("next/dynamic", () => ({ default: () => () => null }));
vi.mock("@/trpc/react", () => ({ useTRPCClient: () => ({}) }));

const PIPELINE: Pipeline = {
  byStatus: [
    { key: "APPROVED", count: 4 },
    { key: "IN_DELIVERY", count: 3 },
    { key: "SUBMITTED", count: 6 },
  ],
  byCommodity: [
    { key: "DY", count: 2 },
    { key: "NDPR", count: 11 },
  ],
  byStage: [{ key: "SEPARATION", count: 13 }],
  bySiteCountry: [
    { key: "AU", count: 9 },
    { key: "JP", count: 4 },
  ],
  approved: { projects: 7, capexUsd: 2_450_000_000, capacityTpy: 12_500 },
  milestones: { overdue: 2, dueThisMonth: 5 },
};

function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole("row")
    .map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent));
}

describe("DashboardView", () => {
  it("puts a table with the numbers behind each chart, largest first, with a total", () => {
    renderWithProviders(<DashboardView pipeline={PIPELINE} />);
    expect(
      rowsOf(screen.getByRole("table", { name: "Projects by status: numbers behind the chart" })),
    ).toEqual([
      ["Status", "Projects"],
      ["Submitted", "6"],
      ["Approved", "4"],
      ["In delivery", "3"],
      ["Total", "13"],
    ]);
    expect(rowsOf(screen.getByRole("table", { name: /by commodity/ }))[1]).toEqual([
      "NdPr (neodymium–praseodymium)",
      "11",
    ]);
    expect(rowsOf(screen.getByRole("table", { name: /by site country/ })).slice(1, 3)).toEqual([
      ["Australia", "9"],
      ["Japan", "4"],
    ]);
  });

  it("shows approved totals and milestone deadlines, overdue highlighted", () => {
    const { container } = renderWithProviders(<DashboardView pipeline={PIPELINE} />);
    const figure = (key: string) => container.querySelector(`[data-figure="${key}"]`) as HTMLElement;
    expect(figure("approvedProjects").textContent).toContain("7");
    expect(figure("capex").textContent).toContain("$2.5B");
    expect(figure("capacity").textContent).toContain("12,500 t/yr");
    expect(figure("overdue").className).toContain("border-red-600");
    expect(figure("dueThisMonth").className).not.toContain("border-red-600");
  });

  it("reads in Japanese", () => {
    renderWithProviders(<DashboardView pipeline={PIPELINE} />, { locale: "ja" });
    const table = screen.getByRole("table", { name: "所在国別のプロジェクト：グラフの数値" });
    expect(rowsOf(table)[1]).toEqual(["オーストラリア", "9"]);
  });
});
