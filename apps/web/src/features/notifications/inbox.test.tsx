import { ListNotificationsInput, UpdateNotificationsInput } from "@lodestone/domain/notifications";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { Inbox } from "./inbox";
import type { InboxItem } from "./types";

const router = { replace: vi.fn(), push: vi.fn(), prefetch: vi.fn(), refresh: vi.fn() };
let search = "";
vi.mock("next/navigation", () => ({
  useRouter: () => router,
  usePathname: () => "/inbox",
  useSearchParams: () => new URLSearchParams(search),
}));

const PROJECT = {
  id: "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f",
  reference: "LD-0019",
  titleEn: "Magnet Hub",
  titleJa: "磁石拠点",
};
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function item(n: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: uuid(n),
    reason: "VOTE_DUE",
    eventType: "review_round.opened",
    actorName: "Thomas Reyes",
    project: PROJECT,
    subject: { type: "ROUND", id: uuid(900 + n) },
    data: { roundId: uuid(900 + n) },
    createdAt: "2026-11-20T01:00:00.000Z",
    readAt: null,
    doneAt: null,
    savedAt: null,
    snoozedUntil: null,
    ...overrides,
  };
}

type ListInput = z.output<typeof ListNotificationsInput>;
type UpdateInput = z.output<typeof UpdateNotificationsInput>;

