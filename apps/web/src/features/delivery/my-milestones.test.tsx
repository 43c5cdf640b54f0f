import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { MyMilestonesView } from "./my-milestones";
import type { MyMilestone } from "./types";

const item = (over: Partial<MyMilestone> & Pick<MyMilestone, "id" | "dueDate">): MyMilestone => ({
  projectId: "p1",
  project: { reference: "LD-0003", title: { en: "Separation plant", ja: "分離プラント" } },
  title: { en: `Milestone ${over.id}`, ja: `マイルストーン${over.id}` },
  referenceTimeZone: "Asia/Tokyo",
  status: "IN_PROGRESS",
  progress: 30,
  version: 1,
  overdue: false,
  ...over,
});

const props = {
  status: "success" as const,
  error: null,
  onRetry: vi.fn(),
  hasNextPage: false,
  isFetchingNextPage: false,
  onLoadMore: vi.fn(),
  now: new Date("2026-11-24T03:00:00Z"),
};

describe("MyMilestonesView", () => {
  it("lists in the order given (due soonest first), overdue highlighted, with the reference zone", () => {
    const { container } = renderWithProviders(
      <MyMilestonesView
        {...props}
        items={[
          item({ id: "late", dueDate: "2026-11-20", overdue: true }),
          item({ id: "soon", dueDate: "2026-11-27", referenceTimeZone: "Australia/Perth" }),
        ]}
      />,
    );
    const cards = [...container.querySelectorAll("li")];
    expect(cards.map((c) => c.querySelector("h2")?.textContent)).toEqual([
      "Milestone late",
      "Milestone soon",
    ]);
    expect(cards.map((c) => c.hasAttribute("data-overdue"))).toEqual([true, false]);
    expect(cards[0]!.textContent).toContain("Overdue");
    expect(cards[0]!.textContent).toContain("Due Nov 20, 2026 (Asia/Tokyo) · 4 days late");
    expect(cards[1]!.textContent).toContain("Due Nov 27, 2026 (Australia/Perth) · 3 days left");
    expect(screen.getByText("2 open milestones; 1 overdue.")).toBeTruthy();
    expect(screen.getAllByRole("link", { name: "Separation plant" })[0]!.getAttribute("href")).toBe(
      "/projects/p1/delivery",
    );
  });

  it("says when nothing is assigned, and offers a retry when loading failed", () => {
    const { unmount } = renderWithProviders(<MyMilestonesView {...props} items={[]} />);
    expect(screen.getByText("Nothing is assigned to you or your organisation right now.")).toBeTruthy();
    unmount();
    renderWithProviders(
      <MyMilestonesView {...props} status="error" items={[]} error={{ message: "down", code: null }} />,
    );
    screen.getByRole("button", { name: "Try again" }).click();
    expect(props.onRetry).toHaveBeenCalled();
  });
});
