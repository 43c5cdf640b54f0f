import type { AppRouter } from "@lodestone/api/router";
import type { Role } from "@lodestone/domain/enums";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider } from "@/trpc/react";
import { ReviewPanel } from "./review-panel";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

type RoundView = inferRouterOutputs<AppRouter>["review"]["round"];

const PROJECT = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const ROUND = "7b0f2c4e-2f55-4d8a-9c1e-0d4b8a6f1e21";

function makeRound(overrides: Partial<RoundView> = {}): RoundView {
  return {
    id: ROUND,
    projectId: PROJECT,
    revision: { id: "3d7e9a10-6a2b-4c1d-9e8f-000000000002", number: 2, contentHash: "d".repeat(64) },
    status: "OPEN",
    rule: {
      countedDelegations: ["JP", "US"],
      requiredDelegations: ["JP", "US"],
      quorum: 0.5,
      approval: "MORE_APPROVE_THAN_REJECT",
    },
    opensAt: "2026-11-18T00:00:00.000Z",
    closesAt: "2026-11-25T00:00:00.000Z",
    voters: 1,
    myVote: null,
    myVoteHistory: [],
    results: null,
    electorate: { byDelegation: { US: 2, JP: 3 }, changedSince: 0, includesMe: true },
    reasonsVisible: false,
    hasDecision: false,
    decisionId: null,
    ...overrides,
  } as RoundView;
}

/** `answer`: the round as the API returns it (a function: as it is at the time of the call). */
function fakeLink(answer: RoundView | (() => RoundView), paths: string[]): TRPCLink<AppRouter> {
  const current = typeof answer === "function" ? answer : () => answer;
  return answeringLink((op) => {
    paths.push(op.path);
    if (op.path === "review.castVote") return { ok: true };
    const round = current();
    if (op.path === "delegation.list") return [];
    if (op.path === "notifications.followState") {
      return { choice: null, projectChoice: null, relations: ["elector"], state: "FOLLOWING" };
    }
    if (op.path === "review.rounds") {
      return [
        {
          id: round.id,
          status: round.status,
          opensAt: round.opensAt,
          closesAt: round.closesAt,
          voters: round.voters,
          hasDecision: false,
          decisionId: null,
        },
      ];
    }
    if (op.path === "review.round") return round;
    if (op.path === "review.votes") {
      return {
        items: [
          {
            voterId: "00000000-0000-4000-8000-00000000000a",
            name: "Alice Delegate",
            delegation: "US",
            choice: "REJECT",
            reason: "The water plan is thin.",
            at: "2026-11-19T03:00:00.000Z",
            history: [
              { choice: "REJECT", reason: "The water plan is thin.", at: "2026-11-19T03:00:00.000Z" },
            ],
          },
        ],
        nextCursor: null,
      };
    }
    throw new Error(`Unexpected ${op.path}`);
  });
}

function renderPanel(round: RoundView | (() => RoundView), role: Role, locale: "en" | "ja" = "en") {
  const paths: string[] = [];
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [fakeLink(round, paths)] });
  renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <ReviewPanel projectId={PROJECT} projectStatus="IN_REVIEW" role={role} />
    </TRPCProvider>,
    { queryClient, locale },
  );
  return { paths };
}

describe("ReviewPanel", () => {
  it("says the electorate was fixed when the round opened, and who changed since", async () => {
    renderPanel(
      makeRound({ electorate: { byDelegation: { US: 2, JP: 3 }, changedSince: 1, includesMe: true } }),
      "DELEGATE",
    );
    const electorate = await screen.findByTestId("electorate");
    expect(electorate.textContent).toContain(
      "The electorate was fixed when this round opened: 5 delegates (JP 3 and US 2).",
    );
    expect(electorate.textContent).toContain("1 member of the electorate has left or moved");
    expect(screen.queryByTestId("not-in-electorate")).toBeNull();
    expect(screen.getByRole("button", { name: "Cast vote" })).toBeTruthy();
    // The current round can be followed or muted, and says why the reader follows it.
    const follow = screen.getByRole("region", { name: "Notifications about this round" });
    expect(
      await within(follow).findByText("You follow this because you are in its electorate.", { exact: false }),
    ).toBeTruthy();
  });

  it("tells a delegate outside the electorate they cannot vote, without the form", async () => {
    renderPanel(
      makeRound({ electorate: { byDelegation: { US: 2 }, changedSince: 0, includesMe: false } }),
      "DELEGATE",
      "ja",
    );
    const note = await screen.findByTestId("not-in-electorate");
    expect(note.textContent).toBe(
      "あなたはこのラウンドの投票資格者ではありません。ラウンド開始後に加わったため、このラウンドでは投票できません。",
    );
    expect(screen.queryByRole("button", { name: "投票する" })).toBeNull();
    expect(screen.getByTestId("electorate").textContent).toContain("US 2人");
  });

  it("lists votes and reasons when the reader may see them, and does not ask otherwise", async () => {
    const { paths } = renderPanel(makeRound({ reasonsVisible: true }), "COORDINATOR");
    const table = await screen.findByRole("table", { name: /Each counted vote/ });
    expect(within(table).getByText("The water plan is thin.")).toBeTruthy();
    expect(paths).toContain("review.votes");
  });

  for (const [locale, words] of [
    ["en", { approve: "Approve", cast: "Cast vote", recorded: "Your vote is recorded: Approve." }],
    ["ja", { approve: "承認", cast: "投票する", recorded: "投票を記録しました：承認" }],
  ] as const) {
    it(`keeps keyboard focus on the message that the vote is recorded, as the form starts afresh (${locale})`, async () => {
      const user = userEvent.setup();
      let voted = false;
      renderPanel(
        () =>
          voted
            ? makeRound({
                voters: 2,
                myVote: { choice: "APPROVE", reason: null, at: "2026-11-19T04:00:00.000Z" },
              })
            : makeRound(),
        "DELEGATE",
        locale,
      );
      await user.click(await screen.findByRole("radio", { name: words.approve }));
      voted = true;
      await user.click(screen.getByRole("button", { name: words.cast }));
      const message = await screen.findByText(words.recorded);
      // The round is read again: the form is replaced by one that starts from the new vote.
      await screen.findByTestId("my-vote");
      expect(document.activeElement).toBe(message);
      expect(message.closest('[role="status"]')).not.toBeNull();
    });
  }

  it("does not ask for the votes before they may be seen", async () => {
    const { paths } = renderPanel(makeRound({ reasonsVisible: false }), "DELEGATE");
    expect(
      await screen.findByText("Every vote and its reason are shown to everyone when the round closes."),
    ).toBeTruthy();
    expect(paths).not.toContain("review.votes");
  });
});
