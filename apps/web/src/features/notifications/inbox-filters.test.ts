import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToQuery, isFiltered, listInput } from "./inbox-filters";

const params = (query: string) => new URLSearchParams(query);

describe("inbox filters", () => {
  it("reads the view, one reason and how to use it, and unread-only from the address", () => {
    expect(filtersFromParams(params("view=done&reason=MENTION&mode=except&unread=1"))).toEqual({
      view: "done",
      reason: "MENTION",
      mode: "except",
      unreadOnly: true,
    });
  });

  it("falls back to the inbox, every reason, and 'only' for what it does not know", () => {
    expect(filtersFromParams(params("view=trash&reason=SPAM&mode=maybe&unread=yes"))).toEqual({
      view: "inbox",
      reason: null,
      mode: "only",
      unreadOnly: false,
    });
  });

  it("writes back what differs from the defaults, and reads it the same", () => {
    const filters = { view: "saved", reason: "VOTE_DUE", mode: "except", unreadOnly: false } as const;
    expect(filtersToQuery(filters)).toBe("view=saved&reason=VOTE_DUE&mode=except");
    expect(filtersFromParams(params(filtersToQuery(filters)))).toEqual(filters);
    expect(filtersToQuery({ view: "inbox", reason: null, mode: "except", unreadOnly: false })).toBe("");
  });

  it("asks the API for only the reason, or for everything but it", () => {
    const base = { view: "inbox", unreadOnly: false } as const;
    expect(listInput({ ...base, reason: "MENTION", mode: "only" }, 25)).toEqual({
      view: "inbox",
      limit: 25,
      reasons: ["MENTION"],
    });
    expect(listInput({ ...base, reason: "MENTION", mode: "except" }, 25)).toEqual({
      view: "inbox",
      limit: 25,
      exceptReasons: ["MENTION"],
    });
    expect(listInput({ ...base, reason: null, mode: "except", unreadOnly: true }, 10)).toEqual({
      view: "inbox",
      limit: 10,
      unreadOnly: true,
    });
    expect(isFiltered({ ...base, reason: null, mode: "only" })).toBe(false);
    expect(isFiltered({ ...base, reason: null, mode: "only", unreadOnly: true })).toBe(true);
  });
});
