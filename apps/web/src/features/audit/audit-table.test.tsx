import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { AuditTable } from "./audit-log";

const EVENTS = [
  {
    id: "e2",
    action: "project.submitted",
    entityType: "Project",
    entityId: "0190a7c2-0000-7000-8000-000000000001",
    actor: { id: "u1", name: "Aiko Tanaka", email: "partner@quandong.example" },
    before: { status: "DRAFT" },
    after: { status: "SUBMITTED" },
    requestId: "r1",
    createdAt: "2026-11-24T03:00:00.000Z",
  },
  {
    id: "e1",
    action: "review_round.closed_at_time",
    entityType: "ReviewRound",
    entityId: "round-1",
    actor: null,
    requestId: null,
    createdAt: "2026-11-23T23:30:00.000Z",
  },
];

describe("AuditTable", () => {
  it("names each record type in the reader's language, never as a message key", () => {
    const events = [
      { ...EVENTS[0]!, id: "a", entityType: "project" },
      { ...EVENTS[1]!, id: "b", entityType: "Milestone" },
      { ...EVENTS[1]!, id: "c", entityType: "Gate" },
    ];
    const { unmount } = renderWithProviders(<AuditTable items={events} />);
    const cells = () =>
      screen
        .getAllByRole("row")
        .slice(1)
        .map((row) => within(row).getAllByRole("cell")[2]!.querySelector("span")!.textContent);
    // A type stored in lower case by older versions, a current one, and one the web does not know.
    expect(cells()).toEqual(["Project", "Milestone", "Gate"]);
    expect(document.body.textContent).not.toContain("entityTypes");
    unmount();
    renderWithProviders(<AuditTable items={events} />, { locale: "ja" });
    expect(cells()[0]).not.toBe("Project");
    expect(cells()[0]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(document.body.textContent).not.toContain("entityTypes");
  });

  it("shows who did what to which record, the system for automatic changes, and the changes on demand", () => {
    renderWithProviders(<AuditTable items={EVENTS} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByRole("rowheader").textContent).toBe("project.submitted");
    expect(first.getByText("Aiko Tanaka")).toBeTruthy();
    expect(first.getByRole("link", { name: EVENTS[0]!.entityId }).getAttribute("href")).toBe(
      `/projects/${EVENTS[0]!.entityId}`,
    );
    expect(first.getByText("Show changes")).toBeTruthy();
    expect(first.getByText(/"SUBMITTED"/)).toBeTruthy();
    const second = within(rows[1]!);
    expect(second.getByText("System")).toBeTruthy();
    expect(second.getByText("Review round")).toBeTruthy();
    expect(second.queryByRole("link")).toBeNull();
    expect(second.getByText("No details")).toBeTruthy();
    expect(second.getByRole("rowheader").closest("tr")!.querySelector("time")!.getAttribute("datetime")).toBe(
      "2026-11-23T23:30:00.000Z",
    );
  });

  it("reads in Japanese", () => {
    renderWithProviders(<AuditTable items={EVENTS} />, { locale: "ja" });
    expect(screen.getByText("システム")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "実行者" })).toBeTruthy();
  });
});
