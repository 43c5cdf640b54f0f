import { describe, expect, it } from "vitest";
import { IanaTimeZone, SetProjectTimeZoneInput, isIanaTimeZone } from "./time-zone.js";

describe("IANA time zone names", () => {
  it.each(["Asia/Tokyo", "Australia/Perth", "America/Indiana/Indianapolis", "Asia/Kolkata", "UTC"])(
    "accepts %s",
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
      expect(IanaTimeZone.safeParse(zone).success).toBe(true);
    },
  );

  it.each(["", "JST", "+09:00", "GMT+9", "asia/tokyo", "Asia/tokyo", "Mars/Olympus_Mons", "Asia/Tokyo "])(
    "refuses %j",
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(false);
      expect(IanaTimeZone.safeParse(zone).success).toBe(false);
    },
  );

  it("checks a coordinator's correction", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(
      SetProjectTimeZoneInput.safeParse({ projectId: id, version: 3, timeZone: "Asia/Tokyo" }).success,
    ).toBe(true);
    expect(SetProjectTimeZoneInput.safeParse({ projectId: id, version: 3, timeZone: "Tokyo" }).success).toBe(
      false,
    );
    expect(SetProjectTimeZoneInput.safeParse({ projectId: id, version: 0, timeZone: "UTC" }).success).toBe(
      false,
    );
  });
});
