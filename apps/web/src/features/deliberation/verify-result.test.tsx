import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import type { VerifyProblem } from "@lodestone/domain/deliberation";
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

  const problems: VerifyProblem[] = [
    { kind: "figure", delegation: "US", figure: "approve", recorded: 2, recomputed: 1 },
    { kind: "figure", delegation: "JP", figure: "quorumMet", recorded: true, recomputed: null },
    { kind: "contentHash", computed: "abc", recorded: "def" },
    { kind: "approved", recorded: true, recomputed: false },
    { kind: "outcomeNotApproved", recorded: "REJECTED" },
  ];
  /** The problems as the page lists them, one string per item. */
  const listed = (locale: "en" | "ja") => {
    renderWithProviders(
      <VerifyResultView state={{ status: "done", result: { verified: false, problems } }} />,
      { locale },
    );
    return screen.getAllByRole("listitem").map((li) => li.textContent);
  };

  it("lists exactly what disagrees", () => {
    expect(listed("en")).toEqual([
      "US: approvals — the record states 2; the stored votes give 1.",
      "JP: quorum met — the record states yes; the stored votes give no result for this delegation.",
      "The revision's content hashes to abc, but the record states def.",
      "The record states that the votes approve the project; the stored votes do not.",
      "The stored votes approve the project, but the recorded outcome is Rejected.",
    ]);
    expect(screen.getByText("Not verified: 5 things disagree.")).toBeTruthy();
    expect(screen.queryByText(/^Verified/)).toBeNull();
  });

  it("lists what disagrees in Japanese on a Japanese page", () => {
    expect(listed("ja")).toEqual([
      "US：賛成の記録値は「2」、保存された投票からの値は「1」です。",
      "JP：定足数の充足の記録値は「はい」、保存された投票からの値は「この代表団の結果なし」です。",
      "版の内容のハッシュは abc ですが、記録には def とあります。",
      "記録では投票が案件を承認したとされていますが、保存された投票は承認していません。",
      "保存された投票は案件を承認していますが、記録された結果は「却下」です。",
    ]);
    expect(screen.getByText("検証できません：5件の不一致があります。")).toBeTruthy();
  });

  it("says when the check itself failed, in Japanese too", () => {
    renderWithProviders(<VerifyResultView state={{ status: "failed", message: "Service unavailable" }} />, {
      locale: "ja",
    });
    expect(screen.getByRole("status").textContent).toBe("記録を確認できませんでした。Service unavailable");
  });
});
