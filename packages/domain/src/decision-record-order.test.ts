import { describe, expect, it } from "vitest";
import { historyOrder, sealedLists, type VoteHistoryEntry } from "./decision-record.js";

describe("historyOrder: the order the vote-history digest covers", () => {
  const e = (
    at: string,
    voterId: string,
    choice: VoteHistoryEntry["choice"],
    reason: string | null = null,
  ) => ({
    at,
    voterId,
    choice,
    reason,
  });

  it("sorts by time, then voter, then choice, then reason, whatever order the rows came in", () => {
    const sorted = [
      e("2027-01-01T09:00:00.000Z", "b", "APPROVE"),
      e("2027-01-01T09:00:00.000Z", "c", "ABSTAIN"),
      e("2027-01-01T09:00:00.000Z", "c", "APPROVE"),
      e("2027-01-01T09:00:00.000Z", "c", "REJECT", "a"),
      e("2027-01-01T09:00:00.000Z", "c", "REJECT", "b"),
      e("2027-01-01T10:00:00.000Z", "a", "APPROVE"),
    ];
    const shuffled = [sorted[5]!, sorted[3]!, sorted[0]!, sorted[4]!, sorted[2]!, sorted[1]!];
    expect(historyOrder(shuffled)).toEqual(sorted);
    // It returns a new array and leaves its input alone.
    expect(shuffled[0]).toBe(sorted[5]);
  });

  it("puts a reason-less entry before one with a reason otherwise equal", () => {
    const withReason = e("2027-01-01T09:00:00.000Z", "a", "REJECT", "costs");
    const without = e("2027-01-01T09:00:00.000Z", "a", "REJECT");
    expect(historyOrder([withReason, without])).toEqual([without, withReason]);
  });
});

describe("sealedLists: the record's order for the electorate and votes", () => {
  it("orders both by voter id, so equal content seals equally whatever order it was read in", () => {
    const electorate = [
      { voterId: "v3", delegation: "JP" },
      { voterId: "v1", delegation: "US" },
      { voterId: "v2", delegation: "JP" },
    ];
    const votes = [
      {
        voterId: "v2",
        delegation: "JP",
        choice: "REJECT" as const,
        reason: "no",
        at: "2027-01-01T09:00:00.000Z",
      },
      {
        voterId: "v1",
        delegation: "US",
        choice: "APPROVE" as const,
        reason: null,
        at: "2027-01-01T08:00:00.000Z",
      },
    ];
    const lists = sealedLists(electorate, votes);
    expect(lists.electorate.map((x) => x.voterId)).toEqual(["v1", "v2", "v3"]);
    expect(lists.votes.map((x) => x.voterId)).toEqual(["v1", "v2"]);
    expect(sealedLists([...electorate].reverse(), [...votes].reverse())).toEqual(lists);
  });
});
