import type { AppRouter } from "@lodestone/api/router";
import type { EventType, LiveEvent } from "@lodestone/domain/events";
import { useQuery } from "@tanstack/react-query";
import { act, screen, waitFor } from "@testing-library/react";
import { createTRPCClient } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeLiveFeed } from "@/test/live-feed";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider, useTRPC } from "@/trpc/react";
import { LiveEventsProvider, useLiveEvents } from "./live-events";
import { LiveIndicator } from "./live-indicator";
import { LiveStatusProvider } from "./live-status";

const router = vi.hoisted(() => ({ refresh: vi.fn(), push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const PROJECT = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const OTHER_PROJECT = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const ROUND = "00000000-0000-4000-8000-000000000001";
const OTHER_ROUND = "00000000-0000-4000-8000-000000000002";

function event(type: EventType, projectId = PROJECT, roundId = ROUND): LiveEvent {
  return {
    type,
    projectId,
    subject: { type: "ReviewRound", id: roundId },
    data: { roundId },
    mine: false,
    at: "2026-11-20T02:00:00.000Z",
  };
}

/** A page that shows the project's turnout, and hears the votes in it. */
function RoundPage({ heard }: { heard: LiveEvent[] }) {
  const trpc = useTRPC();
  const round = useQuery(trpc.review.round.queryOptions({ roundId: ROUND }));
  useLiveEvents({ projectId: PROJECT, types: ["vote.cast", "vote.changed"] }, (e) => heard.push(e));
  return <p>{round.data ? `Voters: ${(round.data as { voters: number }).voters}` : "Loading"}</p>;
}

function renderFeed() {
  const feed = fakeLiveFeed();
  let voters = 1;
  const reads = { round: 0 };
  const link = feed.link((op) => {
    if (op.path !== "review.round") throw new Error(`Unexpected ${op.path}`);
    reads.round += 1;
    return { id: ROUND, voters };
  });
  const heard: LiveEvent[] = [];
  const queryClient = makeTestQueryClient();
  const view = renderWithProviders(
    <TRPCProvider trpcClient={createTRPCClient<AppRouter>({ links: [link] })} queryClient={queryClient}>
      <LiveStatusProvider>
        <LiveIndicator />
        <LiveEventsProvider>
          <RoundPage heard={heard} />
        </LiveEventsProvider>
      </LiveStatusProvider>
    </TRPCProvider>,
    { queryClient },
  );
  const region = () => view.container.querySelector<HTMLElement>("[data-live]")!;
  return {
    feed,
    heard,
    reads,
    region,
    vote: () => (voters += 1),
    send: (e: LiveEvent) => act(() => feed.emit(e)),
  };
}

beforeEach(() => {
  router.refresh.mockClear();
});

describe("LiveEventsProvider", () => {
  it("reads what an event changed again, and hands the event to the components that asked for it", async () => {
    const { vote, send, heard, reads } = renderFeed();
    await screen.findByText("Voters: 1");
    expect(reads.round).toBe(1);

    vote();
    await send(event("vote.cast"));
    await screen.findByText("Voters: 2");
    expect(heard.map((e) => e.type)).toEqual(["vote.cast"]);

    // A vote in another project: not heard here. A change of this round's rule, which the page
    // did not ask to hear: not heard, but the round is read again all the same.
    await send(event("vote.cast", OTHER_PROJECT, OTHER_ROUND));
    await send(event("review_round.rule_changed"));
    await waitFor(() => expect(reads.round).toBe(3));
    expect(heard.map((e) => e.type)).toEqual(["vote.cast"]);
  });

  it("is quiet while live, says updates are paused while it reconnects, and that they are back", async () => {
    const { feed, region } = renderFeed();
    await waitFor(() => expect(region().dataset.live).toBe("live"));
    expect(region().textContent).toBe("");

    act(() => feed.drop());
    expect(region().textContent).toBe("Live updates are paused. Reconnecting…");

    act(() => feed.reconnect());
    expect(region().dataset.live).toBe("live");
    expect(region().textContent).toBe("Live updates are back on.");
  });

  it("resumes after a drop without reading anything again once it has an event's position", async () => {
    const { feed, send, reads } = renderFeed();
    await screen.findByText("Voters: 1");
    await send(event("review_round.opened"));
    act(() => feed.drop());
    act(() => feed.reconnect());
    expect(router.refresh).not.toHaveBeenCalled();
    expect(reads.round).toBe(1);
  });

  it("reads every live query again when it starts afresh (no event received before the drop)", async () => {
    const { feed, reads } = renderFeed();
    await screen.findByText("Voters: 1");
    act(() => feed.drop());
    act(() => feed.reconnect());
    await waitFor(() => expect(reads.round).toBe(2));
    expect(router.refresh).toHaveBeenCalledTimes(1);
  });

  it("subscribes again by itself after the feed failed, afresh, and reads everything again", async () => {
    const { feed, send, reads, region } = renderFeed();
    await screen.findByText("Voters: 1");
    await send(event("review_round.opened"));
    act(() => feed.fail("NOT_FOUND"));
    expect(reads.round).toBe(1);
    expect(region().textContent).toBe("Live updates are paused. Reconnecting…");

    await waitFor(() => expect(feed.subscriptions()).toBe(2), { timeout: 5_000 });
    await waitFor(() => expect(reads.round).toBe(2));
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(region().dataset.live).toBe("live");
  });

  it("when refused because the session ended, reads what the page shows again (which sends the reader to sign in)", async () => {
    const { feed, reads, region } = renderFeed();
    await screen.findByText("Voters: 1");
    // Refused every time from now on: the feed never starts again, so only the refusal reads.
    feed.refuse("UNAUTHORIZED");
    act(() => feed.fail("UNAUTHORIZED"));
    await waitFor(() => expect(reads.round).toBe(2));
    expect(region().dataset.live).toBe("paused");
  });
});
