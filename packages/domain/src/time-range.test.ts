import { describe, expect, it } from "vitest";
import { CalendarDate } from "./delivery.js";
import { ListAuditInput } from "./audit.js";
import { OpenRoundInput } from "./deliberation.js";
import { BoundedDate, DATE_RANGE_MESSAGE, inDateRange, IsoInstant } from "./time-range.js";

describe("the accepted date range", () => {
  it("accepts 1900 to 2199 and nothing outside", () => {
    expect(inDateRange(new Date("1900-01-01T00:00:00Z"))).toBe(true);
    expect(inDateRange(new Date("2199-12-31T23:59:59Z"))).toBe(true);
    expect(inDateRange(new Date("1899-12-31T23:59:59Z"))).toBe(false);
    expect(inDateRange(new Date("2200-01-01T00:00:00Z"))).toBe(false);
    expect(inDateRange(Number.NaN)).toBe(false);
  });

  it("refuses year 0 and year 9999 in every kind of date input, with the same message", () => {
    for (const bad of ["0000-01-01", "9999-12-31", "0001-01-01"]) {
      const r = CalendarDate.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(DATE_RANGE_MESSAGE);
    }
    expect(CalendarDate.safeParse("2027-03-31").success).toBe(true);
    expect(IsoInstant.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(IsoInstant.safeParse("2027-03-31T09:00:00+09:00").success).toBe(true);
    expect(BoundedDate.safeParse("0000-01-01").success).toBe(false);
    expect(BoundedDate.safeParse(-62_198_755_200_000).success).toBe(false);
    expect(ListAuditInput.safeParse({ from: "0000-01-01T00:00:00Z" }).success).toBe(false);
    expect(ListAuditInput.safeParse({ to: "0000-01-01T00:00:00Z" }).success).toBe(false);
    const round = OpenRoundInput.safeParse({
      projectId: "6f1c1c3e-8a0b-4a53-9a1e-4f7f2e7a2b10",
      closesAt: "0000-01-01T00:00:00Z",
    });
    expect(round.success).toBe(false);
  });
});
