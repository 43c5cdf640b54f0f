import { SetFollowInput } from "@lodestone/domain/notifications";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { FollowControl, followReason } from "./follow-control";
import type { FollowStateData } from "./types";

const ROUND = "7b0f2c4e-2f55-4d8a-9c1e-0d4b8a6f1e21";

function renderControl(initial: FollowStateData, locale: "en" | "ja" = "en") {
  const sent: z.output<typeof SetFollowInput>[] = [];
  let state = initial;
  const link = answeringLink((op) => {
    if (op.path === "notifications.followState") return state;
    if (op.path === "notifications.setFollow") {
      const input = SetFollowInput.parse(op.input);
      sent.push(input);
      state = {
        ...state,
        choice: input.state,
        state: input.state ?? (state.relations.length ? "FOLLOWING" : null),
      };
      return { state: input.state };
    }
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<FollowControl subject={{ type: "ROUND", id: ROUND }} />, link, { locale });
  return { sent };
}

const implied: FollowStateData = {
  choice: null,
  projectChoice: null,
  relations: ["elector", "sponsor"],
  state: "FOLLOWING",
};

describe("FollowControl", () => {
  it("says why the reader follows, mutes, or resets to what being part of it implies", async () => {
    const { sent } = renderControl(implied);
    const box = await screen.findByRole("region", { name: "Notifications about this round" });
    await waitFor(() =>
      expect(box.textContent).toContain(
        "Following — You follow this because you are in its electorate and your delegation sponsors it.",
      ),
    );
    expect(screen.queryByRole("button", { name: "Reset to default" })).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Mute" }));
    expect(await screen.findByText("Muted: you are no longer told about this.")).toBeTruthy();
    await waitFor(() => expect(box.textContent).toContain("Muted — You muted this."));
    expect(screen.queryByRole("button", { name: "Mute" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Reset to default" }));
    expect(await screen.findByText("Back to the default.")).toBeTruthy();
    expect(sent).toEqual([
      { subject: { type: "ROUND", id: ROUND }, state: "MUTED" },
      { subject: { type: "ROUND", id: ROUND }, state: null },
    ]);
  });

  it("explains each case", () => {
    expect(followReason({ ...implied, choice: "FOLLOWING" })).toBe("chosen");
    expect(followReason({ ...implied, choice: "MUTED", state: "MUTED" })).toBe("muted");
    expect(followReason({ ...implied, projectChoice: "FOLLOWING" })).toBe("project");
    expect(followReason({ ...implied, projectChoice: "MUTED", state: "MUTED" })).toBe("projectMuted");
    expect(followReason(implied)).toBe("implied");
    expect(followReason({ ...implied, relations: [], state: null })).toBe("none");
  });

  it("in Japanese", async () => {
    renderControl({ choice: null, projectChoice: null, relations: [], state: null }, "ja");
    const box = await screen.findByRole("region", { name: "このラウンドの通知" });
    await waitFor(() => expect(box.textContent).toContain("フォローしていません"));
    expect(screen.getByRole("button", { name: "フォローする" })).toBeTruthy();
  });
});
