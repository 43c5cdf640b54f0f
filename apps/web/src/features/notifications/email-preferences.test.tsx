import {
  DEFAULT_EMAIL_CHANNEL,
  NOTIFICATION_REASONS,
  SetEmailPreferencesInput,
} from "@lodestone/domain/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { EmailPreferences } from "./email-preferences";

type Saved = z.output<typeof SetEmailPreferencesInput>;

function renderPreferences(locale: "en" | "ja" = "en", refuse = false) {
  const saved: Saved[] = [];
  const channels = { ...DEFAULT_EMAIL_CHANNEL, ACTIVITY: "NEVER" } as Record<string, string>;
  const link = answeringLink((op) => {
    if (op.path === "notifications.preferences") {
      return {
        channels: NOTIFICATION_REASONS.map((reason) => ({
          reason,
          channel: channels[reason],
          default: DEFAULT_EMAIL_CHANNEL[reason],
        })),
      };
    }
    if (op.path === "notifications.setPreferences") {
      if (refuse) throw new Error("The database is not reachable.");
      const input = SetEmailPreferencesInput.parse(op.input);
      saved.push(input);
      Object.assign(channels, input.channels);
      return { saved: Object.keys(input.channels).length };
    }
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<EmailPreferences />, link, { locale, timeZone: "America/New_York" });
  return { saved };
}

describe("EmailPreferences", () => {
  it("shows each reason's channel, marks the defaults, and explains them", async () => {
    renderPreferences();
    const table = await screen.findByRole("table", {
      name: "When each kind of notification is emailed to you",
    });
    expect(within(table).getAllByRole("row")).toHaveLength(1 + NOTIFICATION_REASONS.length);
    expect(
      (screen.getByRole("radio", { name: "Your vote is due: Immediately (default)" }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(
      (screen.getByRole("radio", { name: "Activity on what you follow: Never" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(screen.getByText(/“Your vote is due” and mentions are emailed immediately/)).toBeTruthy();
    expect(
      screen.getByText(/Digests are sent at 08:00 in your time zone \(America\/New_York\)/),
    ).toBeTruthy();
  });

  it("saves only what was changed, and says so", async () => {
    const { saved } = renderPreferences();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("radio", { name: "Decisions: Weekly digest" }));
    await user.click(screen.getByRole("radio", { name: "Mentions: Never" }));
    await user.click(screen.getByRole("button", { name: "Save email preferences" }));
    expect(await screen.findByText("Your email preferences have been saved.")).toBeTruthy();
    expect(saved).toEqual([{ channels: { DECISION: "WEEKLY", MENTION: "NEVER" } }]);

    // Saved again without changes: nothing more is chosen.
    await user.click(screen.getByRole("button", { name: "Save email preferences" }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ channels: {} });
  });

  it("keeps the choices and says why when it could not save", async () => {
    renderPreferences("en", true);
    const user = userEvent.setup();
    const weekly = await screen.findByRole("radio", { name: "Decisions: Weekly digest" });
    await user.click(weekly);
    await user.click(screen.getByRole("button", { name: "Save email preferences" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Your email preferences could not be saved");
    expect(alert.textContent).toContain("The database is not reachable.");
    expect((weekly as HTMLInputElement).checked).toBe(true);
  });

  it("speaks Japanese", async () => {
    renderPreferences("ja");
    expect(await screen.findByRole("radio", { name: "投票の依頼：すぐに（既定）" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "メール通知の設定を保存" })).toBeTruthy();
  });
});
