import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { CommentStatsView } from "./comment-stats";

describe("CommentStatsView", () => {
  it("shows the count and every stance, zeros included", () => {
    renderWithProviders(
      <CommentStatsView stats={{ total: 5, byStance: { SUPPORT: 2, OPPOSE: 1, NEUTRAL: 0, QUESTION: 1 } }} />,
    );
    expect(screen.getByText("5 comments")).toBeTruthy();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Support: 2",
      "Oppose: 1",
      "Neutral: 0",
      "Question: 1",
    ]);
  });

  it("reads naturally for one comment and in Japanese", () => {
    const { unmount } = renderWithProviders(
      <CommentStatsView stats={{ total: 1, byStance: { SUPPORT: 0, OPPOSE: 0, NEUTRAL: 0, QUESTION: 1 } }} />,
    );
    expect(screen.getByText("1 comment")).toBeTruthy();
    unmount();
    renderWithProviders(
      <CommentStatsView stats={{ total: 3, byStance: { SUPPORT: 3, OPPOSE: 0, NEUTRAL: 0, QUESTION: 0 } }} />,
      { locale: "ja" },
    );
    expect(screen.getByText("コメント 3件")).toBeTruthy();
    expect(screen.getByText("賛成：3")).toBeTruthy();
  });
});
