import { PostCommentInput } from "@lodestone/domain/deliberation";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import type { ComponentProps } from "react";
import { describe, expect, it, vi, type Mock } from "vitest";
import { fieldLimits } from "@/features/forms/field-errors";
import { renderWithProviders } from "@/test/render";
import { CommentForm } from "./comment-form";

const BODY_MAX = fieldLimits(PostCommentInput, "body").maximum!;

type Send = ComponentProps<typeof CommentForm>["onSubmit"];

function renderForm(
  kind: "thread" | "reply" | "edit",
  props: { onSubmit?: Mock<Send>; initialBody?: string } = {},
  locale: "en" | "ja" = "en",
) {
  const onSubmit = props.onSubmit ?? vi.fn<Send>().mockResolvedValue(undefined);
  renderWithProviders(
    <CommentForm
      kind={kind}
      initialBody={props.initialBody}
      submitLabel={locale === "ja" ? "送信" : "Send"}
      busyLabel="…"
      onSubmit={onSubmit}
    />,
    { locale },
  );
  return { onSubmit, user: userEvent.setup() };
}

describe("CommentForm", () => {
  it("asks a new thread for its stance and its text, under each field, and sends nothing", async () => {
    const { onSubmit, user } = renderForm("thread");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const stance = screen.getByRole("group", { name: "Your stance" });
    const stanceMessage = await screen.findByText("Choose your stance.");
    expect(stance.contains(stanceMessage)).toBe(true);
    expect(document.getElementById(stance.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Choose your stance.",
    );
    const body = screen.getByLabelText("Your comment");
    expect(body.getAttribute("aria-invalid")).toBe("true");
    expect(body.getAttribute("aria-required")).toBe("true");
    expect(screen.getByText("Write something first.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a thread's stance and trimmed text, then empties the form", async () => {
    const { onSubmit, user } = renderForm("thread");
    await user.click(screen.getByRole("radio", { name: "Question" }));
    await user.type(screen.getByLabelText("Your comment"), "  Who holds the permit?  ");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ stance: "QUESTION", body: "Who holds the permit?" }),
    );
    await waitFor(() =>
      expect((screen.getByLabelText("Your comment") as HTMLTextAreaElement).value).toBe(""),
    );
  });

  it("words too long text with the domain's limit, in English and Japanese", async () => {
    const { onSubmit } = renderForm("reply");
    fireEvent.change(screen.getByLabelText("Your reply"), { target: { value: "x".repeat(BODY_MAX + 1) } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText(`Use at most ${BODY_MAX.toLocaleString("en")} characters.`)).toBeTruthy();
    expect(screen.queryByRole("group")).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("says the same in Japanese when editing", async () => {
    const { onSubmit } = renderForm("edit", { initialBody: "x".repeat(BODY_MAX + 1) }, "ja");
    fireEvent.click(screen.getByRole("button", { name: "送信" }));
    expect(
      await screen.findByText(`${BODY_MAX.toLocaleString("ja")}文字以内で入力してください。`),
    ).toBeTruthy();
    expect(screen.getByLabelText("コメントを編集").getAttribute("aria-invalid")).toBe("true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("puts the server's refusal of the text on the text field, in the reader's language", async () => {
    const refused = new TRPCClientError("Write something first.", {
      result: {
        error: {
          message: "Write something first.",
          code: -32600,
          data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors: { body: ["Write something first."] } },
        },
      },
    });
    const { user } = renderForm("reply", { onSubmit: vi.fn<Send>().mockRejectedValue(refused) }, "ja");
    await user.type(screen.getByLabelText("返信"), "ok");
    await user.click(screen.getByRole("button", { name: "送信" }));
    expect(await screen.findByText("本文を入力してください。")).toBeTruthy();
    expect(screen.getByLabelText("返信").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
