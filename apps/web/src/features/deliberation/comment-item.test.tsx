import type { CommentView } from "@lodestone/domain/deliberation";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { CommentItem } from "./comment-item";

function comment(overrides: Partial<CommentView> = {}): CommentView {
  return {
    id: "0b6c1f4e-5f0a-4c7e-8d55-6f1a2b3c4d5e",
    parentId: null,
    depth: 0,
    stance: "SUPPORT",
    body: "The **offtake** terms look sound.",
    author: { id: "u1", name: "Margaret Ellison" },
    state: "visible",
    hiddenReason: null,
    edited: false,
    replyCount: 0,
    createdAt: "2026-11-20T01:00:00.000Z",
    canEdit: false,
    ...overrides,
  };
}

describe("CommentItem", () => {
  it("shows a visible comment with its author, stance, time and rendered markdown", () => {
    renderWithProviders(<CommentItem comment={comment({ edited: true })} />);
    const article = screen.getByRole("article", { name: "Margaret Ellison" });
    expect(article.textContent).toContain("Support");
    expect(article.textContent).toContain("(edited)");
    expect(screen.getByText("offtake").tagName).toBe("STRONG");
    expect(article.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-20T01:00:00.000Z");
  });

  it("keeps a removed comment's place without its text or author", () => {
    renderWithProviders(
      <CommentItem comment={comment({ state: "deleted", body: null, author: null, replyCount: 2 })} />,
    );
    expect(screen.getByRole("article", { name: "Comment removed" })).toBeTruthy();
    expect(screen.getByText("This comment was removed by its author.")).toBeTruthy();
    expect(screen.queryByText(/Margaret/)).toBeNull();
    expect(screen.queryByText(/offtake/)).toBeNull();
  });

  it("shows its author and moderators a hidden comment, marked, with the reason", () => {
    renderWithProviders(
      <CommentItem
        comment={comment({ state: "hidden", hiddenReason: "Shares a confidential price sheet." })}
      />,
    );
    expect(screen.getByText(/Hidden by a coordinator: only its author and coordinators see it/)).toBeTruthy();
    expect(screen.getByText(/Reason: Shares a confidential price sheet\./)).toBeTruthy();
    expect(screen.getByText("offtake")).toBeTruthy();
  });

  it("tells other readers a comment was hidden, without its text", () => {
    renderWithProviders(
      <CommentItem comment={comment({ state: "hidden", body: null, hiddenReason: null })} />,
    );
    expect(screen.getByText("This comment was hidden by a coordinator.")).toBeTruthy();
    expect(screen.queryByText(/offtake/)).toBeNull();
    expect(screen.queryByText(/Reason:/)).toBeNull();
  });

  it("speaks Japanese", () => {
    renderWithProviders(<CommentItem comment={comment({ state: "deleted", body: null, author: null })} />, {
      locale: "ja",
    });
    expect(screen.getByText("このコメントは投稿者により削除されました。")).toBeTruthy();
  });
});
