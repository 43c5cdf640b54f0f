import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MailProblem } from "@/features/notifications/types";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { MailProblems } from "./mail-problems";

const FAILED: MailProblem = {
  id: "00000000-0000-4000-8000-000000000001",
  kind: "DAILY",
  status: "FAILED",
  attempts: 8,
  lastError: "550 5.1.1 mailbox unavailable",
  nextAttemptAt: "2026-11-20T01:00:00.000Z",
  createdAt: "2026-11-19T23:00:00.000Z",
  recipient: { id: "u1", name: "Margaret Ellison", email: "delegate.us@lodestone.example" },
};
const WAITING: MailProblem = {
  ...FAILED,
  id: "00000000-0000-4000-8000-000000000002",
  kind: "IMMEDIATE",
  status: "PENDING",
  attempts: 1,
  lastError: "connect ECONNREFUSED",
  recipient: { id: "u2", name: "佐藤 恵美", email: "delegate.jp@lodestone.example" },
};

function renderProblems(items: MailProblem[]) {
  const retried: unknown[] = [];
  let shown = items;
  const link = answeringLink((op) => {
    if (op.path === "notifications.mailProblems") return { items: shown, nextCursor: null };
    if (op.path === "notifications.retryMail") {
      retried.push(op.input);
      shown = shown.filter((m) => m.id !== (op.input as { id: string }).id);
      return op.input;
    }
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<MailProblems />, link, { timeZone: "UTC" });
  return { retried };
}

describe("MailProblems", () => {
  it("lists failed mails with their error; a failed one is retried after confirming", async () => {
    const { retried } = renderProblems([FAILED, WAITING]);
    const table = await screen.findByRole("table", {
      name: "Notification emails with problems, newest first",
    });
    const [failed, waiting] = within(table).getAllByRole("row").slice(1);
    expect(failed!.textContent).toContain("550 5.1.1 mailbox unavailable");
    expect(within(failed!).getByText("Failed")).toBeTruthy();
    expect(within(waiting!).getByText("Waiting to retry")).toBeTruthy();
    // Only a failed mail is retried by hand; a waiting one is retried on its own.
    expect(within(waiting!).queryByRole("button")).toBeNull();

    const user = userEvent.setup();
    await user.click(
      within(failed!).getByRole("button", { name: "Retry now: the mail to Margaret Ellison" }),
    );
    const dialog = screen.getByRole("alertdialog", { name: "Send this mail again now?" });
    expect(dialog.textContent).toContain(
      "The mail to Margaret Ellison (delegate.us@lodestone.example), Daily digest, goes back into the queue",
    );
    expect(retried).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Retry now" }));
    expect(await screen.findByText("The mail to Margaret Ellison is being sent again.")).toBeTruthy();
    expect(retried).toEqual([{ id: FAILED.id }]);
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2));
  });

  it("says when there is nothing wrong", async () => {
    renderProblems([]);
    expect(await screen.findByRole("heading", { name: "No mail problems" })).toBeTruthy();
  });
});
