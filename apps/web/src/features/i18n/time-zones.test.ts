import { describe, expect, it } from "vitest";
import { timeZoneGroups } from "./time-zones";

describe("timeZoneGroups", () => {
  const groups = timeZoneGroups(["Asia/Kolkata"], new Date("2026-01-15T00:00:00Z"));
  const all = groups.flatMap((g) => g.zones.map((z) => z.value));

  it("offers every zone the runtime knows, plus UTC and the stored ones", () => {
    expect(all).toContain("Asia/Tokyo");
    expect(all).toContain("America/New_York");
    expect(all).toContain("UTC");
    expect(all).toContain("Asia/Kolkata");
    expect(new Set(all).size).toBe(all.length);
  });

  it("groups by area, with the offset in each label", () => {
    const asia = groups.find((g) => g.region === "Asia");
    expect(asia?.zones.find((z) => z.value === "Asia/Tokyo")?.label).toBe("Asia/Tokyo (GMT+9)");
    expect(groups.find((g) => g.region === "Other")?.zones.map((z) => z.value)).toContain("UTC");
    expect(
      groups.find((g) => g.region === "America")?.zones.find((z) => z.value === "America/New_York")?.label,
    ).toBe("America/New_York (GMT-5)");
  });

  it("ignores a stored value that is not a time zone", () => {
    expect(timeZoneGroups(["Mars/Olympus"]).flatMap((g) => g.zones.map((z) => z.value))).not.toContain(
      "Mars/Olympus",
    );
  });
});
