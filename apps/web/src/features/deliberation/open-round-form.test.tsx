import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { OpenRoundForm } from "./open-round-form";

function renderForm(locale: "en" | "ja" = "en") {
  const onSubmit = vi.fn().mockResolvedValue(undefined);
  renderWithProviders(<OpenRoundForm onSubmit={onSubmit} />, { locale, timeZone: "Asia/Tokyo" });
  return { onSubmit, user: userEvent.setup() };
}

describe("OpenRoundForm", () => {
  it("starts a week ahead, on the hour, and sends that instant read in the user's time zone", async () => {
    const { onSubmit, user } = renderForm();
    const closes = screen.getByLabelText("Closes at") as HTMLInputElement;
    expect(closes.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
    expect(closes.getAttribute("aria-required")).toBe("true");
    expect(document.getElementById(closes.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Date and time in your time zone (Asia/Tokyo).",
    );
    fireEvent.change(closes, { target: { value: "2199-03-31T09:00" } });
    await user.click(screen.getByRole("button", { name: "Open the round" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(new Date("2199-03-31T00:00:00Z")));
  });

  it("asks for a closing time, under the field, and sends nothing", async () => {
    const { onSubmit, user } = renderForm();
    const closes = screen.getByLabelText("Closes at");
    fireEvent.change(closes, { target: { value: "" } });
    await user.click(screen.getByRole("button", { name: "Open the round" }));
    expect(await screen.findByText("Enter the closing date and time.")).toBeTruthy();
    expect(closes.getAttribute("aria-invalid")).toBe("true");
    expect(closes.getAttribute("aria-describedby")).toMatch(/-error$/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses a closing time in the past, in Japanese too", async () => {
    const { onSubmit, user } = renderForm("ja");
    const closes = screen.getByLabelText("締め切り日時");
    fireEvent.change(closes, { target: { value: "2020-01-01T09:00" } });
    await user.click(screen.getByRole("button", { name: "ラウンドを開始" }));
    expect(await screen.findByText("締め切りには将来の日時を選んでください。")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses a time outside the dates the domain accepts instead of sending it", async () => {
    const { onSubmit, user } = renderForm();
    fireEvent.change(screen.getByLabelText("Closes at"), { target: { value: "2300-01-01T09:00" } });
    await user.click(screen.getByRole("button", { name: "Open the round" }));
    expect(await screen.findByText("Check this field.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
