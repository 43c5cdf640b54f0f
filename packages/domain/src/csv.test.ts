import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, exportFileName, neutraliseCell } from "./csv.js";

describe("neutraliseCell (OWASP CSV injection)", () => {
  it.each(["=", "+", "-", "@", "\t", "\r"])(
    "prefixes a cell that starts with %j with a single quote",
    (c) => {
      expect(neutraliseCell(`${c}HYPERLINK("https://evil.example","Open")`)).toBe(
        `'${c}HYPERLINK("https://evil.example","Open")`,
      );
      expect(neutraliseCell(c)).toBe(`'${c}`);
    },
  );

  it("leaves every other text as it is, formula characters later in the text included", () => {
    for (const text of ["", "LD-0001", "Tb 1=2", "a+b", "user@example.com", "苫小牧", "'quoted", " =1"]) {
      expect(neutraliseCell(text)).toBe(text);
    }
  });

  it("never lets a cell start with a formula character, and only ever adds one quote in front", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutraliseCell(text);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
    );
  });

  it("writes numbers and empty values as text through the same rule", () => {
    expect(cellText(1200)).toBe("1200");
    expect(cellText(340_000_000n)).toBe("340000000");
    expect(cellText(-5)).toBe("'-5");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});

describe("exportFileName", () => {
  // 15:30 UTC on 5 December: already 6 December in Tokyo, still 5 December in New York.
  const now = new Date("2026-12-05T15:30:00Z");

  it("dates the file as the reader's clock shows it", () => {
    expect(exportFileName("projects", now, "Asia/Tokyo")).toBe("lodestone-projects-2026-12-06.csv");
    expect(exportFileName("milestones", now, "America/New_York")).toBe("lodestone-milestones-2026-12-05.csv");
    expect(exportFileName("projects", now, "UTC")).toBe("lodestone-projects-2026-12-05.csv");
  });

  it("dates it in UTC when the reader's zone is not one the platform knows", () => {
    expect(exportFileName("projects", now, "Mars/Base")).toBe("lodestone-projects-2026-12-05.csv");
  });
});
