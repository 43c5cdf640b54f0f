import { CastVoteInput } from "@lodestone/domain/deliberation";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { fieldLimits } from "@/features/forms/field-errors";
import { renderWithProviders } from "@/test/render";
import { VoteForm } from "./vote-form";

const ROUND = "7b0f2c4e-2f55-4d8a-9c1e-0d4b8a6f1e21";

function renderVote(props: Partial<Parameters<typeof VoteForm>[0]> = {}, locale: "en" | "ja" = "en") {
  const onSubmit = vi.fn().mockResolvedValue(undefined);
  renderWithProviders(<VoteForm roundId={ROUND} current={null} onSubmit={onSubmit} {...props} />, { locale });
  return { onSubmit: (props.onSubmit as typeof onSubmit | undefined) ?? onSubmit };
}

describe("VoteForm", () => {
  it("refuses a rejection without a reason, and sends nothing", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderVote();
    await user.click(screen.getByRole("radio", { name: "Reject" }));
    await user.type(screen.getByLabelText("Reason"), "   ");
    await user.click(screen.getByRole("button", { name: "Cast vote" }));
    expect(await screen.findByText("Give a reason when you vote to reject.")).toBeTruthy();
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBe("true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a rejection with its reason, and an approval without one", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderVote();
    await user.click(screen.getByRole("radio", { name: "Reject" }));
    await user.type(screen.getByLabelText("Reason"), "  The water plan is thin.  ");
    await user.click(screen.getByRole("button", { name: "Cast vote" }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        roundId: ROUND,
        choice: "REJECT",
        reason: "The water plan is thin.",
      }),
    );

    await user.click(screen.getByRole("radio", { name: "Approve" }));
    await user.clear(screen.getByLabelText("Reason"));
    await user.click(screen.getByRole("button", { name: "Cast vote" }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenLastCalledWith({ roundId: ROUND, choice: "APPROVE", reason: null }),
    );
  });

  it("words a too long reason with the domain's limit, in English and Japanese", async () => {
    const max = fieldLimits(CastVoteInput, "reason").maximum!;
    const { onSubmit } = renderVote();
    fireEvent.click(screen.getByRole("radio", { name: "Approve" }));
    fireEvent.change(screen.getByLabelText("Reason"), { target: { value: "x".repeat(max + 1) } });
    fireEvent.click(screen.getByRole("button", { name: "Cast vote" }));
    expect(await screen.findByText(`Use at most ${max.toLocaleString("en")} characters.`)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    cleanup();

    renderVote({ current: { choice: "ABSTAIN", reason: "x".repeat(max + 1) } }, "ja");
    fireEvent.click(screen.getByRole("button", { name: "投票を変更" }));
    expect(await screen.findByText(`${max.toLocaleString("ja")}文字以内で入力してください。`)).toBeTruthy();
    expect(screen.getByLabelText("理由").getAttribute("aria-invalid")).toBe("true");
  });

  it("asks for a choice first", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderVote();
    await user.click(screen.getByRole("button", { name: "Cast vote" }));
    expect(await screen.findByText("Choose approve, reject or abstain.")).toBeTruthy();
    const group = screen.getByRole("group", { name: "Your choice" });
    expect(document.getElementById(group.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Choose approve, reject or abstain.",
    );
    expect(screen.getByRole("radio", { name: "Approve" }).getAttribute("aria-invalid")).toBe("true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("starts from the delegate's vote and offers to change it (in Japanese too)", async () => {
    renderVote({ current: { choice: "ABSTAIN", reason: "Conflict of interest" } }, "ja");
    expect((screen.getByRole("radio", { name: "棄権" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("理由") as HTMLTextAreaElement).value).toBe("Conflict of interest");
    expect(screen.getByRole("button", { name: "投票を変更" })).toBeTruthy();
  });

  it("says plainly when the round closed before the vote arrived", async () => {
    const user = userEvent.setup();
    const closed = new TRPCClientError(
      "This review round is closed: votes and changes are no longer accepted.",
      {
        result: {
          error: {
            message: "closed",
            code: -32600,
            data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors: null, formErrors: null },
          },
        },
      },
    );
    const describeProblem = vi.fn().mockResolvedValue("This round has closed: your vote was not accepted.");
    renderVote({ onSubmit: vi.fn().mockRejectedValue(closed), describeProblem });
    await user.click(screen.getByRole("radio", { name: "Approve" }));
    await user.click(screen.getByRole("button", { name: "Cast vote" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This round has closed: your vote was not accepted.",
    );
    expect(describeProblem).toHaveBeenCalledWith(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});
