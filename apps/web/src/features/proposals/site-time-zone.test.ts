import { isIanaTimeZone } from "@lodestone/domain/time-zone";
import { getAllCountries } from "countries-and-timezones";
import { describe, expect, it } from "vitest";
import { allSiteTimeZones, proposedTimeZone, siteTimeZones } from "./site-time-zone";

describe("the site's time zone, proposed from its country", () => {
  it("proposes the only zone of a country with one", () => {
    expect(proposedTimeZone("JP")).toBe("Asia/Tokyo");
    expect(proposedTimeZone("jp")).toBe("Asia/Tokyo");
    expect(proposedTimeZone("IN")).toBe("Asia/Kolkata");
  });

  it("offers a choice, and proposes none, where the country has several", () => {
    expect(proposedTimeZone("AU")).toBeNull();
    expect(siteTimeZones("AU")).toEqual(expect.arrayContaining(["Australia/Perth", "Australia/Sydney"]));
    expect(siteTimeZones("AU")).not.toContain("Asia/Tokyo");
    expect(siteTimeZones("US")).toEqual(expect.arrayContaining(["America/New_York", "Pacific/Honolulu"]));
    expect(proposedTimeZone("US")).toBeNull();
  });

  it("has nothing for a code that is not a country", () => {
    expect(siteTimeZones("")).toEqual([]);
    expect(siteTimeZones("ZZ")).toEqual([]);
    expect(proposedTimeZone("Japan")).toBeNull();
  });

  it("only offers zones the API accepts", () => {
    const offered = new Set(allSiteTimeZones());
    for (const code of Object.keys(getAllCountries())) for (const z of siteTimeZones(code)) offered.add(z);
    expect([...offered].filter((z) => !isIanaTimeZone(z))).toEqual([]);
    expect(offered.size).toBeGreaterThan(300);
  });
});
