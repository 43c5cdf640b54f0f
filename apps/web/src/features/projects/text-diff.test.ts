import { describe, expect, it } from "vitest";
import { segmentJapanese, wordDiff } from "./text-diff";

describe("wordDiff", () => {
  it("marks English words added and removed", () => {
    const parts = wordDiff(
      "A pilot separation plant in Kalgoorlie.",
      "A commercial separation plant in Kalgoorlie.",
      "en",
    );
    expect(parts).toEqual([
      { kind: "same", text: "A " },
      { kind: "removed", text: "pilot" },
      { kind: "added", text: "commercial" },
      { kind: "same", text: " separation plant in Kalgoorlie." },
    ]);
  });

  it("splits Japanese into words before diffing", () => {
    expect(segmentJapanese("重希土類分離プラント").length).toBeGreaterThan(1);
    const parts = wordDiff("パイロット分離プラントを建設する。", "商業分離プラントを建設する。", "ja");
    const removed = parts
      .filter((p) => p.kind === "removed")
      .map((p) => p.text)
      .join("");
    const added = parts
      .filter((p) => p.kind === "added")
      .map((p) => p.text)
      .join("");
    expect(removed).toContain("パイロット");
    expect(added).toContain("商業");
    // The unchanged words are kept whole, not reported as changed.
    expect(
      parts
        .filter((p) => p.kind === "same")
        .map((p) => p.text)
        .join(""),
    ).toContain("分離プラントを建設する。");
    // Joining "same" + "added" gives the new text; "same" + "removed" the old one.
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("商業分離プラントを建設する。");
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("パイロット分離プラントを建設する。");
  });

  it("reports no changes for equal texts", () => {
    expect(wordDiff("同じ", "同じ", "ja")).toEqual([{ kind: "same", text: "同じ" }]);
    expect(wordDiff("", "", "en")).toEqual([]);
  });
});
