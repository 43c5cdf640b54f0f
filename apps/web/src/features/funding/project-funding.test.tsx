import type { Operation } from "@trpc/client";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { ProjectFunding } from "./project-funding";
import type { Facility, ProjectFundingData } from "./types";

vi.mock("next/navigation", () => ({
  usePathname: () => "/projects/3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f/funding",
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
}));

const PROJECT_ID = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const JBIC = "1a000000-0000-4000-8000-000000000001";
const JOGMEC = "1a000000-0000-4000-8000-000000000002";
const DFC = "1a000000-0000-4000-8000-000000000003";
const F_JBIC = "1b000000-0000-4000-8000-000000000001";
const F_JOGMEC = "1b000000-0000-4000-8000-000000000002";
const PROGRAMME = "1c000000-0000-4000-8000-000000000001";
const COORDINATOR = { id: "1d000000-0000-4000-8000-000000000001", name: "Thomas Reyes" };

const zero = { PLEDGED: 0, APPROVED: 0, COMMITTED: 0, DISBURSED: 0, REPAID: 0, CANCELLED: 0 };

const jbic: Facility = {
  id: F_JBIC,
  financier: {
    id: JBIC,
    name: "Japan Bank for International Cooperation",
    nameJa: "国際協力銀行",
    kind: "EXPORT_CREDIT",
    delegation: "JP",
  },
  instrument: "LOAN",
  currency: "JPY",
  confidential: false,
  programmeId: PROGRAMME,
  state: "APPROVED",
  balances: { ...zero, APPROVED: 30_000_000_000 },
  usdRate: 0.0067,
  rateDate: "2026-10-01",
  usd: { ...zero, APPROVED: 201_000_000 },
  stack: { pledgedUsd: 201_000_000, committedUsd: 0, disbursedUsd: 0 },
  canRecord: true,
  entries: [
    {
      id: "1e000000-0000-4000-8000-000000000001",
      facilityId: F_JBIC,
      sequence: 1,
      kind: "PLEDGE",
      bucket: null,
      amount: 30_000_000_000,
      usdRate: 0.0067,
      rateDate: "2026-09-01",
      usdAmount: 201_000_000,
      date: "2026-09-01",
      document: null,
      reason: "Letter of interest",
      recordedBy: COORDINATOR,
      createdAt: "2026-09-01T02:00:00.000Z",
      iatiCode: 12,
    },
    {
      id: "1e000000-0000-4000-8000-000000000002",
      facilityId: F_JBIC,
      sequence: 2,
      kind: "APPROVAL",
      bucket: null,
      amount: 30_000_000_000,
      usdRate: 0.0067,
      rateDate: "2026-10-01",
      usdAmount: 201_000_000,
      date: "2026-10-01",
      document: null,
      reason: "",
      recordedBy: COORDINATOR,
      createdAt: "2026-10-01T02:00:00.000Z",
      iatiCode: 12,
    },
  ],
};

const jogmec: Facility = {
  ...jbic,
  id: F_JOGMEC,
  financier: {
    id: JOGMEC,
    name: "Japan Organization for Metals and Energy Security",
    nameJa: "エネルギー・金属鉱物資源機構",
    kind: "GOVERNMENT_AGENCY",
    delegation: "JP",
  },
  instrument: "EQUITY",
  currency: "USD",
  confidential: true,
  programmeId: null,
  state: "PLEDGED",
  balances: { ...zero, PLEDGED: 40_000_000 },
  usdRate: 1,
  usd: { ...zero, PLEDGED: 40_000_000 },
  stack: { pledgedUsd: 40_000_000, committedUsd: 0, disbursedUsd: 0 },
  entries: [],
};

const LEDGER: ProjectFundingData = {
  projectId: PROJECT_ID,
  capexUsd: 850_000_000,
  stack: { pledgedUsd: 241_000_000, committedUsd: 0, disbursedUsd: 0 },
  committedUsd: 0,
  gapUsd: 609_000_000,
  financiers: [
    jbic.financier,
    jogmec.financier,
    {
      id: DFC,
      name: "U.S. International Development Finance Corporation",
      nameJa: "米国国際開発金融公社",
      kind: "DEVELOPMENT_FINANCE",
      delegation: "US",
    },
  ],
  programmes: [
    { id: PROGRAMME, nameEn: "Japan's US$550 billion investment", nameJa: "日本の5,500億ドル投資" },
  ],
  facilities: [jbic, jogmec],
};

function render(data: ProjectFundingData, locale: "en" | "ja" = "en") {
  const calls: { path: string; input: unknown }[] = [];
  const respond = (op: Operation) => {
    if (op.type === "mutation") calls.push({ path: op.path, input: op.input });
    switch (op.path) {
      case "funding.project":
        return data;
      case "documents.evidenceChoices":
        return [];
      case "funding.record":
        return { id: F_JBIC, entryId: "x", state: "COMMITTED", balances: zero };
      case "funding.open":
        return { id: "new", entryId: "x" };
      default:
        throw new Error(`Unexpected ${op.path}`);
    }
  };
  renderWithApi(<ProjectFunding projectId={PROJECT_ID} initial={data} />, answeringLink(respond), {
    locale,
    timeZone: "Asia/Tokyo",
  });
  const sent = (path: string) => calls.filter((c) => c.path === path).map((c) => c.input);
  return { sent, user: userEvent.setup() };
}

