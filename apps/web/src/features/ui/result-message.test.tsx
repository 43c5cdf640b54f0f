import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ResultMessage } from "./result-message";

function Page({ message }: { message: string | null }) {
  return (
    <>
      <button type="button">Save</button>
      <ResultMessage message={message} />
    </>
  );
}

describe("ResultMessage", () => {
  it("shows nothing, and takes no focus, without a message", () => {
    render(<Page message={null} />);
    screen.getByRole("button", { name: "Save" }).focus();
    expect(screen.getByRole("status").textContent).toBe("");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Save" }));
  });

  it("takes focus with each new message, in a status region", () => {
    const { rerender } = render(<Page message={null} />);
    screen.getByRole("button", { name: "Save" }).focus();
    rerender(<Page message="Saved." />);
    expect(document.activeElement).toBe(screen.getByText("Saved."));
    expect(screen.getByRole("status").contains(document.activeElement)).toBe(true);

    screen.getByRole("button", { name: "Save" }).focus();
    rerender(<Page message={null} />);
    rerender(<Page message="Saved." />);
    expect(document.activeElement).toBe(screen.getByText("Saved."));
  });

  it("takes focus when a page opens with a message (a new draft on its edit page)", () => {
    render(<Page message="下書きを保存しました。" />);
    expect(document.activeElement).toBe(screen.getByText("下書きを保存しました。"));
  });
});
