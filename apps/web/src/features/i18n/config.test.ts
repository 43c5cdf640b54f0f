import { describe, expect, it } from "vitest";
import { isTimeZone, negotiateLocale, resolveLocale } from "./config";

describe("negotiateLocale", () => {
  it.each([
    ["ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7", "ja"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.4", "ja"],
    ["en;q=0.5, ja;q=0.8", "ja"],
    ["JA", "ja"],
    ["de-DE,ja;q=0", null],
    ["fr", null],
    ["", null],
    ["*", null],
  ])("%j → %j", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("keeps header order on equal q", () => {
    expect(negotiateLocale("ja, en")).toBe("ja");
    expect(negotiateLocale("en, ja")).toBe("en");
  });
});

describe("resolveLocale", () => {
  it("prefers a valid cookie over Accept-Language", () => {
    expect(resolveLocale("ja", "en-US")).toBe("ja");
    expect(resolveLocale("en", "ja-JP")).toBe("en");
  });
  it("ignores an invalid cookie", () => {
    expect(resolveLocale("xx", "ja-JP")).toBe("ja");
  });
  it("falls back to English", () => {
    expect(resolveLocale(undefined, null)).toBe("en");
    expect(resolveLocale(undefined, "ko-KR")).toBe("en");
  });
});

describe("isTimeZone", () => {
  it.each(["Asia/Tokyo", "America/New_York", "UTC", "Australia/Perth", "Etc/GMT+9"])("accepts %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  it.each(["Mars/Olympus", "", "Asia/Tokyo; path=/", "<script>", 42, undefined])("rejects %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
