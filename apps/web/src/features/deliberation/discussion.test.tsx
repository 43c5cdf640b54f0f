import type { AppRouter } from "@lodestone/api/router";
import { ListCommentsInput, type CommentView } from "@lodestone/domain/deliberation";
import { fireEvent, screen, within } from "@testing-library/react";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { answeringLink } from "@/test/answering-link";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider } from "@/trpc/react";
import { Discussion } from "./discussion";

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

// 25 threads; the first was removed by its author but has a reply, the second is hidden.
const THREADS = Array.from({ length: 25 }, (_, i) => comment(i + 1));
THREADS[0] = comment(1, { state: "deleted", body: null, author: null, replyCount: 1 });
THREADS[1] = comment(2, { state: "hidden", body: null, hiddenReason: null });
const REPLY = comment(100, {
  parentId: uuid(1),
  depth: 1,
  stance: null,
  body: "A reply that stays readable",
});

type ListInput = z.output<typeof ListCommentsInput>;

function fakeLink(calls: ListInput[]): TRPCLink<AppRouter> {
  return answeringLink((op) => {
    if (op.path === "comment.stats") {
      return { total: 26, byStance: { SUPPORT: 0, OPPOSE: 0, NEUTRAL: 25, QUESTION: 0 } };
    }
    if (op.path !== "comment.list") {
      throw new Error(`Unexpected ${op.path}`);
    }
    // Validated as the API does (strict: an unknown key is refused).
    const parsed = ListCommentsInput.safeParse(op.input);
    if (!parsed.success) {
      throw new Error(`Invalid input: ${parsed.error.message}`);
    }
    const input = parsed.data;
    calls.push(input);
    const level = input.parentId === null ? THREADS : input.parentId === uuid(1) ? [REPLY] : [];
    const start = input.cursor ? level.findIndex((c) => c.id === input.cursor) + 1 : 0;
    const items = level.slice(start, start + input.limit);
    const more = start + input.limit < level.length;
    return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
  });
}

function renderDiscussion(props: { canComment: boolean; canModerate: boolean }) {
  const calls: ListInput[] = [];
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [fakeLink(calls)] });
  renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <Discussion projectId={PROJECT} {...props} />
    </TRPCProvider>,
    { queryClient },
  );
  return { calls };
}

describe("Discussion", () => {
  it("pages threads by cursor, keeps a removed comment's replies readable, and hides hidden text", async () => {
    const { calls } = renderDiscussion({ canComment: true, canModerate: false });
    const threads = await screen.findByRole("region", { name: "Threads" });
    await within(threads).findByText("Thread number 20");
    expect(within(threads).queryByText("Thread number 21")).toBeNull();

    // The removed thread keeps its place and its reply.
    expect(within(threads).getByRole("article", { name: "Comment removed" })).toBeTruthy();
    expect(await within(threads).findByText("A reply that stays readable")).toBeTruthy();
    // The hidden thread says so, without its text.
    expect(within(threads).getByText("This comment was hidden by a coordinator.")).toBeTruthy();
    expect(within(threads).queryByText("Thread number 2")).toBeNull();

    fireEvent.click(within(threads).getByRole("button", { name: "Load more threads" }));
    await within(threads).findByText("Thread number 25");
    expect(within(threads).queryByRole("button", { name: "Load more threads" })).toBeNull();
    const topLevel = calls.filter((c) => c.parentId === null);
    expect(topLevel.map((c) => c.cursor ?? null)).toEqual([null, uuid(20)]);
    expect(screen.getByText("26 comments")).toBeTruthy();
  });

  it("offers no form to a reader who may not comment, and no moderation to a delegate", async () => {
    renderDiscussion({ canComment: false, canModerate: false });
    await screen.findByText("Thread number 3");
    expect(screen.queryByRole("button", { name: "Post comment" })).toBeNull();
    expect(
      screen.getByText(/Delegates, coordinators and the proposing organisation can comment/),
    ).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: "Reply" })).toHaveLength(0);
    expect(screen.queryAllByRole("button", { name: "Hide" })).toHaveLength(0);
  });

  it("gives a moderator Hide on visible comments and Show again on hidden ones", async () => {
    renderDiscussion({ canComment: true, canModerate: true });
    const hidden = await screen.findByText("This comment was hidden by a coordinator.");
    const article = hidden.closest("article")!;
    expect(within(article).getByRole("button", { name: "Show again" })).toBeTruthy();
    const visible = screen.getByText("Thread number 3").closest("article")!;
    expect(within(visible).getByRole("button", { name: "Hide" })).toBeTruthy();
    expect(within(visible).queryByRole("button", { name: "Edit" })).toBeNull();
  });
});
