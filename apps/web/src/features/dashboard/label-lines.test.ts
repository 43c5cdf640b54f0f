import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import ja from "../../../messages/ja.json";
import { estimateWidth, labelLines } from "./label-lines";

const measure = estimateWidth(12);

describe("labelLines", () => {
  it("keeps a label that fits on one line", () => {
    expect(labelLines("Dysprosium (Dy)", 140, measure, "en")).toEqual(["Dysprosium (Dy)"]);
    expect(labelLines("リチウム", 140, measure, "ja")).toEqual(["リチウム"]);
  });

  it("wraps a Japanese label between words, with its brackets and middle dot on the right lines", () => {
    const lines = labelLines("NdPr（ネオジム・プラセオジム）", 140, measure, "ja");
    expect(lines.join("")).toBe("NdPr（ネオジム・プラセオジム）");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(140);
    // No line starts with a closing bracket or a middle dot, none ends with an opening bracket.
    for (const line of lines) {
      expect(line).not.toMatch(/^[）・]/u);
      expect(line).not.toMatch(/（$/u);
    }
    // Words are not cut in half.
    expect(lines.some((l) => l.includes("プラセオジム"))).toBe(true);
  });

  it("wraps an English label at spaces", () => {
    const lines = labelLines("NdPr (neodymium–praseodymium)", 140, measure, "en");
    expect(lines.length).toBeGreaterThan(1);
    // Between words (or after the dash), nothing lost.
    expect(lines.join("").replace(/\s+/g, "")).toBe("NdPr(neodymium–praseodymium)");
    expect(lines[0]).toBe("NdPr (neodymium–");
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(140);
    for (const line of lines) expect(line).toBe(line.trim());
  });

  it("breaks a single word wider than the line between characters", () => {
    const lines = labelLines("ネオジムプラセオジムジスプロシウム", 60, measure, "ja");
    expect(lines.join("")).toBe("ネオジムプラセオジムジスプロシウム");
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(60);
  });

  it("fits every commodity, stage and status name in both languages within the axis", () => {
    for (const [locale, catalog] of [
      ["en", en],
      ["ja", ja],
    ] as const) {
      const names = [
        ...Object.values(catalog.enums.commodity),
        ...Object.values(catalog.enums.stage),
        ...Object.values(catalog.enums.projectStatus),
      ];
      for (const name of names) {
        const lines = labelLines(name, 140, measure, locale);
        expect(lines.join(locale === "ja" ? "" : " ").replace(/\s+/g, "")).toBe(name.replace(/\s+/g, ""));
        for (const line of lines) expect(measure(line), `${locale}: ${line}`).toBeLessThanOrEqual(140);
        expect(lines.length, `${locale}: ${name}`).toBeLessThanOrEqual(3);
      }
    }
  });
});
