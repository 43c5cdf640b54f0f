import { describe, expect, it } from "vitest";
import { MILESTONE_STATUSES } from "./enums.js";
import { DomainError } from "./errors.js";
import {
  assignmentOf,
  CalendarDate,
  canComplete,
  canReportOn,
  checkReport,
  checkReportable,
  reportProblems,
  dateIn,
  dueState,
  isAssignedTo,
  isDueThisMonth,
  isFinished,
  isOverdue,
  progressOf,
  projectProgress,
  projectProgressOf,
  rollUp,
  type ProgressNode,
  type ProgressRow,
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

  it("weighs an unweighted sibling 1 once another sibling has a weight", () => {
    // Weight 3 at 100 % and an unweighted sibling at 0 %: (3 × 100 + 1 × 0) / 4.
    expect(rollUp({ ...leaf(0), children: [leaf(100, 3), leaf(0)] })).toBe(75);
    // The unweighted one at 100 % counts too (it used to count 0, giving 0 here).
    expect(rollUp({ ...leaf(0), children: [leaf(0, 1), leaf(100)] })).toBe(50);
    expect(projectProgress([leaf(100), leaf(0, 3)])).toBe(25);
  });

  it("leaves out a parent whose children are all cancelled, so it does not pull the project down", () => {
    const allCancelled = {
      ...leaf(0),
      children: [leaf(40, null, "CANCELLED"), leaf(0, null, "CANCELLED")],
    };
    expect(projectProgress([leaf(80), allCancelled])).toBe(80);
    expect(rollUp({ ...leaf(0), children: [allCancelled, leaf(60)] })).toBe(60);
    // Through several levels: a branch whose leaves are all cancelled counts nowhere.
    const deep = { ...leaf(0), children: [allCancelled] };
    expect(projectProgress([deep, leaf(50, 2)])).toBe(50);
  });

  it("takes a leaf's reported progress and ignores what is stored on a parent", () => {
    expect(rollUp({ ...leaf(90), children: [leaf(10)] })).toBe(10);
  });
});

describe("progressOf: one roll-up from stored rows", () => {
  const row = (
    id: string,
    parentId: string | null,
    progress: number,
    weight: number | null = null,
    status: ProgressRow["status"] = "IN_PROGRESS",
  ): ProgressRow => ({ id, parentId, progress, weight, status });

  it("gives every milestone its rolled-up progress in whole percent, whatever the row order", () => {
    const rows = [
      row("c2", "p", 0),
      row("p", null, 0),
      row("c1", "p", 100),
      row("x", null, 33, 2),
      row("g", "c2", 50),
    ];
    const { byId } = progressOf(rows);
    expect(Object.fromEntries(byId)).toEqual({ p: 75, c1: 100, c2: 50, g: 50, x: 33 });
    expect(projectProgressOf(rows)).toBe(Math.round((75 + 2 * 33) / 3));
    expect(progressOf([...rows].reverse()).byId).toEqual(byId);
  });

  it("matches rollUp on the same tree", () => {
    const rows = [row("a", null, 0), row("b", "a", 20, 1), row("c", "a", 80, 3), row("d", null, 10)];
    const tree: ProgressNode = {
      ...leaf(0),
      children: [leaf(20, 1), leaf(80, 3)],
    };
    expect(progressOf(rows).byId.get("a")).toBe(Math.round(rollUp(tree)));
    expect(projectProgressOf(rows)).toBe(Math.round(projectProgress([tree, leaf(10)])));
  });
});

describe("due today and overdue in the project's time zone", () => {
  // 2027-03-31 15:30 UTC: already 2027-04-01 (00:30) in Tokyo, still 2027-03-31 in Washington.
  const instant = new Date("2027-03-31T15:30:00Z");
  const m = { dueDate: "2027-03-31", status: "IN_PROGRESS" as const };

  it("is due today where the day is the due day, overdue where it has ended", () => {
    expect(dueState(m, instant, "America/New_York")).toBe("dueToday");
    expect(dueState(m, instant, "UTC")).toBe("dueToday");
    expect(dueState(m, instant, "Asia/Tokyo")).toBe("overdue");
    expect(dueState({ ...m, dueDate: "2027-04-01" }, instant, "Asia/Tokyo")).toBe("dueToday");
    expect(dueState({ ...m, dueDate: "2027-04-01" }, instant, "America/New_York")).toBeNull();
  });

  it("is neither for a finished milestone", () => {
    expect(dueState({ ...m, status: "DONE" }, instant, "America/New_York")).toBeNull();
    expect(dueState({ ...m, status: "CANCELLED" }, instant, "Asia/Tokyo")).toBeNull();
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
    const top = (id: string, status: ProgressRow["status"]) => ({ id, parentId: null, status });
    expect(canComplete([top("a", "DONE"), top("b", "CANCELLED")])).toBe(true);
    expect(canComplete([top("a", "DONE"), top("b", "BLOCKED")])).toBe(false);
    expect(canComplete([])).toBe(false);
  });

  it("reads a parent (which takes no reports) as finished when its children are", () => {
    const rows = [
      { id: "p", parentId: null, status: "PLANNED" as const },
      { id: "c1", parentId: "p", status: "DONE" as const },
      { id: "c2", parentId: "p", status: "CANCELLED" as const },
    ];
    expect(canComplete(rows)).toBe(true);
    expect(canComplete([...rows, { id: "c3", parentId: "p", status: "IN_PROGRESS" }])).toBe(false);
  });

  it("refuses a progress report on a parent, with a message saying where to report", () => {
    expect(() => checkReportable({ hasChildren: true })).toThrow(/sub-milestones/);
    expect(() => checkReportable({ hasChildren: true })).toThrow(DomainError);
    expect(() => checkReportable({ hasChildren: false })).not.toThrow();
  });
});

