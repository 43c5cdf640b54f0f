import type { Operation } from "@trpc/client";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { moveNeedsDetermination } from "./permit-dialogs";
import { PermittingTimetable } from "./permitting-timetable";
import type { Authorization, PermitMilestone, PermittingData } from "./types";

vi.mock("next/navigation", () => ({
  usePathname: () => "/projects/3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f/permitting",
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
}));

const PROJECT_ID = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const AUTH = "0a000000-0000-4000-8000-000000000001";
const M1 = "0b000000-0000-4000-8000-000000000001";
const M2 = "0b000000-0000-4000-8000-000000000002";
const CHANGE = "0c000000-0000-4000-8000-000000000001";

function milestone(over: Partial<PermitMilestone>): PermitMilestone {
  return {
    id: M1,
    kind: "APPLICATION_COMPLETE",
    nameEn: "Application complete",
    nameJa: "申請書類の完備",
    baselineDate: "2026-07-01",
    currentDate: "2026-07-01",
    actualDate: null,
    status: "IN_PROGRESS",
    missedBy: null,
    final: false,
    ...over,
  };
}

const AUTHORIZATION: Authorization = {
  id: AUTH,
  jurisdiction: "US_FEDERAL",
  authority: "US Army Corps of Engineers",
  instrument: "CWA_404",
  titleEn: "Section 404 permit for the tailings facility",
  titleJa: "尾鉱施設の第404条許可",
  region: "Nevada",
  startDate: "2026-06-01",
  outcome: null,
  outcomeReason: null,
  owner: { id: "0f000000-0000-4000-8000-000000000001", name: "Thomas Reyes" },
  status: "IN_PROGRESS",
  completed: 0,
  finalDate: "2026-11-28",
  elapsed: { elapsedDays: 14, targetDays: 365, over: false },
  milestones: [
    milestone({ id: M1, missedBy: 3, currentDate: "2026-06-10", baselineDate: "2026-07-01" }),
    milestone({
      id: M2,
      kind: "PERMIT_DECISION",
      nameEn: "Permit decision",
      nameJa: "許可の決定",
      baselineDate: "2026-11-28",
      currentDate: "2026-11-28",
      status: "PLANNED",
      final: true,
    }),
  ],
};

const DATA: PermittingData = {
  projectId: PROJECT_ID,
  status: "APPROVED",
  timeZone: "America/Los_Angeles",
  today: "2026-06-15",
  hasTimetable: true,
  canEdit: true,
  canDetermine: true,
  determinationThresholdDays: 30,
  complete: { done: 0, total: 1 },
  estimatedCompletion: "2026-11-28",
  authorizations: [AUTHORIZATION],
  pause: null,
  pastPauses: [],
  changes: [],
};

function render(data: PermittingData) {
  const calls: { path: string; input: unknown }[] = [];
  const respond = (op: Operation) => {
    if (op.type === "mutation") calls.push({ path: op.path, input: op.input });
    switch (op.path) {
      case "permitting.get":
        return data;
      case "permitting.move": {
        const input = op.input as { determination?: string };
        return { changeId: CHANGE, state: data.canDetermine || !input.determination ? "APPLIED" : "PENDING" };
      }
      default:
        throw new Error(`Unexpected ${op.path}`);
    }
  };
  renderWithApi(<PermittingTimetable projectId={PROJECT_ID} initial={data} />, answeringLink(respond), {
    timeZone: "Asia/Tokyo",
  });
  const sent = (path: string) => calls.filter((c) => c.path === path).map((c) => c.input);
  return { sent, user: userEvent.setup() };
}

const card = () => screen.getByRole("article", { name: "Section 404 permit for the tailings facility" });

async function openMove(user: ReturnType<typeof userEvent.setup>, name: string) {
  const row = within(card()).getByRole("row", { name: new RegExp(name) });
  await user.click(within(row).getByRole("button", { name: /^Move date/ }));
  return screen.getByRole("dialog", { name: `Move the date: ${name}` });
}

const setDate = (dialog: HTMLElement, value: string) =>
  fireEvent.change(within(dialog).getByLabelText(/New target date/), { target: { value } });

