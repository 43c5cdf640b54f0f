import { describe, expect, it } from "vitest";
import { titleIn } from "./project-title";

describe("titleIn", () => {
  const both = { titleEn: "Nagoya Cerium Recovery", titleJa: "名古屋セリウム回収" };

  it("gives the title in the reader's language, with that language", () => {
    expect(titleIn("en", both)).toEqual({ title: "Nagoya Cerium Recovery", lang: "en" });
    expect(titleIn("ja", both)).toEqual({ title: "名古屋セリウム回収", lang: "ja" });
  });

  it("falls back to the other language when the reader's is blank, and says so", () => {
    expect(titleIn("ja", { ...both, titleJa: "  " })).toEqual({
      title: "Nagoya Cerium Recovery",
      lang: "en",
    });
    expect(titleIn("en", { ...both, titleEn: "" })).toEqual({ title: "名古屋セリウム回収", lang: "ja" });
  });
});
