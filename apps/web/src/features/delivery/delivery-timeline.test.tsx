import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { DeliveryTimeline, timelineRange, timelineRows } from "./delivery-timeline";
import type { MilestoneView, Replan } from "./types";

const base: Omit<MilestoneView, "id" | "title" | "dueDate" | "status" | "overdue"> = {
  dueToday: false,
  parentId: null,
  weight: null,
  progress: 0,
  version: 1,
  assignee: null,
  canReport: false,
  children: [],
};

const MILESTONES: MilestoneView[] = [
  {
    ...base,
    id: "a",
    title: { en: "Permits", ja: "許認可" },
    dueDate: "2026-10-31",
    status: "IN_PROGRESS",
    overdue: true,
  },
  {
    ...base,
    id: "b",
    title: { en: "Commissioning", ja: "試運転" },
    dueDate: "2027-09-30",
    status: "PLANNED",
    overdue: false,
  },
];
const REPLANS: Replan[] = [
  {
    milestoneId: "b",
    oldDueDate: "2027-03-31",
    newDueDate: "2027-06-30",
    reason: "Kiln",
    createdAt: "2026-11-01T00:00:00.000Z",
    by: { id: "u", name: "Coordinator" },
  },
  {
    milestoneId: "b",
    oldDueDate: "2027-06-30",
    newDueDate: "2027-09-30",
    reason: "Kiln again",
    createdAt: "2026-11-10T00:00:00.000Z",
    by: { id: "u", name: "Coordinator" },
  },
];

describe("DeliveryTimeline", () => {
  it("keeps every earlier date of a re-planned milestone, oldest first", () => {
    const rows = timelineRows(MILESTONES, REPLANS);
    expect(rows.map((r) => [r.milestone.id, r.previousDates])).toEqual([
      ["a", []],
      ["b", ["2027-03-31", "2027-06-30"]],
    ]);
    expect(timelineRange(rows, "2026-11-24")).toEqual({ start: "2026-10-17", end: "2027-10-14" });
  });

  it("is an image with a text description, and the same data as a table", () => {
    renderWithProviders(
      <DeliveryTimeline
        milestones={MILESTONES}
        replans={REPLANS}
        today="2026-11-24"
        timeZone="Australia/Perth"
      />,
    );
    const chart = screen.getByRole("img", { name: /Milestone due dates/ });
    expect(chart.tagName.toLowerCase()).toBe("svg");
    expect(screen.getByText(/2 milestones, 1 overdue; today is Nov 24, 2026/)).toBeTruthy();
    const table = screen.getByRole("table", { name: /Australia\/Perth/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent))).toEqual([
      ["Permits", "Oct 31, 2026", "In progress · overdue", "None"],
      ["Commissioning", "Sep 30, 2027", "Planned", "Mar 31, 2027, Jun 30, 2027"],
    ]);
    expect(rows[0]!.getAttribute("data-overdue")).toBe("true");
    // Hidden visually until asked for, but always there for screen readers.
    const button = screen.getByRole("button", { name: "Show as a table" });
    expect(table.parentElement!.className).toContain("sr-only");
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(table.parentElement!.className).not.toContain("sr-only");
  });
});
