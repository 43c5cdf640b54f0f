import { describe, expect, it } from "vitest";
import { activeMention, insertMention } from "./mention-query";

describe("activeMention", () => {
  it("finds the name typed after an @ that begins a word", () => {
    expect(activeMention("Hello @Tho", 10)).toEqual({ start: 6, query: "Tho" });
    expect(activeMention("@Thomas Re", 10)).toEqual({ start: 0, query: "Thomas Re" });
    expect(activeMention("(@山田", 4)).toEqual({ start: 1, query: "山田" });
    expect(activeMention("ask @Thomas ", 12)).toEqual({ start: 4, query: "Thomas " });
  });

  it("is null outside a mention", () => {
    expect(activeMention("no mention", 10)).toBeNull();
    expect(activeMention("mail me at a@b", 14)).toBeNull();
    expect(activeMention("just @", 6)).toBeNull();
    expect(activeMention("@1abc", 5)).toBeNull();
    expect(activeMention("@Thomas  two spaces", 19)).toBeNull();
    expect(activeMention("@Thomas\nnext line", 17)).toBeNull();
    expect(activeMention("@a b c d e", 10)).toBeNull();
  });

  it("reads only up to the caret", () => {
    expect(activeMention("@Thomas Reyes said", 4)).toEqual({ start: 0, query: "Tho" });
  });
});

describe("insertMention", () => {
  it("puts the full name and one space in place of what was typed", () => {
    expect(insertMention("Hello @Tho", { start: 6 }, 10, "Thomas Reyes")).toEqual({
      text: "Hello @Thomas Reyes ",
      caret: 20,
    });
    expect(insertMention("@Tho and more", { start: 0 }, 4, "Thomas Reyes")).toEqual({
      text: "@Thomas Reyes and more",
      caret: 14,
    });
  });
});
