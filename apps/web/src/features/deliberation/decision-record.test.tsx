import type { AppRouter } from "@lodestone/api/router";
import type { DecisionRecord, VerifyResult } from "@lodestone/domain/decision-record";
import { fireEvent, screen, within } from "@testing-library/react";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider } from "@/trpc/react";
import { DecisionRecordView } from "./decision-record";

const FINGERPRINT = "SHA256:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const SHA = "c".repeat(64);
const VOTER_A = "00000000-0000-4000-8000-00000000000a";
const VOTER_B = "00000000-0000-4000-8000-00000000000b";

const DELEGATIONS = [
  { code: "US", nameEn: "United States", nameJa: "アメリカ合衆国" },
  { code: "JP", nameEn: "Japan", nameJa: "日本" },
];

function makeRecord(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  const result = {
    approve: 1,
    reject: 0,
    abstain: 0,
    eligible: 1,
    didNotVote: 0,
    required: true,
    quorumMet: true,
    approved: true,
  };
  return {
    id: "7d1c2b3a-0000-4000-8000-000000000001",
    project: {
      id: "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f",
      reference: "LD-0001",
      title: { en: "Separation plant", ja: "分離プラント" },
    },
    revision: { id: "3d7e9a10-6a2b-4c1d-9e8f-000000000002", number: 2, contentHash: "d".repeat(64) },
    rule: {
      countedDelegations: ["JP", "US"],
      requiredDelegations: ["JP", "US"],
      quorum: 0.5,
      approval: "MORE_APPROVE_THAN_REJECT",
    },
    delegations: { US: result, JP: result },
    approved: true,
    outcome: "APPROVED",
    rationale: "Both delegations approved.",
    recordedBy: { id: "c1", name: "Carol Coordinator" },
    recordedAt: "2026-11-20T01:00:00.000Z",
    votes: [
      {
        voterId: VOTER_A,
        name: "Alice Delegate",
        delegation: "US",
        choice: "APPROVE",
        reason: "The water plan is now sound.",
        at: "2026-11-19T03:00:00.000Z",
        history: [
          { choice: "REJECT", reason: "The water plan is thin.", at: "2026-11-18T03:00:00.000Z" },
          { choice: "APPROVE", reason: "The water plan is now sound.", at: "2026-11-19T03:00:00.000Z" },
        ],
      },
      {
        voterId: VOTER_B,
        name: "Kenji Delegate",
        delegation: "JP",
        choice: "APPROVE",
        reason: null,
        at: "2026-11-19T04:00:00.000Z",
        history: [{ choice: "APPROVE", reason: null, at: "2026-11-19T04:00:00.000Z" }],
      },
    ],
    seal: {
      // The record's content is not what this page reads; a stand-in keeps the fixture short.
      record: {} as NonNullable<DecisionRecord["seal"]>["record"],
      sha256: SHA,
      signature: "c2lnbmF0dXJl",
      signingKey: { algorithm: "Ed25519", fingerprint: FINGERPRINT, publicKey: "cHVibGlj" },
    },
    ...overrides,
  };
}

function fakeLink(verify: VerifyResult): TRPCLink<AppRouter> {
  return answeringLink((op) => {
    if (op.path === "delegation.list") return DELEGATIONS;
    if (op.path === "review.verify") return verify;
    throw new Error(`Unexpected ${op.path}`);
  });
}

function renderRecord(
  record: DecisionRecord,
  {
    locale = "en",
    verify = { verified: true, problems: [] },
  }: { locale?: "en" | "ja"; verify?: VerifyResult } = {},
) {
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [fakeLink(verify)] });
  return renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <DecisionRecordView record={record} />
    </TRPCProvider>,
    { queryClient, locale },
  );
}

describe("DecisionRecordView", () => {
  it("lists each counted vote with its delegation, reason and earlier votes", async () => {
    renderRecord(makeRecord());
    const table = screen.getByRole("table", { name: /Each counted vote/ });
    const alice = within(table).getByRole("rowheader", { name: "Alice Delegate" }).closest("tr")!;
    expect(within(alice).getByText("The water plan is now sound.")).toBeTruthy();
    expect(within(alice).getByText("Approve")).toBeTruthy();
    expect(await within(alice).findByText("United States (US)")).toBeTruthy();
    // The earlier vote, with its reason, under the counted one; the counted one is not repeated.
    expect(within(table).getByText("Earlier votes by Alice Delegate:")).toBeTruthy();
    expect(within(table).getByText(/The water plan is thin\./)).toBeTruthy();
    expect(within(table).getAllByRole("listitem")).toHaveLength(1);
    // No reason: a dash.
    const kenji = within(table).getByRole("rowheader", { name: "Kenji Delegate" }).closest("tr")!;
    expect(within(kenji).getByText("—")).toBeTruthy();
  });

  it("shows the seal and checks the signature when Verify is pressed", async () => {
    const record = makeRecord();
    renderRecord(record);
    expect(screen.getByTestId("seal-fingerprint").textContent).toBe(FINGERPRINT);
    expect(screen.getByText(SHA)).toBeTruthy();
    expect(screen.getByText("Ed25519")).toBeTruthy();
    expect(
      screen.getByText(`pnpm verify:decision FILE --fingerprint ${FINGERPRINT}`, { selector: "code" }),
    ).toBeTruthy();
    expect(screen.getByText("/trpc/review.signingKey", { selector: "code" })).toBeTruthy();
    expect(screen.getByTestId("signature-status").textContent).toBe(
      "Signature: not yet checked — press Verify",
    );
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText("Signature valid")).toBeTruthy();

    // The download is exactly the record, votes and seal included.
    const href = screen.getByRole("link", { name: "Download as JSON" }).getAttribute("href")!;
    const downloaded = JSON.parse(
      decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, "")),
    );
    expect(downloaded).toEqual(record);
  });

  it("says when the signature does not verify", async () => {
    renderRecord(makeRecord(), { verify: { verified: false, problems: [{ kind: "signature" }] } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText("Signature does NOT verify")).toBeTruthy();
    expect(screen.getByTestId("signature-status").getAttribute("data-signature")).toBe("invalid");
  });

  it("says a decision recorded before sealing has no seal, in Japanese too", () => {
    renderRecord(makeRecord({ seal: null }), { locale: "ja" });
    expect(screen.getByText("この決定は、記録の封印が始まる前に記録されました。")).toBeTruthy();
    expect(screen.queryByTestId("signature-status")).toBeNull();
    expect(screen.getByRole("heading", { name: "投票と理由" })).toBeTruthy();
    expect(screen.getByText("The water plan is now sound.")).toBeTruthy();
  });

  it("shows the seal in Japanese", async () => {
    renderRecord(makeRecord(), { locale: "ja" });
    expect(screen.getByText("署名鍵のフィンガープリント")).toBeTruthy();
    expect(screen.getByTestId("seal-fingerprint").textContent).toBe(FINGERPRINT);
    expect(screen.getByTestId("signature-status").textContent).toBe(
      "署名：未確認です。「検証」を押してください",
    );
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    expect(await screen.findByText("署名は有効です")).toBeTruthy();
  });
});
