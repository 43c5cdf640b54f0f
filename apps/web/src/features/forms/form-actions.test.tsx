import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FormActions, SubmitButton } from "./form-actions";

describe("FormActions", () => {
  it("offers cancel, then submit, and cancels without submitting", async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const onSubmit = vi.fn((event: SubmitEvent) => event.preventDefault());
    render(
      <form onSubmit={(event) => onSubmit(event.nativeEvent as SubmitEvent)}>
        <FormActions busy={false} label="Save" busyLabel="Saving…" cancelLabel="Cancel" onCancel={onCancel} />
      </form>,
    );
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["Cancel", "Save"]);
    expect(buttons[0]?.getAttribute("type")).toBe("button");
    expect(buttons[1]?.getAttribute("type")).toBe("submit");
    expect(buttons[1]?.hasAttribute("aria-disabled")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("while busy, says so on the submit button, which stays focusable", () => {
    const { container } = render(
      <FormActions busy label="Save" busyLabel="Saving…" cancelLabel="Cancel" onCancel={vi.fn()} />,
    );
    const submit = screen.getByRole("button", { name: "Saving…" });
    expect(submit.getAttribute("aria-disabled")).toBe("true");
    expect(submit.hasAttribute("disabled")).toBe(false);
    // The spinner is decorative: the label says what is happening.
    expect(submit.querySelector('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(container.querySelectorAll('[aria-hidden="true"]')).toHaveLength(1);
  });

  it("without onCancel has no cancel button; further actions come before submit", () => {
    render(
      <FormActions busy={false} label="Save" busyLabel="Saving…">
        <button type="button">Withdraw</button>
      </FormActions>,
    );
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Withdraw", "Save"]);
  });
});

describe("SubmitButton", () => {
  it("shows its label, or the busy label with a spinner", () => {
    const { rerender } = render(<SubmitButton busy={false} label="Save" busyLabel="Saving…" />);
    const button = screen.getByRole("button", { name: "Save" });
    expect(button.querySelector("[aria-hidden]")).toBeNull();
    rerender(<SubmitButton busy label="Save" busyLabel="Saving…" />);
    expect(button.textContent).toBe("Saving…");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.querySelector('[aria-hidden="true"]')).not.toBeNull();
  });
});