describe("moveNeedsDetermination", () => {
  it("asks for a determination only for a move of more than the threshold to a final milestone, either way", () => {
    const final = { final: true, currentDate: "2026-11-28" };
    expect(moveNeedsDetermination(final, "2026-12-28", 30)).toBe(false);
    expect(moveNeedsDetermination(final, "2026-12-29", 30)).toBe(true);
    expect(moveNeedsDetermination(final, "2026-10-28", 30)).toBe(true);
    expect(moveNeedsDetermination({ ...final, final: false }, "2027-06-01", 30)).toBe(false);
    expect(moveNeedsDetermination(final, "", 30)).toBe(false);
  });
});

describe("PermittingTimetable", () => {
  it("shows the summary, the chart named by its summary, and each milestone with its dates, status and days late", () => {
    render(DATA);
    expect(screen.getByText("0 of 1 authorization complete")).toBeTruthy();
    expect(screen.getByText("Estimated completion: Nov 28, 2026")).toBeTruthy();
    expect(
      screen.getByRole("img", { name: /^Permitting timetable chart: 1 authorization, 1 missed date/ }),
    ).toBeTruthy();
    const first = within(card()).getByRole("row", { name: /Application complete/ });
    expect(within(first).getByText("Missed by 3 working days")).toBeTruthy();
    expect(within(first).getByText("Jul 1, 2026")).toBeTruthy();
    expect(within(first).getByText("Jun 10, 2026")).toBeTruthy();
    expect(within(card()).getByText("Clean Water Act section 404 permit")).toBeTruthy();
    expect(within(card()).getByText("14 of 365 days")).toBeTruthy();
  });

  it("does not ask a coordinator for a determination when a non-final milestone moves far", async () => {
    const { user, sent } = render(DATA);
    const dialog = await openMove(user, "Application complete");
    setDate(dialog, "2026-09-30");
    expect(within(dialog).queryByLabelText(/Determination/)).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText(/Reason/), "Public comment");
    await user.type(within(dialog).getByLabelText(/Justification/), "Comment period extended by the Corps");
    await user.click(within(dialog).getByRole("button", { name: "Move date" }));
    await screen.findByText("Application complete moved to Sep 30, 2026.");
    expect(sent("permitting.move")).toEqual([
      {
        milestoneId: M1,
        from: "2026-06-10",
        to: "2026-09-30",
        reason: "PUBLIC_COMMENT",
        justification: "Comment period extended by the Corps",
      },
    ]);
  });

  it("shows a coordinator the determination field only past the threshold on the final milestone, and requires it", async () => {
    const { user, sent } = render(DATA);
    const dialog = await openMove(user, "Permit decision");
    setDate(dialog, "2026-12-28");
    expect(within(dialog).queryByLabelText(/Determination/)).toBeNull();
    setDate(dialog, "2026-12-29");
    const determination = within(dialog).getByLabelText(/Determination/);
    await user.selectOptions(within(dialog).getByLabelText(/Reason/), "Litigation");
    await user.type(within(dialog).getByLabelText(/Justification/), "Injunction pending");
    await user.click(within(dialog).getByRole("button", { name: "Move date" }));
    expect(within(dialog).getByText("Write your determination (at least 3 characters).")).toBeTruthy();
    expect(sent("permitting.move")).toEqual([]);
    await user.type(determination, "Delay is outside the applicant's control");
    await user.click(within(dialog).getByRole("button", { name: "Move date" }));
    await screen.findByText("Permit decision moved to Dec 29, 2026.");
    expect(sent("permitting.move")).toEqual([
      {
        milestoneId: M2,
        from: "2026-11-28",
        to: "2026-12-29",
        reason: "LITIGATION",
        justification: "Injunction pending",
        determination: "Delay is outside the applicant's control",
      },
    ]);
  });

  it("tells a partner that such a move waits for a coordinator, and sends it without a determination", async () => {
    const { user, sent } = render({ ...DATA, canDetermine: false });
    const dialog = await openMove(user, "Permit decision");
    setDate(dialog, "2027-02-01");
    expect(within(dialog).queryByLabelText(/Determination/)).toBeNull();
    expect(within(dialog).getByText(/will wait for a coordinator's determination/)).toBeTruthy();
    await user.selectOptions(within(dialog).getByLabelText(/Reason/), "Applicant's request");
    await user.type(within(dialog).getByLabelText(/Justification/), "Redesign of the tailings dam");
    await user.click(within(dialog).getByRole("button", { name: "Ask for the change" }));
    expect(sent("permitting.move")).toEqual([
      {
        milestoneId: M2,
        from: "2026-11-28",
        to: "2027-02-01",
        reason: "APPLICANT_REQUEST",
        justification: "Redesign of the tailings dam",
      },
    ]);
  });

  it("shows a pause with its overdue summary, milestones paused and no date actions; pending changes with Approve and Reject for coordinators", () => {
    const paused: PermittingData = {
      ...DATA,
      authorizations: [
        {
          ...AUTHORIZATION,
          status: "PAUSED",
          milestones: AUTHORIZATION.milestones.map((m) => ({ ...m, status: "PAUSED" as const })),
        },
      ],
      pause: {
        id: "0d000000-0000-4000-8000-000000000001",
        reason: "LITIGATION",
        startedOn: "2026-01-10",
        startedBy: "Thomas Reyes",
        summaries: [
          {
            text: "Court hearing set",
            writtenOn: "2026-01-10",
            author: "Thomas Reyes",
            at: "2026-01-10T01:00:00.000Z",
          },
        ],
        summaryDue: "2026-04-10",
        summaryOverdue: true,
      },
      changes: [
        {
          id: CHANGE,
          authorizationId: AUTH,
          authorization: { titleEn: AUTHORIZATION.titleEn, titleJa: AUTHORIZATION.titleJa },
          milestone: { id: M2, nameEn: "Permit decision", nameJa: "許可の決定" },
          from: "2026-11-28",
          to: "2027-03-01",
          days: 93,
          reason: "APPLICANT_REQUEST",
          justification: "Redesign",
          state: "PENDING",
          changedBy: "Kate Larkspur",
          changedAt: "2026-06-01T00:00:00.000Z",
          determination: null,
          decidedBy: null,
          decidedAt: null,
          pause: null,
        },
        {
          id: "0c000000-0000-4000-8000-000000000002",
          authorizationId: AUTH,
          authorization: { titleEn: AUTHORIZATION.titleEn, titleJa: AUTHORIZATION.titleJa },
          milestone: { id: M1, nameEn: "Application complete", nameJa: "申請書類の完備" },
          from: "2026-05-31",
          to: "2026-06-10",
          days: 10,
          reason: "PROJECT_PAUSE",
          justification: "Paused from 2025-12-31 to 2026-01-10.",
          state: "APPLIED",
          changedBy: "Thomas Reyes",
          changedAt: "2026-01-10T00:00:00.000Z",
          determination: null,
          decidedBy: null,
          decidedAt: null,
          pause: { startedOn: "2025-12-31", endedOn: "2026-01-10" },
        },
      ],
    };
    render(paused);
    const banner = screen.getByRole("region", { name: "Permitting is paused" });
    expect(within(banner).getByRole("alert").textContent).toBe(
      "The pause's summary is overdue: it was due Apr 10, 2026.",
    );
    expect(within(banner).getByRole("button", { name: "Resume" })).toBeTruthy();
    expect(within(card()).getAllByText("Paused").length).toBeGreaterThan(1);
    expect(within(card()).queryByRole("button", { name: /^Move date/ })).toBeNull();
    const pending = screen.getByRole("region", { name: /1 change waits for a coordinator's determination/ });
    expect(within(pending).getByRole("button", { name: /^Approve/ })).toBeTruthy();
    expect(within(pending).getByRole("button", { name: /^Reject/ })).toBeTruthy();
    const log = screen.getByRole("table", { name: "Date changes, newest first" });
    expect(within(log).getByText("Waiting for a determination")).toBeTruthy();
    expect(within(log).getByText("+93 days")).toBeTruthy();
    // A resume's own move, its words in the reader's language.
    const resumed = within(log).getByRole("row", { name: /Application complete/ });
    expect(within(resumed).getByText("Project pause")).toBeTruthy();
    expect(within(resumed).getByText("Paused from Dec 31, 2025 to Jan 10, 2026.")).toBeTruthy();
  });

  it("says the timetable starts on approval for a project not approved", () => {
    render({ ...DATA, hasTimetable: false, canEdit: false, authorizations: [] });
    expect(screen.getByText("The permitting timetable starts when the project is approved")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add authorization" })).toBeNull();
  });
});