describe("whose milestones are one's own, and who may report", () => {
  const me = "0190c9a0-0000-7000-8000-0000000000a1";
  const other = "0190c9a0-0000-7000-8000-0000000000a2";
  const orgA = "0190c9a0-0000-7000-8000-00000000000a";
  const orgB = "0190c9a0-0000-7000-8000-00000000000b";
  const actor = (
    role: "DELEGATE" | "COORDINATOR" | "PARTNER" | "ADMIN",
    organisationId: string | null = null,
  ) => ({
    id: me,
    role,
    organisationId,
  });
  const toMe = { assigneeUserId: me, assigneeOrganisationId: null };
  const toSomeoneElse = { assigneeUserId: other, assigneeOrganisationId: null };
  const toOrgA = { assigneeUserId: null, assigneeOrganisationId: orgA };
  const unassigned = { assigneeUserId: null, assigneeOrganisationId: null };

  it("assignmentOf: one's own person always; one's organisation only as a partner", () => {
    expect(assignmentOf(actor("PARTNER", orgA))).toEqual({ userId: me, organisationId: orgA });
    expect(assignmentOf(actor("DELEGATE", orgA))).toEqual({ userId: me, organisationId: null });
    expect(isAssignedTo(actor("PARTNER", orgA), toOrgA)).toBe(true);
    expect(isAssignedTo(actor("PARTNER", orgB), toOrgA)).toBe(false);
    expect(isAssignedTo(actor("DELEGATE", orgA), toOrgA)).toBe(false);
    expect(isAssignedTo(actor("DELEGATE"), toMe)).toBe(true);
    expect(isAssignedTo(actor("PARTNER", null), unassigned)).toBe(false);
  });

  it("canReportOn: coordinators on anything; delegates and partners on what is theirs; admins never", () => {
    for (const m of [toMe, toSomeoneElse, toOrgA, unassigned])
      expect(canReportOn(actor("COORDINATOR"), m)).toBe(true);
    expect(canReportOn(actor("DELEGATE"), toMe)).toBe(true);
    expect(canReportOn(actor("DELEGATE"), toSomeoneElse)).toBe(false);
    expect(canReportOn(actor("PARTNER", orgA), toOrgA)).toBe(true);
    expect(canReportOn(actor("PARTNER", orgA), toMe)).toBe(true);
    expect(canReportOn(actor("PARTNER", orgB), toOrgA)).toBe(false);
    expect(canReportOn(actor("ADMIN"), toMe)).toBe(false);
  });
});

describe("finished milestones and the month's due list", () => {
  it("isFinished: done and cancelled only", () => {
    expect(MILESTONE_STATUSES.filter((s) => isFinished(s))).toEqual(["DONE", "CANCELLED"]);
  });

  it("isDueThisMonth: open and due in this calendar month where the project is, past days included", () => {
    // 2027-03-31 20:00 in New York is 2027-04-01 09:00 in Tokyo.
    const now = new Date("2027-04-01T00:00:00Z");
    const m = { dueDate: "2027-03-02", status: "IN_PROGRESS" as const };
    expect(isDueThisMonth(m, now, "America/New_York")).toBe(true);
    expect(isDueThisMonth(m, now, "Asia/Tokyo")).toBe(false);
    expect(isDueThisMonth({ ...m, dueDate: "2027-04-30" }, now, "Asia/Tokyo")).toBe(true);
    expect(isDueThisMonth({ ...m, status: "DONE" }, now, "America/New_York")).toBe(false);
  });
});

describe("reportProblems: each refusal with its field and reason", () => {
  it("lists every problem of a report, in the order checkReport refuses them", () => {
    expect(
      reportProblems({ status: "DONE", progress: 90, note: null, evidence: null }).map((p) => [
        p.field,
        p.reason,
      ]),
    ).toEqual([
      ["evidence", "evidenceRequired"],
      ["progress", "doneIs100"],
    ]);
    expect(
      reportProblems({ status: "BLOCKED", progress: 10, note: null, evidence: null }).map((p) => p.reason),
    ).toEqual(["blockedReason"]);
    expect(reportProblems({ status: "IN_PROGRESS", progress: 10, note: null, evidence: null })).toEqual([]);
    expect(() => checkReport({ status: "DONE", progress: 90, note: null, evidence: null })).toThrow(
      "Marking a milestone done needs evidence.",
    );
  });
});