/** Text as read, the no-break spaces of formatted money as plain spaces. */
const plain = (text: string | null | undefined) => (text ?? "").replace(/\u00a0/g, " ");

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((r) => [...r.querySelectorAll("th, td")].map((c) => plain(c.textContent)));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe("ProjectFunding", () => {
  it("draws the capital stack against the capex as an image named by its numbers, with the same numbers in a table", () => {
    render(LEDGER);
    const image = screen.getByRole("img", { name: /^Capital stack against a capex of/ });
    expect(plain(image.getAttribute("aria-label"))).toBe(
      "Capital stack against a capex of USD 850,000,000: disbursed USD 0, committed USD 0, pledged or approved USD 241,000,000, gap USD 609,000,000.",
    );
    expect(rowsOf(screen.getByRole("table", { name: "Capital stack in US dollars" }))).toEqual([
      ["Funding", "Amount (USD)", "Share of capex"],
      ["Disbursed", "USD 0", "0%"],
      ["Committed", "USD 0", "0%"],
      ["Pledged or approved", "USD 241,000,000", "28.4%"],
      ["Gap to the capex", "USD 609,000,000", "71.6%"],
      ["Capex", "USD 850,000,000", "100%"],
    ]);
  });

  it("lists each facility with its amounts in its currency and in US dollars, its rate and whether it is confidential", async () => {
    const { user } = render(LEDGER);
    const table = screen.getByRole("table", { name: /^Funding facilities/ });
    const jbicRow = within(table).getByRole("row", { name: /Japan Bank for International Cooperation/ });
    expect(plain(jbicRow.textContent)).toContain("Export credit agency · JP");
    expect(plain(jbicRow.textContent)).toContain("JPY 30,000,000,000USD 201,000,000");
    expect(plain(jbicRow.textContent)).toContain("0.0067 USD per JPY");
    expect(within(jbicRow).queryByText("Confidential")).toBeNull();
    const jogmecRow = within(table).getByRole("row", { name: /Japan Organization for Metals/ });
    expect(within(jogmecRow).getByText("Confidential")).toBeTruthy();
    expect(within(jogmecRow).getByText("Pledged", { selector: "[data-facility-state]" })).toBeTruthy();

    // Its entries open under it.
    const show = within(jbicRow).getByRole("button", {
      name: "Show 2 entries of Japan Bank for International Cooperation",
    });
    expect(show.getAttribute("aria-expanded")).toBe("false");
    await user.click(show);
    expect(show.getAttribute("aria-expanded")).toBe("true");
    const entries = screen.getByRole("table", {
      name: "Ledger entries: Japan Bank for International Cooperation",
    });
    expect(rowsOf(entries).slice(0, 2)).toEqual([
      [
        "No.",
        "Value date",
        "Entry",
        "IATI code",
        "Amount",
        "USD",
        "Document",
        "Reason or note",
        "Recorded by",
      ],
      [
        "1",
        "Sep 1, 2026",
        "Pledge",
        "12",
        "JPY 30,000,000,000",
        "USD 201,000,000at 0.0067 on Sep 1, 2026",
        "None",
        "Letter of interest",
        "Thomas ReyesSep 1, 2026, 11:00 AM",
      ],
    ]);
  });

  it("records a commitment on a facility at its rate", async () => {
    const { sent, user } = render(LEDGER);
    await user.click(
      screen.getByRole("button", { name: "Record entry of Japan Bank for International Cooperation" }),
    );
    const dialog = screen.getByRole("dialog", {
      name: "Record an entry: Japan Bank for International Cooperation",
    });
    expect(plain(dialog.textContent)).toContain("Approved: JPY 30,000,000,000");
    expect(plain(dialog.textContent)).toContain("Approved now: JPY 30,000,000,000.");
    // The next step of its money is offered first.
    const kind = within(dialog).getByRole("combobox", { name: /Entry/ }) as HTMLSelectElement;
    expect(kind.value).toBe("COMMITMENT");
    expect((within(dialog).getByRole("textbox", { name: /Rate/ }) as HTMLInputElement).value).toBe("0.0067");
    // Nothing typed: said so, nothing sent.
    await user.click(within(dialog).getByRole("button", { name: "Record entry" }));
    expect(within(dialog).getByText("Give a positive whole amount.")).toBeTruthy();
    expect(sent("funding.record")).toEqual([]);
    await user.type(within(dialog).getByRole("textbox", { name: /^Amount/ }), "10,000,000,000");
    await user.click(within(dialog).getByRole("button", { name: "Record entry" }));
    await screen.findByText(
      (_, el) =>
        el?.tagName === "P" && plain(el.textContent) === "Commitment of JPY 10,000,000,000 recorded.",
    );
    const [input] = sent("funding.record") as Record<string, unknown>[];
    expect(input).toMatchObject({
      facilityId: F_JBIC,
      kind: "COMMITMENT",
      amount: 10_000_000_000,
      bucket: null,
      usdRate: 0.0067,
      documentVersionId: null,
      reason: "",
    });
    expect(input!.date).toMatch(DAY);
    expect(input!.rateDate).toMatch(DAY);
  });

  it("asks again before recording a cancellation, which needs a reason", async () => {
    const { sent, user } = render(LEDGER);
    await user.click(
      screen.getByRole("button", { name: "Record entry of Japan Bank for International Cooperation" }),
    );
    const dialog = screen.getByRole("dialog", { name: /^Record an entry/ });
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Entry/ }), "Cancellation");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Cancel from/ }), "Approved");
    await user.type(within(dialog).getByRole("textbox", { name: /^Amount/ }), "5000000000");
    await user.click(within(dialog).getByRole("button", { name: "Continue to cancel" }));
    expect(within(dialog).getByText("Give a reason (at least 3 characters).")).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox", { name: /^Reason/ }), "Scope reduced");
    await user.click(within(dialog).getByRole("button", { name: "Continue to cancel" }));
    expect(within(dialog).getByText("Record this cancellation?")).toBeTruthy();
    expect(sent("funding.record")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Record cancellation" }));
    await screen.findByText(
      (_, el) =>
        el?.tagName === "P" && plain(el.textContent) === "Cancellation of JPY 5,000,000,000 recorded.",
    );
    expect(sent("funding.record")).toEqual([
      expect.objectContaining({
        kind: "CANCELLATION",
        bucket: "APPROVED",
        amount: 5_000_000_000,
        reason: "Scope reduced",
      }),
    ]);
  });

  it("opens a facility with its pledge; in US dollars the rate is 1", async () => {
    const { sent, user } = render(LEDGER);
    await user.click(screen.getByRole("button", { name: "Open a facility" }));
    const dialog = screen.getByRole("dialog", { name: "Open a facility" });
    await user.click(within(dialog).getByRole("button", { name: "Open facility" }));
    expect(within(dialog).getByText("Choose a financier.")).toBeTruthy();
    expect(within(dialog).getByText("Give a positive whole amount.")).toBeTruthy();
    await user.selectOptions(
      within(dialog).getByRole("combobox", { name: /Financier/ }),
      "U.S. International Development Finance Corporation — Development finance institution, US",
    );
    await user.type(within(dialog).getByRole("textbox", { name: /^Amount pledged/ }), "120000000");
    const rate = within(dialog).getByRole("textbox", { name: /Rate \(USD/ }) as HTMLInputElement;
    expect(rate.value).toBe("1");
    expect(rate.readOnly).toBe(true);
    await user.click(
      within(dialog).getByRole("checkbox", { name: "Limit to the financier's delegation and coordinators" }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Open facility" }));
    await screen.findByText(
      (_, el) =>
        el?.tagName === "P" &&
        plain(el.textContent) ===
          "U.S. International Development Finance Corporation: facility opened with a pledge of USD 120,000,000.",
    );
    expect(sent("funding.open")).toEqual([
      expect.objectContaining({
        projectId: PROJECT_ID,
        financierId: DFC,
        instrument: "LOAN",
        currency: "USD",
        amount: 120_000_000,
        usdRate: 1,
        confidential: true,
        programmeId: null,
      }),
    ]);
  });

  it("shows a reader who may record nothing no forms, and an empty ledger as such", () => {
    render({ ...LEDGER, financiers: [], facilities: [{ ...jbic, canRecord: false }] });
    expect(screen.queryByRole("button", { name: "Open a facility" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Record entry/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeTruthy();
  });

  it("says when no funding is recorded", () => {
    render({
      ...LEDGER,
      facilities: [],
      stack: { pledgedUsd: 0, committedUsd: 0, disbursedUsd: 0 },
      gapUsd: 850_000_000,
    });
    expect(screen.getByText("No funding recorded yet")).toBeTruthy();
    expect(screen.getByText(/Open a facility with a financier's pledge/)).toBeTruthy();
  });

  it("reads in Japanese", async () => {
    render(LEDGER, "ja");
    const table = screen.getByRole("table", { name: /^資金ファシリティ/ });
    const row = within(table).getByRole("row", { name: /国際協力銀行/ });
    expect(plain(row.textContent)).toContain("輸出信用機関 · JP");
    expect(plain(row.textContent)).toContain("JPY 30,000,000,000");
    expect(plain(row.textContent)).toContain("1 JPY = 0.0067 USD");
    expect(within(table).getByText("非公開")).toBeTruthy();
    await waitFor(() =>
      expect(rowsOf(screen.getByRole("table", { name: "資本構成（米ドル）" }))[3]).toEqual([
        "拠出表明・承認済み",
        "USD 241,000,000",
        "28.4%",
      ]),
    );
  });
});
