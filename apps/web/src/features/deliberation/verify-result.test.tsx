import { screen } from "@testing-library/react";
import { SEALED_FIELDS, type VerifyProblem } from "@lodestone/domain/decision-record";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { VerifyResultView, signatureBroken } from "./verify-result";

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

  describe("every kind of problem", () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    const HASH = "a".repeat(64);
    // One entry per kind (a missing kind is a type error), with every variant it has.
    const byKind: { [K in VerifyProblem["kind"]]: Extract<VerifyProblem, { kind: K }>[] } = {
      unsealed: [{ kind: "unsealed" }],
      recordHash: [{ kind: "recordHash", computed: HASH, recorded: "b".repeat(64) }],
      signature: [{ kind: "signature" }],
      signingKey: [{ kind: "signingKey", recorded: "SHA256:old", expected: "SHA256:new" }],
      malformed: [{ kind: "malformed", detail: "format: expected lodestone.decision-record.v1" }],
      contentHash: [{ kind: "contentHash", computed: "abc", recorded: "def" }],
      storedHash: [{ kind: "storedHash", stored: "abc", recorded: "def" }],
      field: SEALED_FIELDS.map((field) => ({ kind: "field" as const, field })),
      vote: (["missing", "extra", "choice", "reason", "delegation", "time"] as const).map((what) => ({
        kind: "vote" as const,
        voterId: "voter-1",
        what,
      })),
      elector: (["missing", "extra", "delegation"] as const).map((what) => ({
        kind: "elector" as const,
        voterId: "voter-2",
        what,
      })),
      voteOutsideElectorate: [{ kind: "voteOutsideElectorate", voterId: "voter-3" }],
      duplicateVote: [{ kind: "duplicateVote", voterId: "voter-4" }],
      invalidRule: [{ kind: "invalidRule" }],
      figure: [{ kind: "figure", delegation: "US", figure: "didNotVote", recorded: 1, recomputed: 0 }],
      approved: [
        { kind: "approved", recorded: true, recomputed: false },
        { kind: "approved", recorded: false, recomputed: true },
      ],
      outcomeNotApproved: [{ kind: "outcomeNotApproved", recorded: "CHANGES_REQUESTED" }],
      approvedWithoutVotes: [{ kind: "approvedWithoutVotes" }],
    };
    const all: VerifyProblem[] = Object.values(byKind).flat();

    it.each(["en", "ja"] as const)("words each one in %s, with no raw key or placeholder", (locale) => {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      renderWithProviders(
        <VerifyResultView state={{ status: "done", result: { verified: false, problems: all } }} />,
        { locale },
      );
      const items = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
      expect(items).toHaveLength(all.length);
      for (const text of items) {
        expect(text.trim()).not.toBe("");
        expect(text).not.toMatch(/decision\.verify|problem\.|field\.|what\.|[{}]/);
        if (locale === "ja") expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
      // Every item says something different.
      expect(new Set(items).size).toBe(items.length);
      expect(errors).not.toHaveBeenCalled();
    });

    it("names the vote, the elector and the sealed field", () => {
      renderWithProviders(
        <VerifyResultView
          state={{
            status: "done",
            result: {
              verified: false,
              problems: [
                { kind: "vote", voterId: "voter-1", what: "reason" },
                { kind: "elector", voterId: "voter-2", what: "missing" },
                { kind: "field", field: "voteHistory" },
                { kind: "signingKey", recorded: "SHA256:old", expected: "SHA256:new" },
              ],
            },
          }}
        />,
      );
      expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
        "Vote by voter-1: the reason differs from the sealed record.",
        "Electorate member voter-2: in the sealed electorate, but not in the stored one.",
        "Vote history: the stored data differs from the sealed record.",
        "The record was signed with the key SHA256:old, not with the expected key SHA256:new.",
      ]);
    });

    it("tells a broken seal from other disagreements", () => {
      const result = (problems: VerifyProblem[]) => ({ verified: problems.length === 0, problems });
      expect(signatureBroken(result([]))).toBe(false);
      expect(signatureBroken(result(byKind.field))).toBe(false);
      expect(signatureBroken(result(byKind.signature))).toBe(true);
      expect(signatureBroken(result(byKind.signingKey))).toBe(true);
      expect(signatureBroken(result(byKind.recordHash))).toBe(true);
    });
  });
});
