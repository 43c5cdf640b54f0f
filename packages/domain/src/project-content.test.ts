import { describe, expect, it } from "vitest";
import { projectSearchText } from "./project-content.js";

describe("projectSearchText", () => {
  it("lower-cases the reference and both languages into one searchable text", () => {
    const text = projectSearchText("LD-0042", {
      titleEn: "NdPr Separation",
      titleJa: "ネオジム分離",
      summaryEn: "S",
      summaryJa: "要約",
      bodyEn: "B",
      bodyJa: "本文",
    });
    expect(text).toContain("ld-0042");
    expect(text).toContain("ndpr separation");
    expect(text).toContain("ネオジム分離");
  });
});
