import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { TimeZoneForm } from "./time-zone-form";

function refusal(message: string, fieldErrors: Record<string, string[]> | null) {
  return new TRPCClientError(message, {
    result: {
      error: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors } },
    },
  });
}

function renderForm(onSubmit = vi.fn().mockResolvedValue(undefined), locale: "en" | "ja" = "en") {
  renderWithProviders(<TimeZoneForm current="Australia/Perth" onSubmit={onSubmit} onCancel={() => {}} />, {
    locale,
  });
  return { onSubmit, user: userEvent.setup() };
}

describe("TimeZoneForm", () => {
  it("says so as an alert when the zone is already the project's, and sends nothing", async () => {
    const { onSubmit, user } = renderForm();
    const select = screen.getByRole("combobox", { name: "Time zone" });
    await user.click(screen.getByRole("button", { name: "Change time zone" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("The project is already tracked in that time zone.");
    expect(select.getAttribute("aria-describedby")).toBe(alert.id);
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(onSubmit).not.toHaveBeenCalled();

    // Sent again with another zone: the alert goes.
    await user.selectOptions(select, "Asia/Tokyo");
    await user.click(screen.getByRole("button", { name: "Change time zone" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith("Asia/Tokyo"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a refusal of the whole form as an alert with the server's words", async () => {
    const { user } = renderForm(
      vi.fn().mockRejectedValue(refusal("The project is already tracked in that time zone.", null)),
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Time zone" }), "Asia/Tokyo");
    await user.click(screen.getByRole("button", { name: "Change time zone" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The time zone could not be changed. Details: The project is already tracked in that time zone.",
    );
  });

  it("shows a refusal of the zone itself on the field, in the reader's language", async () => {
    const { user } = renderForm(
      vi
        .fn()
        .mockRejectedValue(
          refusal("Invalid input", { timeZone: ["Choose a time zone from the list, such as Asia/Tokyo."] }),
        ),
      "ja",
    );
    const select = screen.getByRole("combobox", { name: "タイムゾーン" });
    await user.selectOptions(select, "Asia/Tokyo");
    await user.click(screen.getByRole("button", { name: "タイムゾーンを変更" }));
    expect(await screen.findByText("一覧からタイムゾーンを選択してください。")).toBeTruthy();
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(select.getAttribute("aria-describedby")!)?.textContent).toBe(
      "一覧からタイムゾーンを選択してください。",
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
