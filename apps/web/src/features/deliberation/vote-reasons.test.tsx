import type { AppRouter } from "@lodestone/api/router";
import type { VoteView } from "@lodestone/domain/decision-record";
import { ListVotesInput } from "@lodestone/domain/deliberation";
import { fireEvent, screen, within } from "@testing-library/react";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { answeringLink } from "@/test/answering-link";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider } from "@/trpc/react";
import { RoundVoteReasons, VOTE_PAGE_SIZE } from "./vote-reasons";

const ROUND = "7b0f2c4e-2f55-4d8a-9c1e-0d4b8a6f1e21";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const VOTES: VoteView[] = Array.from({ length: VOTE_PAGE_SIZE + 3 }, (_, i) => ({
  voterId: uuid(i + 1),
  name: `Delegate ${i + 1}`,
  delegation: i % 2 ? "JP" : "US",
  choice: i % 3 ? "APPROVE" : "REJECT",
  reason: i % 3 ? null : `Reason of delegate ${i + 1}`,
  at: "2026-11-19T03:00:00.000Z",
  history: [{ choice: i % 3 ? "APPROVE" : "REJECT", reason: null, at: "2026-11-19T03:00:00.000Z" }],
}));

type Input = z.output<typeof ListVotesInput>;

function fakeLink(calls: Input[], forbidden = false): TRPCLink<AppRouter> {
  return answeringLink((op) => {
    if (op.path === "delegation.list") return [];
    if (op.path !== "review.votes") {
      throw new Error(`Unexpected ${op.path}`);
    }
    const parsed = ListVotesInput.safeParse(op.input);
    if (!parsed.success || forbidden) {
      throw new Error(forbidden ? "Forbidden" : parsed.error!.message);
    }
    const input = parsed.data;
    calls.push(input);
    const start = input.cursor ? VOTES.findIndex((v) => v.voterId === input.cursor) + 1 : 0;
    const items = VOTES.slice(start, start + input.limit);
    return { items, nextCursor: start + input.limit < VOTES.length ? items.at(-1)!.voterId : null };
  });
}

function renderVotes(locale: "en" | "ja" = "en", forbidden = false) {
  const calls: Input[] = [];
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [fakeLink(calls, forbidden)] });
  renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <RoundVoteReasons roundId={ROUND} isOpen={false} />
    </TRPCProvider>,
    { queryClient, locale },
  );
  return { calls };
}

describe("RoundVoteReasons", () => {
  it("pages the votes by cursor and shows each reason", async () => {
    const { calls } = renderVotes();
    const table = await screen.findByRole("table");
    expect(within(table).getByText("Reason of delegate 1")).toBeTruthy();
    expect(within(table).queryByText("Delegate 51")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Load more votes" }));
    expect(await within(table).findByText("Delegate 53")).toBeTruthy();
    expect(within(table).getByText("Reason of delegate 52")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more votes" })).toBeNull();
    expect(calls.map((c) => c.cursor ?? null)).toEqual([null, uuid(VOTE_PAGE_SIZE)]);
  });

  it("labels the table in Japanese", async () => {
    renderVotes("ja");
    const table = await screen.findByRole("table");
    expect(within(table).getByRole("columnheader", { name: "理由" })).toBeTruthy();
    expect(within(table).getAllByText("反対").length).toBeGreaterThan(0);
  });

  it("says when the votes cannot be loaded, and offers to try again", async () => {
    renderVotes("en", true);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The votes could not be loaded.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
