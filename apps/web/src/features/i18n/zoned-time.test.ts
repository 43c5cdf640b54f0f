import { describe, expect, it } from "vitest";
import { dateToWallTime, wallTimeToDate } from "./zoned-time";

describe("wall-clock times in the user's time zone", () => {
  it("reads a datetime-local value in the given zone, not the machine's", () => {
    expect(wallTimeToDate("2026-12-01T09:00", "Asia/Tokyo")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(wallTimeToDate("2026-12-01T09:00", "America/Chicago")?.toISOString()).toBe(
      "2026-12-01T15:00:00.000Z",
    );
    // Summer time in Chicago is UTC-5.
    expect(wallTimeToDate("2026-07-01T09:00", "America/Chicago")?.toISOString()).toBe(
      "2026-07-01T14:00:00.000Z",
    );
  });

  it("refuses what is not a datetime-local value", () => {
    expect(wallTimeToDate("", "Asia/Tokyo")).toBeNull();
    expect(wallTimeToDate("2026-12-01", "Asia/Tokyo")).toBeNull();
  });

  it("writes an instant back as the zone's wall clock, round trip included", () => {
    const instant = new Date("2026-03-08T08:30:00.000Z");
    expect(dateToWallTime(instant, "Asia/Tokyo")).toBe("2026-03-08T17:30");
    expect(dateToWallTime(instant, "America/Chicago")).toBe("2026-03-08T03:30");
    for (const zone of ["Asia/Tokyo", "America/Chicago", "Australia/Perth", "Europe/London"]) {
      expect(wallTimeToDate(dateToWallTime(instant, zone), zone)?.toISOString()).toBe(instant.toISOString());
    }
  });
});
