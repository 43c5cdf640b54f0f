import { UnsubscribeInput } from "@lodestone/domain/notifications";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import type { UnsubscribeScopeView } from "./types";
import { UnsubscribeConfirm } from "./unsubscribe-confirm";

const TOKEN = "v1.abcdefghijklmnop.signature";
const ROUND_SCOPE = {
  kind: "item",
  subject: { type: "ROUND", id: "7b0f2c4e-2f55-4d8a-9c1e-0d4b8a6f1e21" },
  project: { id: "p", reference: "LD-0019", titleEn: "Magnet Hub", titleJa: "磁石拠点" },
} as UnsubscribeScopeView;

function renderConfirm(scope: UnsubscribeScopeView, locale: "en" | "ja" = "en", refuse?: string) {
  const sent: string[] = [];
  const link = answeringLink((op) => {
    if (op.path !== "notifications.unsubscribe") throw new Error(`Unexpected ${op.path}`);
    sent.push(UnsubscribeInput.parse(op.input).token);
    if (refuse) throw new Error(refuse);
    return scope;
  });
  renderWithApi(<UnsubscribeConfirm token={TOKEN} scope={scope} />, link, { locale });
  return { sent };
}

describe("UnsubscribeConfirm", () => {
  it("says what the link turns off and does it only when confirmed", async () => {
    const { sent } = renderConfirm(ROUND_SCOPE);
    expect(screen.getByTestId("unsubscribe-scope").textContent).toBe(
      "Notifications about a review round of LD-0019 Magnet Hub",
    );
    expect(sent).toEqual([]);
    await userEvent.setup().click(screen.getByRole("button", { name: "Confirm: turn it off" }));
    const done = await screen.findByRole("status");
    expect(done.textContent).toContain("Done. Turned off:");
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByRole("link", { name: "Change what you receive" }).getAttribute("href")).toBe(
      "/profile#notifications",
    );
    expect(sent).toEqual([TOKEN]);
  });

  it("names a reason or a digest, in Japanese too", () => {
    renderConfirm({ kind: "reason", reason: "MENTION", project: null } as UnsubscribeScopeView, "ja");
    expect(screen.getByTestId("unsubscribe-scope").textContent).toBe("「メンション」のメール");
  });

  it("shows why it could not be done", async () => {
    renderConfirm(
      { kind: "channel", channel: "DAILY", project: null } as UnsubscribeScopeView,
      "en",
      "This unsubscribe link is for an account that no longer exists.",
    );
    expect(screen.getByTestId("unsubscribe-scope").textContent).toBe("The daily digest");
    await userEvent.setup().click(screen.getByRole("button", { name: "Confirm: turn it off" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This unsubscribe link is for an account that no longer exists.",
    );
  });
});
