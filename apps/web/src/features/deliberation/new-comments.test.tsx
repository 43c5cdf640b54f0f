import type { AppRouter } from "@lodestone/api/router";
import { ListCommentsInput, type CommentView } from "@lodestone/domain/deliberation";
import type { EventType } from "@lodestone/domain/events";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createTRPCClient } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { LiveEventsProvider } from "@/features/live/live-events";
import { LiveIndicator } from "@/features/live/live-indicator";
import { LiveStatusProvider } from "@/features/live/live-status";
import { fakeLiveFeed } from "@/test/live-feed";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider } from "@/trpc/react";
import { Discussion } from "./discussion";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

const PROJECT = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function comment(n: number, overrides: Partial<CommentView> = {}): CommentView {
  return {
    id: uuid(n),
    parentId: null,
    depth: 0,
    stance: "NEUTRAL",
    body: `Thread number ${n}`,
    author: { id: "a", name: `Author ${n}` },
    state: "visible",
    hiddenReason: null,
    edited: false,
    replyCount: 0,
    createdAt: "2026-11-20T01:00:00.000Z",
    canEdit: false,
    ...overrides,
  };
}

/** The discussion as the API has it now: the tests change it, then the feed says so. */
let server: CommentView[];

function renderLiveDiscussion(locale: "en" | "ja" = "en") {
  const feed = fakeLiveFeed();
  const listCalls: { parentId: string | null }[] = [];
  const link = feed.link((op) => {
    if (op.path === "comment.stats") {
      return {
        total: server.length,
        byStance: { SUPPORT: 0, OPPOSE: 0, NEUTRAL: server.length, QUESTION: 0 },
      };
    }
    if (op.path !== "comment.list") throw new Error(`Unexpected ${op.path}`);
    const input = ListCommentsInput.parse(op.input);
    listCalls.push({ parentId: input.parentId });
    const items = server
      .filter((c) => c.parentId === input.parentId)
      .map((c) => ({ ...c, replyCount: server.filter((r) => r.parentId === c.id).length }));
    return { items, nextCursor: null };
  });
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const view = renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <LiveStatusProvider>
        <LiveIndicator />
        <LiveEventsProvider>
          <Discussion projectId={PROJECT} canComment canModerate={false} />
        </LiveEventsProvider>
      </LiveStatusProvider>
    </TRPCProvider>,
    { queryClient, locale },
  );
  /** The feed reports a change to a comment (by someone else unless `mine`). */
  const say = (type: EventType, c: CommentView, mine = false) =>
    act(() =>
      feed.emit({
        type,
        projectId: PROJECT,
        subject: { type: "Comment", id: c.id },
        data: { commentId: c.id, parentId: c.parentId },
        mine,
        at: "2026-11-20T02:00:00.000Z",
      }),
    );
  const announcements = () => view.container.querySelector("[data-live]")!.textContent;
  return { feed, say, listCalls, announcements };
}

const threads = () => screen.getByRole("region", { name: "Threads" });

beforeEach(() => {
  server = [comment(1)];
});

describe("new comments arriving live", () => {
  it("wait behind “N new comments — show”, even when the list is read again, then show with focus on the first", async () => {
    const { say, announcements } = renderLiveDiscussion();
    await within(threads()).findByText("Thread number 1");

    const second = comment(2);
    server.push(second);
    await say("comment.posted", second);
    expect(await within(threads()).findByRole("button", { name: "1 new comment — show" })).toBeTruthy();
    expect(announcements()).toBe("1 new comment");
    expect(within(threads()).queryByText("Thread number 2")).toBeNull();

    // An edit elsewhere reads the list again in place; the new comment keeps waiting.
    server[0] = { ...server[0]!, body: "Thread number 1, edited", edited: true };
    await say("comment.edited", server[0]);
    await within(threads()).findByText("Thread number 1, edited");
    expect(within(threads()).queryByText("Thread number 2")).toBeNull();

    const third = comment(3);
    server.push(third);
    await say("comment.posted", third);
    const show = await within(threads()).findByRole("button", { name: "2 new comments — show" });
    expect(announcements()).toBe("2 new comments");

    await userEvent.click(show);
    const shown = await within(threads()).findByText("Thread number 2");
    expect(within(threads()).getByText("Thread number 3")).toBeTruthy();
    expect(within(threads()).queryByRole("button", { name: /new comment/ })).toBeNull();
    expect(document.activeElement).toBe(shown.closest("article"));

    // One the list has never read: shown, and focused, all the same.
    const fourth = comment(4);
    server.push(fourth);
    await say("comment.posted", fourth);
    await userEvent.click(await within(threads()).findByRole("button", { name: "1 new comment — show" }));
    const last = await within(threads()).findByText("Thread number 4");
    expect(document.activeElement).toBe(last.closest("article"));
  });

  it("a first reply waits under its thread as “1 new reply — show”", async () => {
    const { say } = renderLiveDiscussion();
    const thread = (await within(threads()).findByText("Thread number 1")).closest("li")!;

    const reply = comment(10, { parentId: uuid(1), depth: 1, stance: null, body: "A reply from Canberra" });
    server.push(reply);
    await say("comment.posted", reply);
    const show = await within(thread).findByRole("button", { name: "1 new reply — show" });
    expect(screen.queryByText("A reply from Canberra")).toBeNull();

    await userEvent.click(show);
    const shown = await within(thread).findByText("A reply from Canberra");
    expect(document.activeElement).toBe(shown.closest("article"));
    expect(within(thread).queryByRole("button", { name: /new repl/ })).toBeNull();
  });

  it("the reader's own comment (from another tab) appears at once; a removed new comment stops waiting", async () => {
    const { say, listCalls } = renderLiveDiscussion();
    await within(threads()).findByText("Thread number 1");

    const mine = comment(2);
    server.push(mine);
    await say("comment.posted", mine, true);
    expect(await within(threads()).findByText("Thread number 2")).toBeTruthy();
    expect(within(threads()).queryByRole("button", { name: /new comment/ })).toBeNull();

    const theirs = comment(3);
    server.push(theirs);
    const callsBefore = listCalls.length;
    await say("comment.posted", theirs);
    await within(threads()).findByRole("button", { name: "1 new comment — show" });
    // Only marked out of date: the list is not read for it.
    expect(listCalls.length).toBe(callsBefore);

    server[2] = { ...theirs, state: "deleted", body: null, author: null };
    await say("comment.deleted", server[2]);
    await within(threads()).findByText("This comment was removed by its author.");
    expect(within(threads()).queryByRole("button", { name: /new comment/ })).toBeNull();
  });

  it("says it in Japanese", async () => {
    const { say, announcements } = renderLiveDiscussion("ja");
    const list = await screen.findByRole("region", { name: "スレッド" });
    await within(list).findByText("Thread number 1");
    const second = comment(2);
    server.push(second);
    await say("comment.posted", second);
    expect(await within(list).findByRole("button", { name: "新しいコメント 1件 — 表示する" })).toBeTruthy();
    expect(announcements()).toBe("新しいコメント 1件");
  });
});
