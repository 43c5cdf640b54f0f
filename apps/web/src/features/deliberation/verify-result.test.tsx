import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { VerifyResultView } from "./verify-result";

describe("VerifyResultView", () => {
  it("says nothing before the check", () => {
    renderWithProviders(<VerifyResultView state={{ status: "idle" }} />);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("says verified when nothing disagrees", () => {
    renderWithProviders(
      <VerifyResultView state={{ status: "done", result: { verified: true, problems: [] } }} />,
    );
    expect(screen.getByRole("status").textContent).toBe(
      "Verified: the record agrees with the stored votes and the revision's content.",
    );
  });

  it("lists exactly what disagrees", () => {
    const problems = [
      "US: the record states approve = 2; the stored votes give 1.",
      "The revision's content hashes to abc, but the record states def.",
    ];
    renderWithProviders(
      <VerifyResultView state={{ status: "done", result: { verified: false, problems } }} />,
    );
    expect(screen.getByText("Not verified: 2 things disagree.")).toBeTruthy();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(problems);
    expect(screen.queryByText(/^Verified/)).toBeNull();
  });

  it("says when the check itself failed, in Japanese too", () => {
    renderWithProviders(<VerifyResultView state={{ status: "failed", message: "Service unavailable" }} />, {
      locale: "ja",
    });
    expect(screen.getByRole("status").textContent).toBe("記録を確認できませんでした。Service unavailable");
  });
});
