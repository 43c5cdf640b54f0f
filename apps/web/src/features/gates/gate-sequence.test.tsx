import type { Operation } from "@trpc/client";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { GateSequence } from "./gate-sequence";
import type { GatesData, GateView } from "./types";

vi.mock("next/navigation", () => ({
  usePathname: () => "/projects/3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f/gates",
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
}));

const PROJECT_ID = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const G1 = "0c000000-0000-4000-8000-000000000001";
const G2 = "0c000000-0000-4000-8000-000000000002";
const DOCUMENT = "0d000000-0000-4000-8000-000000000001";
const VERSION = "0e000000-0000-4000-8000-000000000001";
const US_DELEGATE = "0f000000-0000-4000-8000-000000000001";
const JP_DELEGATE = "0f000000-0000-4000-8000-000000000002";
const JP_DELEGATE_2 = "0f000000-0000-4000-8000-000000000003";

function gate(over: Partial<GateView>): GateView {
  return {
    id: G1,
    position: 0,
    kind: "SCOPING",
    state: "NOT_STARTED",
    owner: null,
    targetDate: "2027-01-31",
    checklist: [{ en: "Sponsors and partners confirmed", ja: "スポンサーとパートナーの確認", done: false }],
    reason: null,
    enteredAt: null,
    closedAt: null,
    version: 1,
    current: false,
    evidence: [{ kind: "SCOPING_STUDY", cited: false, document: null }],
    signOffs: [],
    problems: [],
    actions: [],
    canWork: false,
    canSignOff: false,
    ...over,
  };
}

/** Scoping submitted for sign-off (the coordinator has signed), the feasibility gate not started. */
const SUBMITTED: GatesData = {
  projectId: PROJECT_ID,
  status: "APPROVED",
  stage: "MAGNET",
  capexUsd: 850_000_000,
  committedUsd: 0,
  canSetUp: false,
  canEditSequence: false,
  canDesignate: true,
  signatories: [
    { party: "COORDINATOR", delegation: null, userId: null, name: null },
    { party: "DELEGATION", delegation: "JP", userId: JP_DELEGATE, name: "佐藤 恵美" },
    { party: "DELEGATION", delegation: "US", userId: US_DELEGATE, name: "Margaret Ellison" },
  ],
  current: { gateId: G1, kind: "SCOPING", state: "SUBMITTED", days: 12 },
  gates: [
    gate({
      state: "SUBMITTED",
      current: true,
      version: 3,
      owner: { id: US_DELEGATE, name: "Margaret Ellison" },
      enteredAt: "2026-11-08T01:00:00.000Z",
      checklist: [{ en: "Sponsors and partners confirmed", ja: "スポンサーとパートナーの確認", done: true }],
      evidence: [
        {
          kind: "SCOPING_STUDY",
          cited: true,
          document: {
            id: DOCUMENT,
            titleEn: "Scoping study",
            titleJa: "スコーピング調査",
            version: 2,
            versionId: VERSION,
          },
        },
      ],
      signOffs: [{ party: "COORDINATOR", name: "Thomas Reyes", at: "2026-11-19T03:00:00.000Z" }],
      problems: [
        { reason: "signOff", field: "JP", message: "The delegate of JP has not signed off." },
        { reason: "signOff", field: "US", message: "The delegate of US has not signed off." },
      ],
      actions: ["return", "pass", "fail", "waive"],
    }),
    gate({
      id: G2,
      position: 1,
      kind: "BANKABLE_FEASIBILITY",
      targetDate: "2027-07-31",
      checklist: [{ en: "Line design frozen", ja: "ライン設計の確定", done: false }],
      evidence: [{ kind: "FEASIBILITY_STUDY", cited: true, document: null }],
      actions: ["waive"],
    }),
  ],
};

/** Scoping in progress: nothing cited, the checklist open; the reader works on it. */
const IN_PROGRESS: GatesData = {
  ...SUBMITTED,
  current: { gateId: G1, kind: "SCOPING", state: "IN_PROGRESS", days: 0 },
  gates: [
    gate({
      state: "IN_PROGRESS",
      current: true,
      version: 5,
      enteredAt: "2026-11-20T01:00:00.000Z",
      canWork: true,
      problems: [
        {
          reason: "evidence",
          field: "SCOPING_STUDY",
          message: "Cite a data-room document as the scoping study.",
        },
        { reason: "checklist", field: "checklist", message: "1 checklist item is not done." },
      ],
      actions: ["submit", "fail", "waive"],
    }),
  ],
};

