import { ListAuditInput } from "@lodestone/domain/audit";
import { describe, expect, it } from "vitest";
import {
  EMPTY_AUDIT_FILTERS,
  auditFiltersFromParams,
  auditFiltersToInput,
  auditFiltersToQuery,
  startOfDayIn,
} from "./audit-filters";

describe("audit filters", () => {
  it("round-trip through the address and drop malformed values", () => {
    const filters = {
      action: "project.",
      entityType: "Project" as const,
      entityId: "abc",
      from: "2026-11-01",
      to: "2026-11-24",
    };
    expect(auditFiltersFromParams(new URLSearchParams(auditFiltersToQuery(filters)))).toEqual(filters);
    expect(
      auditFiltersFromParams(new URLSearchParams("action=DROP%20TABLE&entityType=Nope&from=yesterday")),
    ).toEqual(EMPTY_AUDIT_FILTERS);
  });

  it("turns calendar days into the instants they start and end in the reader's time zone", () => {
    expect(startOfDayIn("2026-11-24", "Asia/Tokyo")).toBe("2026-11-23T15:00:00.000Z");
    expect(startOfDayIn("2026-11-24", "America/New_York")).toBe("2026-11-24T05:00:00.000Z");
    // The day daylight saving time starts in New York (2026-03-08) begins at 05:00 UTC.
    expect(startOfDayIn("2026-03-08", "America/New_York")).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/New_York")).toBe("2026-03-09T04:00:00.000Z");

    const input = auditFiltersToInput(
      { ...EMPTY_AUDIT_FILTERS, from: "2026-11-24", to: "2026-11-24" },
      50,
      "Asia/Tokyo",
    );
    expect(input).toEqual({ limit: 50, from: "2026-11-23T15:00:00.000Z", to: "2026-11-24T15:00:00.000Z" });
    expect(ListAuditInput.safeParse(input).success).toBe(true);
  });
});
