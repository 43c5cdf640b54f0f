import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { DiffText } from "./revision-history";
import { wordDiff } from "./text-diff";

describe("DiffText", () => {
  it("marks English insertions and deletions with ins/del and screen-reader text", () => {
    const { container } = renderWithProviders(
      <DiffText parts={wordDiff("A pilot plant.", "A commercial plant.", "en")} lang="en" />,
    );
    expect(container.querySelector("del")?.textContent).toBe("[deleted: pilot]");
    expect(container.querySelector("ins")?.textContent).toBe("[inserted: commercial]");
    expect(container.querySelector("p")?.getAttribute("lang")).toBe("en");
  });

  it("marks Japanese changes by word, in Japanese", () => {
    const { container } = renderWithProviders(
      <DiffText parts={wordDiff("パイロット分離プラント", "商業分離プラント", "ja")} lang="ja" />,
      { locale: "ja" },
    );
    expect(container.querySelector("del")?.textContent).toContain("パイロット");
    expect(container.querySelector("ins")?.textContent).toContain("商業");
    expect(screen.getByText(/［追加：/)).toBeTruthy();
    expect(container.textContent).toContain("分離プラント");
  });
});
