import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

function Harness(props: Partial<ConfirmDialogProps> & { onConfirm?: () => void; onCancel?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Deactivate Margaret Ellison
      </button>
      <ConfirmDialog
        open={open}
        title="Deactivate Margaret Ellison?"
        confirmLabel="Deactivate"
        tone="danger"
        {...props}
        onConfirm={() => props.onConfirm?.()}
        onCancel={() => {
          props.onCancel?.();
          setOpen(false);
        }}
      >
        <p>Every session they have open ends now.</p>
      </ConfirmDialog>
    </>
  );
}

describe("ConfirmDialog", () => {
  it("is closed until asked, then names the action, explains it, and starts on Cancel", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Deactivate Margaret Ellison" }));
    const dialog = screen.getByRole("alertdialog", { name: "Deactivate Margaret Ellison?" });
    expect(dialog.hasAttribute("open")).toBe(true);
    expect(within(dialog).getByText("Every session they have open ends now.")).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
  });

  it("confirms with the confirm button", async () => {
    const onConfirm = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole("button", { name: "Deactivate Margaret Ellison" }));
    await user.click(screen.getByRole("button", { name: "Deactivate" }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("cancels with Cancel, and focus goes back to the button that opened it", async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness onCancel={onCancel} />);
    const opener = screen.getByRole("button", { name: "Deactivate Margaret Ellison" });
    await user.click(opener);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalled();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("cancels on Escape (the dialog's cancel event)", async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness onCancel={onCancel} />);
    await user.click(screen.getByRole("button", { name: "Deactivate Margaret Ellison" }));
    const dialog = screen.getByRole("alertdialog");
    // What a browser does on Escape: `cancel`, then (unless prevented) close.
    const cancel = new Event("cancel", { cancelable: true });
    fireEvent(dialog, cancel);
    if (!cancel.defaultPrevented) (dialog as HTMLDialogElement).close();
    expect(onCancel).toHaveBeenCalled();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("while busy, shows progress and neither confirms twice nor lets Escape close it", async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness busy busyLabel="Deactivating…" onConfirm={onConfirm} onCancel={onCancel} />);
    await user.click(screen.getByRole("button", { name: "Deactivate Margaret Ellison" }));
    const busy = screen.getByRole("button", { name: "Deactivating…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await user.click(busy);
    expect(onConfirm).not.toHaveBeenCalled();
    const cancel = new Event("cancel", { cancelable: true });
    fireEvent(screen.getByRole("alertdialog"), cancel);
    expect(cancel.defaultPrevented).toBe(true);
  });

  it("shows why the action failed and stays open", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness error="The account could not be deactivated. Details: No." />);
    await user.click(screen.getByRole("button", { name: "Deactivate Margaret Ellison" }));
    const dialog = screen.getByRole("alertdialog");
    expect(within(dialog).getByRole("alert").textContent).toBe(
      "The account could not be deactivated. Details: No.",
    );
  });

  it("labels its buttons in Japanese", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />, { locale: "ja" });
    await user.click(screen.getByRole("button", { name: "Deactivate Margaret Ellison" }));
    expect(screen.getByRole("button", { name: "キャンセル" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "閉じる" })).toBeTruthy();
  });
});