function renderInbox(
  pages: InboxItem[],
  { locale = "en", onUpdate }: { locale?: "en" | "ja"; onUpdate?: (input: UpdateInput) => unknown } = {},
) {
  const lists: ListInput[] = [];
  const updates: UpdateInput[] = [];
  let items = pages;
  const link = answeringLink((op) => {
    if (op.path === "notifications.list") {
      const input = ListNotificationsInput.parse(op.input);
      lists.push(input);
      const start = input.cursor ? items.findIndex((i) => i.id === input.cursor) + 1 : 0;
      const page = items.slice(start, start + input.limit);
      return { items: page, nextCursor: start + input.limit < items.length ? page.at(-1)!.id : null };
    }
    if (op.path === "notifications.update") {
      const input = UpdateNotificationsInput.parse(op.input);
      updates.push(input);
      const answer = onUpdate?.(input);
      if (input.done) items = items.filter((i) => !input.ids.includes(i.id));
      return answer ?? { changed: input.ids.length };
    }
    if (op.path === "notifications.unread") return { unread: 1 };
    if (op.path === "notifications.markAllRead") return { changed: 2 };
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<Inbox />, link, { locale, timeZone: "Asia/Tokyo" });
  return { lists, updates };
}

/** The notifications shown (not the views' tabs). */
async function shownRows(): Promise<HTMLElement[]> {
  return within(await screen.findByRole("list", { name: "Notifications" })).getAllByRole("listitem");
}

beforeEach(() => {
  search = "";
  router.replace.mockReset();
});

describe("Inbox", () => {
  it("lists notifications newest first, unread ones marked, with the project and the time, page by page", async () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      item(
        i + 1,
        i === 1
          ? {
              readAt: "2026-11-20T02:00:00.000Z",
              reason: "MENTION",
              eventType: "comment.posted",
              data: { commentId: uuid(77) },
            }
          : {},
      ),
    );
    const { lists } = renderInbox(items);
    const list = await screen.findByRole("list", { name: "Notifications" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(25);
    expect(rows[0]!.getAttribute("data-read")).toBe("false");
    expect(within(rows[0]!).getByText("Unread:")).toBeTruthy();
    const first = within(rows[0]!).getByRole("link", { name: "Your vote is due" });
    expect(first.getAttribute("href")).toBe(`/projects/${PROJECT.id}/review`);
    expect(rows[0]!.textContent).toContain("LD-0019 Magnet Hub");
    // The reader's zone (Asia/Tokyo): 01:00 UTC is 10:00 there.
    expect(within(rows[0]!).getByText("Nov 20, 2026, 10:00 AM")).toBeTruthy();
    expect(rows[1]!.getAttribute("data-read")).toBe("true");
    expect(
      within(rows[1]!).getByRole("link", { name: "Thomas Reyes mentioned you" }).getAttribute("href"),
    ).toBe(`/projects/${PROJECT.id}/discussion#comment-${uuid(77)}`);
    expect(lists[0]).toMatchObject({ view: "inbox", limit: 25 });

    fireEvent.click(screen.getByRole("button", { name: "Load more notifications" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(30));
    expect(lists.at(-1)).toMatchObject({ view: "inbox", cursor: uuid(25) });
    expect(screen.queryByRole("button", { name: "Load more notifications" })).toBeNull();
  });

  it("marks read, done, saved; a done one leaves the inbox and the page says so where focus goes", async () => {
    const { updates } = renderInbox([item(1), item(2)]);
    const row = (await shownRows())[0]!;
    const user = userEvent.setup();
    await user.click(within(row).getByRole("button", { name: "Mark as read" }));
    await waitFor(() => expect(updates).toContainEqual({ ids: [uuid(1)], read: true }));
    expect(await screen.findByText("Marked as read.")).toBeTruthy();
    await user.click(within(row).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(updates).toContainEqual({ ids: [uuid(1)], saved: true }));
    await user.click(within(row).getByRole("button", { name: "Mark as done" }));
    await waitFor(() => expect(updates).toContainEqual({ ids: [uuid(1)], done: true }));
    const notice = await screen.findByText("Marked as done.");
    await waitFor(() => expect(document.activeElement).toBe(notice));
    await waitFor(async () => expect(await shownRows()).toHaveLength(1));
  });

  it("opening a notification marks it read", async () => {
    const { updates } = renderInbox([item(1)]);
    const link = await screen.findByRole("link", { name: "Your vote is due" });
    link.addEventListener("click", (event) => event.preventDefault());
    fireEvent.click(link);
    await waitFor(() => expect(updates).toContainEqual({ ids: [uuid(1)], read: true }));
  });

  it("snoozes to 08:00 of the chosen day in the reader's zone, and shows the API's refusal", async () => {
    const { updates } = renderInbox([item(1)], {
      onUpdate: (input) => {
        if (input.snoozedUntil === "2020-01-01T23:00:00.000Z") {
          throw new Error("Choose a time in the future to snooze until.");
        }
      },
    });
    const row = (await shownRows())[0]!;
    const user = userEvent.setup();
    const toggle = within(row).getByRole("button", { name: "Snooze…" });
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const day = within(row).getByLabelText("Snooze until") as HTMLInputElement;
    expect(day.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      within(row).getByText("It comes back to your inbox at 08:00 on that day (Asia/Tokyo)."),
    ).toBeTruthy();

    fireEvent.change(day, { target: { value: "2020-01-02" } });
    await user.click(within(row).getByRole("button", { name: "Snooze" }));
    expect((await within(row).findByRole("alert")).textContent).toContain(
      "Choose a time in the future to snooze until.",
    );

    fireEvent.change(day, { target: { value: "2099-03-10" } });
    await user.click(within(row).getByRole("button", { name: "Snooze" }));
    // 08:00 in Tokyo is 23:00 UTC the day before.
    await waitFor(() =>
      expect(updates).toContainEqual({ ids: [uuid(1)], snoozedUntil: "2099-03-09T23:00:00.000Z" }),
    );
    expect(await screen.findByText("Snoozed until Mar 10, 2099, 8:00 AM.")).toBeTruthy();
  });

  it("filters by a reason, only it or all but it, in the address", async () => {
    search = "reason=MENTION&mode=except";
    const { lists } = renderInbox([item(1)]);
    await shownRows();
    expect(lists[0]).toMatchObject({ exceptReasons: ["MENTION"] });
    expect(lists[0]!.reasons).toBeUndefined();
    const reason = screen.getByLabelText("Reason") as HTMLSelectElement;
    expect(reason.value).toBe("MENTION");
    expect((screen.getByLabelText("Show") as HTMLSelectElement).value).toBe("except");
    fireEvent.change(reason, { target: { value: "VOTE_DUE" } });
    expect(router.replace).toHaveBeenCalledWith("/inbox?reason=VOTE_DUE&mode=except", { scroll: false });
    fireEvent.change(reason, { target: { value: "" } });
    expect(router.replace).toHaveBeenLastCalledWith("/inbox", { scroll: false });
  });

  it("has a view for each kind, each with its own empty state, in Japanese too", async () => {
    search = "view=snoozed";
    renderInbox([], { locale: "ja" });
    expect(await screen.findByRole("heading", { name: "スヌーズ中の通知はありません" })).toBeTruthy();
    const views = screen.getByRole("navigation", { name: "一覧の切り替え" });
    const current = within(views).getByRole("link", { name: "スヌーズ中" });
    expect(current.getAttribute("aria-current")).toBe("page");
    expect(within(views).getByRole("link", { name: "完了" }).getAttribute("href")).toBe("/inbox?view=done");
    // "Mark all as read" belongs to the inbox view.
    expect(screen.queryByRole("button", { name: "すべて既読にする" })).toBeNull();
  });

  it("marks everything read at once", async () => {
    renderInbox([item(1)]);
    await shownRows();
    fireEvent.click(screen.getByRole("button", { name: "Mark all as read" }));
    expect(await screen.findByText("2 notifications marked as read.")).toBeTruthy();
  });
});
