import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { drivenSubscriptions, renderWithApi } from "@/test/api";
import { InboxCountFeed, InboxLink } from "./inbox-link";

let pathname = "/projects";
vi.mock("next/navigation", () => ({ usePathname: () => pathname }));

function renderHeader(unread: number, locale: "en" | "ja" = "en") {
  const calls: string[] = [];
  const feed = drivenSubscriptions((op) => {
    calls.push(op.path);
    if (op.path === "notifications.unread") return { unread };
    if (op.path === "notifications.list") return { items: [], nextCursor: null };
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(
    <>
      <InboxLink />
      <InboxCountFeed />
    </>,
    feed.link,
    { locale },
  );
  return { feed, calls };
}

describe("the header's inbox link", () => {
  it("names the unread count in words, and follows the live count without a reload", async () => {
    const { feed } = renderHeader(3);
    const link = await screen.findByRole("link", { name: "Inbox, 3 unread" });
    expect(link.getAttribute("href")).toBe("/inbox");
    expect(link.getAttribute("data-unread")).toBe("3");
    expect(link.querySelector("[data-count]")?.getAttribute("data-count")).toBe("3");
    await waitFor(() => expect(feed.opened()).toBe(1));

    feed.push({ unread: 4 });
    expect(await screen.findByRole("link", { name: "Inbox, 4 unread" })).toBeTruthy();
    feed.push({ unread: 0 });
    const none = await screen.findByRole("link", { name: "Inbox, nothing unread" });
    expect(none.querySelector("[data-count]")).toBeNull();
  });

  it("says it in Japanese, and marks the inbox as the current page there", async () => {
    pathname = "/inbox";
    renderHeader(120, "ja");
    const link = await screen.findByRole("link", { name: "受信箱、未読 120 件" });
    expect(link.getAttribute("aria-current")).toBe("page");
    expect(link.querySelector("[data-count]")?.getAttribute("data-count")).toBe("99+");
    pathname = "/projects";
  });
});
