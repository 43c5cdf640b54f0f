import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import {
  CalendarDate,
  canComplete,
  checkReport,
  dateIn,
  isOverdue,
  projectProgress,
  rollUp,
  type ProgressNode,
} from "./delivery.js";

const leaf = (
  progress: number,
  weight: number | null = null,
  status: ProgressNode["status"] = "IN_PROGRESS",
): ProgressNode => ({
  status,
  progress,
  weight,
  children: [],
});

describe("rollUp", () => {
  it("averages children equally when no weights are set", () => {
    expect(rollUp({ ...leaf(0), children: [leaf(0), leaf(50), leaf(100)] })).toBe(50);
  });

  it("weights children when weights are set", () => {
    expect(rollUp({ ...leaf(0), children: [leaf(100, 3), leaf(0, 1)] })).toBe(75);
  });

  it("counts DONE as 100 and leaves cancelled milestones out", () => {
    expect(
      rollUp({ ...leaf(0), children: [leaf(10, null, "DONE"), leaf(0, null, "CANCELLED"), leaf(50)] }),
    ).toBe(75);
  });

  it("rolls up through several levels", () => {
    const tree = { ...leaf(0), children: [{ ...leaf(0, 1), children: [leaf(100), leaf(0)] }, leaf(100, 1)] };
    expect(rollUp(tree)).toBe(75);
    expect(projectProgress([tree, leaf(25)])).toBe(50);
  });

  it("is 0 for a project without milestones", () => {
    expect(projectProgress([])).toBe(0);
  });
});

describe("isOverdue across the date line", () => {
  // 2027-03-31 23:30 in Washington is already 2027-04-01 12:30 in Tokyo.
  const instant = new Date("2027-04-01T03:30:00Z");

  it("reads the calendar date in a time zone", () => {
    expect(dateIn(instant, "America/New_York")).toBe("2027-03-31");
    expect(dateIn(instant, "Asia/Tokyo")).toBe("2027-04-01");
  });

  it("is not overdue on its due day in the reference zone, overdue once that day has ended", () => {
    const m = { dueDate: "2027-03-31", status: "IN_PROGRESS" as const };
    expect(isOverdue(m, instant, "America/New_York")).toBe(false);
    expect(isOverdue(m, instant, "Asia/Tokyo")).toBe(true);
  });

  it("never marks a done or cancelled milestone overdue", () => {
    expect(isOverdue({ dueDate: "2000-01-01", status: "DONE" }, instant, "UTC")).toBe(false);
    expect(isOverdue({ dueDate: "2000-01-01", status: "CANCELLED" }, instant, "UTC")).toBe(false);
  });
});

describe("CalendarDate", () => {
  it.each(["2027-02-29", "2027-13-01", "27-01-01", "2027-1-1"])("refuses %s", (d) => {
    expect(CalendarDate.safeParse(d).success).toBe(false);
  });
  it("accepts a real date", () => {
    expect(CalendarDate.safeParse("2028-02-29").success).toBe(true);
  });
});

describe("reports and completion", () => {
  it("needs evidence for DONE and a reason for BLOCKED", () => {
    expect(() => checkReport({ status: "DONE", progress: 100, note: null, evidence: null })).toThrow(
      DomainError,
    );
    expect(() =>
      checkReport({ status: "DONE", progress: 90, note: null, evidence: "Commissioning report" }),
    ).toThrow(/100%/);
    expect(() => checkReport({ status: "BLOCKED", progress: 40, note: null, evidence: null })).toThrow(
      /blocks/,
    );
    expect(() =>
      checkReport({ status: "DONE", progress: 100, note: null, evidence: "Signed acceptance" }),
    ).not.toThrow();
  });

  it("completes only when every milestone is done or cancelled", () => {
    expect(canComplete([{ status: "DONE" }, { status: "CANCELLED" }])).toBe(true);
    expect(canComplete([{ status: "DONE" }, { status: "BLOCKED" }])).toBe(false);
    expect(canComplete([])).toBe(false);
  });
});
