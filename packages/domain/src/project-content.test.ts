import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, projectSearchText } from "./project-content.js";

describe("canonicalJson", () => {
  it("is independent of key order and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("sorts keys and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });

  it("refuses BigInt", () => {
    expect(() => canonicalJson({ capex: 10n })).toThrow(/BigInt/);
  });
});

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
