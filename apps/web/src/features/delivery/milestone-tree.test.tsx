import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { MilestoneTree, type MilestoneActions } from "./milestone-tree";
import type { MilestoneView } from "./types";

function milestone(over: Partial<MilestoneView> & Pick<MilestoneView, "id">): MilestoneView {
  return {
    parentId: null,
    title: { en: `Milestone ${over.id}`, ja: `マイルストーン${over.id}` },
    dueDate: "2027-03-31",
    weight: null,
    status: "PLANNED",
    progress: 0,
    overdue: false,
    dueToday: false,
    version: 1,
    assignee: null,
    canReport: false,
    children: [],
    ...over,
  };
}

const TREE: MilestoneView[] = [
  milestone({
    id: "plant",
    title: { en: "Plant", ja: "プラント" },
    weight: 3,
    progress: 25,
    status: "IN_PROGRESS",
    assignee: { kind: "organisation", id: "o1", name: "Quandong Minerals" },
    children: [
      milestone({
        id: "civil",
        parentId: "plant",
        title: { en: "Civil works", ja: "土木工事" },
        progress: 50,
        status: "IN_PROGRESS",
        dueDate: "2026-10-31",
        overdue: true,
        canReport: true,
      }),
      milestone({
        id: "equipment",
        parentId: "plant",
        title: { en: "Equipment", ja: "設備" },
        status: "DONE",
        progress: 100,
      }),
      milestone({
        id: "survey",
        parentId: "plant",
        title: { en: "Survey", ja: "調査" },
        status: "IN_PROGRESS",
        progress: 10,
        dueToday: true,
        canReport: true,
      }),
    ],
  }),
];

function actions(canPlan: boolean): MilestoneActions {
  return { canPlan, onReport: vi.fn(), onReplan: vi.fn(), onAddChild: vi.fn() };
}

describe("MilestoneTree", () => {
  it("nests children under their parent, each with its rolled-up progress", () => {
    renderWithProviders(<MilestoneTree milestones={TREE} actions={actions(false)} />);
    const children = screen.getByRole("list", { name: "Parts of Plant" });
    expect(
      within(children)
        .getAllByRole("heading")
        .map((h) => h.textContent),
    ).toEqual(["Civil works", "Equipment", "Survey"]);
    expect(screen.getByRole("progressbar", { name: "Progress of Plant" }).getAttribute("aria-valuenow")).toBe(
      "25",
    );
    expect(
      screen.getByRole("progressbar", { name: "Progress of Civil works" }).getAttribute("aria-valuenow"),
    ).toBe("50");
    expect(screen.getByText("Quandong Minerals (organisation)")).toBeTruthy();
    // Due dates are calendar days, shown as stored whatever the reader's zone.
    expect(screen.getByText("Oct 31, 2026")).toBeTruthy();
  });

  it("highlights overdue milestones, and only them", () => {
    const { container } = renderWithProviders(<MilestoneTree milestones={TREE} actions={actions(false)} />, {
      timeZone: "America/Los_Angeles",
    });
    const overdue = [...container.querySelectorAll("li[data-overdue]")].map((li) =>
      li.getAttribute("data-milestone"),
    );
    expect(overdue).toEqual(["civil"]);
    const civil = container.querySelector('li[data-milestone="civil"]') as HTMLElement;
    expect(within(civil).getAllByText("Overdue").length).toBe(1);
    const plant = container.querySelector('li[data-milestone="plant"] > div') as HTMLElement;
    expect(within(plant).queryByText("Overdue")).toBeNull();
  });

  it("marks a milestone due today (in the project's zone, as the API judged it), in both languages", () => {
    const { container, unmount } = renderWithProviders(
      <MilestoneTree milestones={TREE} actions={actions(false)} />,
    );
    const dueToday = [...container.querySelectorAll("li[data-due-today]")].map((li) =>
      li.getAttribute("data-milestone"),
    );
    expect(dueToday).toEqual(["survey"]);
    const survey = container.querySelector('li[data-milestone="survey"]') as HTMLElement;
    expect(within(survey).getByText("Due today")).toBeTruthy();
    expect(
      within(container.querySelector('li[data-milestone="civil"]') as HTMLElement).queryByText("Due today"),
    ).toBeNull();
    unmount();
    renderWithProviders(<MilestoneTree milestones={TREE} actions={actions(false)} />, { locale: "ja" });
    expect(screen.getByText("本日期限")).toBeTruthy();
  });

  it("says a parent's progress is rolled up from its sub-milestones, and offers no report on it", () => {
    const { container } = renderWithProviders(<MilestoneTree milestones={TREE} actions={actions(false)} />);
    const plant = container.querySelector('li[data-milestone="plant"] > div') as HTMLElement;
    expect(
      within(plant).getByText("Rolled up from its sub-milestones, where progress is reported."),
    ).toBeTruthy();
    expect(within(plant).queryByRole("button", { name: /Report progress/ })).toBeNull();
    const civil = container.querySelector('li[data-milestone="civil"] > div') as HTMLElement;
    expect(within(civil).queryByText(/Rolled up/)).toBeNull();
  });

  it("offers Report only where the API allows, and planning only to coordinators on open milestones", async () => {
    const reader = actions(false);
    const { unmount } = renderWithProviders(<MilestoneTree milestones={TREE} actions={reader} />);
    const labels = screen.getAllByRole("button").map((b) => b.getAttribute("aria-label"));
    expect(labels.filter((label) => !label?.startsWith("Notifications: "))).toEqual([
      "Report progress: Civil works",
      "Report progress: Survey",
    ]);
    // Everyone may follow or mute each milestone.
    expect(labels.filter((label) => label?.startsWith("Notifications: "))).toEqual([
      "Notifications: Plant",
      "Notifications: Civil works",
      "Notifications: Equipment",
      "Notifications: Survey",
    ]);
    await userEvent.setup().click(screen.getByRole("button", { name: "Report progress: Civil works" }));
    expect(reader.onReport).toHaveBeenCalledWith(expect.objectContaining({ id: "civil" }));
    unmount();

    renderWithProviders(<MilestoneTree milestones={TREE} actions={actions(true)} />);
    expect(screen.getByRole("button", { name: "Re-plan: Plant" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Re-plan: Civil works" })).toBeTruthy();
    // Done milestones are not re-planned.
    expect(screen.queryByRole("button", { name: "Re-plan: Equipment" })).toBeNull();
  });

  it("shows Japanese titles to a Japanese reader", () => {
    renderWithProviders(<MilestoneTree milestones={TREE} actions={actions(false)} />, { locale: "ja" });
    expect(screen.getByRole("heading", { name: "土木工事" }).getAttribute("lang")).toBe("ja");
    expect(screen.getByRole("progressbar", { name: "プラントの進捗" })).toBeTruthy();
  });
});