const DELEGATIONS = [
  { code: "JP", nameEn: "Japan", nameJa: "日本" },
  { code: "US", nameEn: "United States", nameJa: "米国" },
];

const PEOPLE = {
  delegates: [
    { id: JP_DELEGATE, name: "佐藤 恵美", delegation: "JP" },
    { id: JP_DELEGATE_2, name: "渡辺 健司", delegation: "JP" },
    { id: US_DELEGATE, name: "Margaret Ellison", delegation: "US" },
  ],
  owners: [{ id: US_DELEGATE, name: "Margaret Ellison", role: "DELEGATE" }],
};

const CHOICES = [
  {
    versionId: VERSION,
    documentId: DOCUMENT,
    titleEn: "Scoping study",
    titleJa: "スコーピング調査",
    number: 1,
    fileName: "scoping.pdf",
  },
];

function render(data: GatesData, locale: "en" | "ja" = "en") {
  const calls: { path: string; input: unknown }[] = [];
  const respond = (op: Operation) => {
    if (op.type === "mutation") calls.push({ path: op.path, input: op.input });
    switch (op.path) {
      case "gates.get":
        return data;
      case "gates.people":
        return PEOPLE;
      case "delegation.list":
        return DELEGATIONS;
      case "documents.evidenceChoices":
        return CHOICES;
      case "gates.setUp":
        return { gates: 8 };
      case "gates.act":
        return { id: G1, state: "PASSED", version: 4 };
      default:
        if (op.type === "mutation") return { id: G1, version: 2 };
        throw new Error(`Unexpected ${op.path}`);
    }
  };
  renderWithApi(<GateSequence projectId={PROJECT_ID} initial={data} />, answeringLink(respond), {
    locale,
    timeZone: "Asia/Tokyo",
  });
  const sent = (path: string) => calls.filter((c) => c.path === path).map((c) => c.input);
  return { sent, user: userEvent.setup() };
}

const gateArticle = (name: string) => screen.getByRole("article", { name });

