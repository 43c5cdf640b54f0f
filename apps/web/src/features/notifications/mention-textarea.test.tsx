import { MentionableInput } from "@lodestone/domain/notifications";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { CommentForm } from "@/features/deliberation/comment-form";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";

const PROJECT = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const PEOPLE = [
  { id: "00000000-0000-4000-8000-000000000001", name: "Thomas Reyes" },
  { id: "00000000-0000-4000-8000-000000000002", name: "Thomasina Wong" },
  { id: "00000000-0000-4000-8000-000000000003", name: "佐藤 恵美" },
];

function renderForm() {
  const asked: z.output<typeof MentionableInput>[] = [];
  const onSubmit = vi.fn().mockResolvedValue(undefined);
  const link = answeringLink((op) => {
    if (op.path !== "notifications.mentionable") throw new Error(`Unexpected ${op.path}`);
    const input = MentionableInput.parse(op.input);
    asked.push(input);
    const q = input.query.toLowerCase();
    return PEOPLE.filter((p) =>
      p.name
        .toLowerCase()
        .split(" ")
        .some((w) => w.startsWith(q.split(" ")[0]!)),
    );
  });
  renderWithApi(
    <CommentForm kind="reply" mentionsIn={PROJECT} submitLabel="Send" busyLabel="…" onSubmit={onSubmit} />,
    link,
  );
  const box = screen.getByLabelText("Your reply") as HTMLTextAreaElement;
  return { asked, box, onSubmit, user: userEvent.setup() };
}

describe("mention suggestions in the comment box", () => {
  it("lists people after @ and a letter; arrows move, Enter puts the full name in", async () => {
    const { asked, box, user } = renderForm();
    expect(box.getAttribute("role")).toBe("combobox");
    expect(box.getAttribute("aria-expanded")).toBe("false");
    await user.type(box, "Ask @tho");
    const list = await screen.findByRole("listbox", { name: "People you can mention" });
    expect(asked.at(-1)).toEqual({ projectId: PROJECT, query: "tho" });
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Thomas Reyes", "Thomasina Wong"]);
    expect(box.getAttribute("aria-expanded")).toBe("true");
    expect(box.getAttribute("aria-controls")).toBe(list.id);
    expect(box.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    expect(options[0]!.getAttribute("aria-selected")).toBe("true");

    await user.keyboard("{ArrowDown}");
    expect(box.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    await user.keyboard("{ArrowDown}");
    expect(box.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    await user.keyboard("{ArrowUp}");
    await user.keyboard("{Enter}");
    expect(box.value).toBe("Ask @Thomasina Wong ");
    expect(box.selectionStart).toBe(box.value.length);
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect(box.getAttribute("aria-activedescendant")).toBeNull();
  });

  it("Tab picks too; Escape closes the list and leaves the text", async () => {
    const { box, user } = renderForm();
    await user.type(box, "@佐");
    await screen.findByRole("listbox");
    await user.keyboard("{Tab}");
    expect(box.value).toBe("@佐藤 恵美 ");
    expect(document.activeElement).toBe(box);

    await user.type(box, "and @Tho");
    await screen.findByRole("listbox");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
    expect(box.value).toBe("@佐藤 恵美 and @Tho");
    // Enter now is a new line in the text, not a choice.
    await user.keyboard("{Enter}");
    expect(box.value).toBe("@佐藤 恵美 and @Tho\n");
  });

  it("a click on a suggestion picks it; an e-mail address is no mention", async () => {
    const { box, user, asked } = renderForm();
    await user.type(box, "write to a@tho");
    fireEvent.click(box);
    expect(screen.queryByRole("listbox")).toBeNull();
    await user.clear(box);
    await user.type(box, "@Thomas R");
    await screen.findByRole("listbox");
    expect(asked.at(-1)?.query).toBe("Thomas R");
    await user.click(screen.getByRole("option", { name: "Thomas Reyes" }));
    expect(box.value).toBe("@Thomas Reyes ");
  });
});
