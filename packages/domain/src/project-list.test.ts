import { describe, expect, it } from "vitest";
import { ListProjectsInput } from "./project-list.js";

describe("ListProjectsInput", () => {
  it("defaults the page size and the order (newest change first)", () => {
    expect(ListProjectsInput.parse({})).toEqual({ limit: 20, sort: "updated" });
  });

  it("accepts filters and trims the search", () => {
    const parsed = ListProjectsInput.parse({
      status: ["SUBMITTED"],
      commodity: "NDPR",
      siteCountry: "AU",
      sponsor: "JP",
      q: "  分離 ",
    });
    expect(parsed.q).toBe("分離");
  });

  it.each([
    [{ limit: 0 }, "limit"],
    [{ limit: 101 }, "limit"],
    [{ cursor: "not-a-uuid" }, "cursor"],
    [{ siteCountry: "australia" }, "siteCountry"],
    [{ commodity: "GOLD" }, "commodity"],
    [{ q: "x".repeat(201) }, "q"],
    [{ unexpected: 1 }, ""],
  ])("refuses %j", (input, path) => {
    const result = ListProjectsInput.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success && path) expect(result.error.issues[0]?.path).toEqual([path]);
  });
});