describe("GateSequence", () => {
  it("shows each gate in order, the current one with its days, who signed off and who is still missing", async () => {
    render(SUBMITTED);
    const scoping = gateArticle("Gate 1: Scoping");
    expect(within(scoping).getByText("Submitted for sign-off")).toBeTruthy();
    expect(within(scoping).getByText("Current gate")).toBeTruthy();
    expect(within(scoping).getByText("12 days in this gate")).toBeTruthy();
    expect(within(scoping).getByText("Margaret Ellison", { selector: "dd" })).toBeTruthy();
    expect(within(scoping).getByRole("link", { name: "Scoping study" }).getAttribute("href")).toBe(
      `/projects/${PROJECT_ID}/documents/${DOCUMENT}`,
    );

    const signOffs = within(scoping).getByRole("region", { name: "Sign-offs" });
    const parties = within(signOffs)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(parties[0]).toMatch(/^Coordinator: signed off by Thomas Reyes Nov 19, 2026/);
    await waitFor(() =>
      expect(
        within(signOffs)
          .getAllByRole("listitem")
          .map((li) => li.textContent)
          .slice(1),
      ).toEqual(["Japan (JP): waiting for 佐藤 恵美", "United States (US): waiting for Margaret Ellison"]),
    );

    const problems = within(scoping).getByRole("region", { name: "Before this gate can pass" });
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "The delegate of Japan (JP) has not signed off.",
      "The delegate of United States (US) has not signed off.",
    ]);

    // Exactly the actions the API allows, the way forward first.
    const actions = within(scoping).getByRole("group", { name: "Actions on Scoping" });
    expect(
      within(actions)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Pass gate", "Return for more work", "Waive gate", "Fail gate"]);
    expect(within(scoping).queryByRole("button", { name: "Sign off" })).toBeNull();

    // A cited document the reader may not see is named as cited, not by its title.
    const feasibility = gateArticle("Gate 2: Bankable feasibility");
    expect(within(feasibility).getByText("Cited (restricted)")).toBeTruthy();
    expect(within(feasibility).getByText("Not started")).toBeTruthy();
    expect(within(feasibility).queryByRole("region", { name: /Before this gate/ })).toBeNull();
  });

  it("asks before passing a gate, then passes it at the version shown", async () => {
    const { sent, user } = render(SUBMITTED);
    const scoping = gateArticle("Gate 1: Scoping");
    await user.click(within(scoping).getByRole("button", { name: "Pass gate" }));
    const dialog = screen.getByRole("alertdialog", { name: "Pass Scoping?" });
    expect(sent("gates.act")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Pass gate" }));
    await screen.findByText("Scoping passed.");
    expect(sent("gates.act")).toEqual([{ gateId: G1, version: 3, action: "pass" }]);
  });

  it("waives a gate only with a reason, after saying what waiving means", async () => {
    const { sent, user } = render(SUBMITTED);
    const feasibility = gateArticle("Gate 2: Bankable feasibility");
    await user.click(within(feasibility).getByRole("button", { name: "Waive gate" }));
    const dialog = screen.getByRole("alertdialog", { name: "Waive Bankable feasibility?" });
    expect(dialog.textContent).toContain("This cannot be undone.");
    await user.click(within(dialog).getByRole("button", { name: "Waive gate" }));
    expect(within(dialog).getByText("Give a reason (at least 3 characters).")).toBeTruthy();
    expect(sent("gates.act")).toEqual([]);
    await user.type(within(dialog).getByRole("textbox", { name: /Reason/ }), "Covered by the JV's own study");
    await user.click(within(dialog).getByRole("button", { name: "Waive gate" }));
    await screen.findByText("Bankable feasibility waived.");
    expect(sent("gates.act")).toEqual([
      { gateId: G2, version: 1, action: "waive", reason: "Covered by the JV's own study" },
    ]);
  });

  it("says what stands in the way of submitting, saves the checklist as it is ticked and cites evidence", async () => {
    const { sent, user } = render(IN_PROGRESS);
    const scoping = gateArticle("Gate 1: Scoping");
    const problems = within(scoping).getByRole("region", {
      name: "Before this gate can be submitted for sign-off",
    });
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Cite a data-room document as the Scoping study.", "1 checklist item is not done."]);
    expect(within(scoping).getByText("Entered today")).toBeTruthy();

    await user.click(within(scoping).getByRole("checkbox", { name: "Sponsors and partners confirmed" }));
    await waitFor(() =>
      expect(sent("gates.update")).toEqual([{ gateId: G1, version: 5, checklist: [true] }]),
    );

    await user.click(within(scoping).getByRole("button", { name: "Cite a document as the Scoping study" }));
    const dialog = screen.getByRole("dialog", { name: "Cite the Scoping study" });
    const select = await within(dialog).findByRole("combobox", { name: /Document/ });
    // Nothing chosen: said so, nothing sent.
    await user.click(within(dialog).getByRole("button", { name: "Cite" }));
    expect(within(dialog).getByText("Choose a document.")).toBeTruthy();
    await user.selectOptions(select, "Scoping study (version 1, scoping.pdf)");
    await user.click(within(dialog).getByRole("button", { name: "Cite" }));
    await screen.findByText("The document is cited.");
    expect(sent("gates.cite")).toEqual([
      { gateId: G1, version: 5, kind: "SCOPING_STUDY", versionId: VERSION },
    ]);
  });

  it("shows a designated delegate only the sign-off, and signs off after asking", async () => {
    const delegateView: GatesData = {
      ...SUBMITTED,
      canDesignate: false,
      gates: SUBMITTED.gates.map((g) => ({ ...g, actions: [], canSignOff: g.id === G1 })),
    };
    const { sent, user } = render(delegateView);
    const scoping = gateArticle("Gate 1: Scoping");
    expect(
      within(scoping)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Sign off"]);
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button", { name: /Edit owner/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Designate/ })).toBeNull();
    await user.click(within(scoping).getByRole("button", { name: "Sign off" }));
    const dialog = screen.getByRole("alertdialog", { name: "Sign off Scoping?" });
    await user.click(within(dialog).getByRole("button", { name: "Sign off" }));
    await screen.findByText("You signed Scoping off.");
    expect(sent("gates.signOff")).toEqual([{ gateId: G1, version: 3 }]);
  });

  it("lets a coordinator designate a delegation's signatory from its delegates", async () => {
    const { sent, user } = render(SUBMITTED);
    const panel = screen.getByRole("region", { name: "Who signs off" });
    const select = await within(panel).findByRole("combobox", { name: "Signatory for Japan (JP)" });
    await within(select).findByRole("option", { name: "渡辺 健司" });
    await user.selectOptions(select, "渡辺 健司");
    await user.click(within(panel).getByRole("button", { name: "Designate for Japan (JP)" }));
    await screen.findByText("渡辺 健司 now signs off for Japan (JP).");
    expect(sent("gates.designate")).toEqual([
      { projectId: PROJECT_ID, delegation: "JP", userId: JP_DELEGATE_2 },
    ]);
  });

  it("offers a coordinator to set up the gates of an approved project without them", async () => {
    const { sent, user } = render({ ...SUBMITTED, canSetUp: true, current: null, gates: [] });
    expect(screen.getByText("No stage gates yet")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Set up gates" }));
    await screen.findByText("8 gates are set up.");
    expect(sent("gates.setUp")).toEqual([{ projectId: PROJECT_ID }]);
  });

  it("lets a coordinator reorder, remove and add gates before work starts, and saves the new order", async () => {
    const untouched: GatesData = {
      ...SUBMITTED,
      canEditSequence: true,
      current: { gateId: G1, kind: "SCOPING", state: "NOT_STARTED", days: 3 },
      gates: [
        gate({ current: true, actions: ["start", "waive"] }),
        gate({ id: G2, position: 1, kind: "BANKABLE_FEASIBILITY", actions: ["waive"] }),
      ],
    };
    const { sent, user } = render(untouched);
    await user.click(screen.getByRole("button", { name: "Edit sequence" }));
    const dialog = screen.getByRole("dialog", { name: "Edit the gate sequence" });
    const order = () =>
      within(within(dialog).getByRole("list", { name: "Gates in order" }))
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("data-kind"));
    await user.click(within(dialog).getByRole("button", { name: "Move down Scoping" }));
    expect(order()).toEqual(["BANKABLE_FEASIBILITY", "SCOPING"]);
    // Focus stays with the gate moved (on the button still offered).
    expect(document.activeElement?.textContent).toBe("Move up Scoping");
    await user.click(within(dialog).getByRole("button", { name: "Remove Bankable feasibility" }));
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Add a gate" }), "Permits");
    await user.click(within(dialog).getByRole("button", { name: "Add" }));
    expect(order()).toEqual(["SCOPING", "PERMITS"]);
    await user.click(within(dialog).getByRole("button", { name: "Save sequence" }));
    await screen.findByText("The sequence is saved: 2 gates.");
    expect(sent("gates.setSequence")).toEqual([{ projectId: PROJECT_ID, kinds: ["SCOPING", "PERMITS"] }]);
  });

  it("lets a coordinator name a gate's owner and target date", async () => {
    const { sent, user } = render(SUBMITTED);
    await user.click(screen.getByRole("button", { name: "Edit owner and target of Bankable feasibility" }));
    const dialog = screen.getByRole("dialog", { name: "Owner and target date: Bankable feasibility" });
    const owner = within(dialog).getByRole("combobox", { name: "Owner" });
    await within(owner).findByRole("option", { name: "Margaret Ellison (Delegate)" });
    await user.selectOptions(owner, "Margaret Ellison (Delegate)");
    const target = within(dialog).getByLabelText("Target date");
    await user.clear(target);
    await user.type(target, "2027-09-30");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await screen.findByText("Bankable feasibility: owner and target date saved.");
    expect(sent("gates.update")).toEqual([
      { gateId: G2, version: 1, ownerId: US_DELEGATE, targetDate: "2027-09-30" },
    ]);
  });

  it("reads in Japanese", async () => {
    render(SUBMITTED, "ja");
    const scoping = gateArticle("ゲート1：スコーピング");
    expect(within(scoping).getByText("承認申請中")).toBeTruthy();
    expect(within(scoping).getByText("このゲートで12日経過")).toBeTruthy();
    expect(within(scoping).getByRole("link", { name: "スコーピング調査" })).toBeTruthy();
    await within(scoping).findByText("日本 (JP)の代表団員がまだ承認していません。");
    expect(within(scoping).getByRole("button", { name: "ゲートを通過" })).toBeTruthy();
  });
});
