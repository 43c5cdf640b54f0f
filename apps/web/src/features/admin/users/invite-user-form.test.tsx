import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { renderWithProviders } from "@/test/render";
import { InviteUserForm, type InviteUserFormProps } from "./invite-user-form";

const DELEGATIONS = [
  { code: "US", nameEn: "United States", nameJa: "米国" },
  { code: "JP", nameEn: "Japan", nameJa: "日本" },
];
const ORGANISATIONS = [
  { id: "10000000-0000-4000-8000-000000000001", name: "Quandong Minerals Pty Ltd", countryCode: "AU" },
];
const TIME_ZONES: TimeZoneGroup[] = [
  { region: "Asia", zones: [{ value: "Asia/Tokyo", label: "Asia/Tokyo (GMT+9)" }] },
  { region: "Other", zones: [{ value: "UTC", label: "UTC (GMT)" }] },
];

function renderForm(overrides: Partial<InviteUserFormProps> = {}, locale: "en" | "ja" = "en") {
  const onInvite = vi.fn<InviteUserFormProps["onInvite"]>().mockResolvedValue(undefined);
  renderWithProviders(
    <InviteUserForm
      delegations={DELEGATIONS}
      organisations={ORGANISATIONS}
      timeZones={TIME_ZONES}
      onInvite={onInvite}
      onCancel={vi.fn()}
      {...overrides}
    />,
    { locale },
  );
  return { onInvite: (overrides.onInvite as typeof onInvite | undefined) ?? onInvite };
}

/** A tRPC error as the API sends it. */
function apiError(code: string, message: string, fieldErrors: Record<string, string[]> | null = null) {
  return new TRPCClientError(message, {
    result: {
      error: { message, code: -32600, data: { code, httpStatus: 400, fieldErrors, formErrors: null } },
    },
  });
}

function errorOf(input: HTMLElement): string | null {
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.id.endsWith("-error"));
  return error?.textContent ?? null;
}

describe("InviteUserForm", () => {
  it("says what is missing, field by field, in English", async () => {
    const user = userEvent.setup();
    const { onInvite } = renderForm();
    await user.click(screen.getByRole("button", { name: "Invite and send the link" }));

    const name = screen.getByLabelText("Full name");
    await waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    expect(errorOf(name)).toBe("Enter a name.");
    expect(errorOf(screen.getByLabelText("Email address"))).toBe(
      "Enter a valid email address, such as name@example.org.",
    );
    expect(errorOf(screen.getByLabelText("Role"))).toBe("Choose a role.");
    expect(onInvite).not.toHaveBeenCalled();
    // The first field in error gets focus.
    expect(document.activeElement).toBe(name);
  });

  it("says the same in Japanese, never in the schema's English", async () => {
    const user = userEvent.setup();
    renderForm({}, "ja");
    await user.click(screen.getByRole("button", { name: "招待してリンクを送信" }));
    const name = screen.getByLabelText("氏名");
    await waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    expect(errorOf(name)).toBe("名前を入力してください。");
    expect(errorOf(screen.getByLabelText("メールアドレス"))).toBe(
      "name@example.org のような有効なメールアドレスを入力してください。",
    );
    expect(errorOf(screen.getByLabelText("役割"))).toBe("役割を選択してください。");
    expect(document.body.textContent).not.toMatch(/Enter a|Choose a/);
  });

  it("asks for a delegation for a delegate (in both languages) and an organisation for a partner", async () => {
    const user = userEvent.setup();
    renderForm({}, "ja");
    await user.selectOptions(screen.getByLabelText("役割"), "DELEGATE");
    await user.click(screen.getByRole("button", { name: "招待してリンクを送信" }));
    const delegation = await screen.findByLabelText("代表団");
    await waitFor(() => expect(errorOf(delegation)).toBe("この代表団員が所属する代表団を選択してください。"));
    // Delegations are named in the reader's language.
    expect(within(delegation).getByRole("option", { name: "日本 (JP)" })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText("役割"), "PARTNER");
    expect(screen.queryByLabelText("代表団")).toBeNull();
    await user.click(screen.getByRole("button", { name: "招待してリンクを送信" }));
    const organisation = await screen.findByLabelText("機関");
    await waitFor(() =>
      expect(errorOf(organisation)).toBe("このパートナーが所属する機関を選択してください。"),
    );
  });

  it("sends the command the API expects", async () => {
    const user = userEvent.setup();
    const { onInvite } = renderForm();
    await user.type(screen.getByLabelText("Full name"), "Hiroshi Tanaka");
    await user.type(screen.getByLabelText("Email address"), "H.Tanaka@Example.ORG");
    await user.selectOptions(screen.getByLabelText("Role"), "DELEGATE");
    await user.selectOptions(await screen.findByLabelText("Delegation"), "JP");
    await user.selectOptions(screen.getByLabelText("Language"), "ja");
    await user.selectOptions(screen.getByLabelText("Time zone"), "Asia/Tokyo");
    await user.click(screen.getByRole("button", { name: "Invite and send the link" }));
    await waitFor(() => expect(onInvite).toHaveBeenCalledTimes(1));
    expect(onInvite.mock.calls[0]![0]).toEqual({
      name: "Hiroshi Tanaka",
      email: "h.tanaka@example.org",
      role: "DELEGATE",
      delegation: "JP",
      organisationId: null,
      locale: "ja",
      timeZone: "Asia/Tokyo",
    });
  });

  it("keeps everything typed when the address is taken, and marks the address (in Japanese too)", async () => {
    const onInvite = vi
      .fn()
      .mockRejectedValue(apiError("CONFLICT", "There is already a user with the address x."));
    const user = userEvent.setup();
    renderForm({ onInvite }, "ja");
    await user.type(screen.getByLabelText("氏名"), "田中 浩");
    await user.type(screen.getByLabelText("メールアドレス"), "admin@lodestone.example");
    await user.selectOptions(screen.getByLabelText("役割"), "COORDINATOR");
    await user.click(screen.getByRole("button", { name: "招待してリンクを送信" }));

    const email = screen.getByLabelText("メールアドレス") as HTMLInputElement;
    await waitFor(() => expect(errorOf(email)).toBe("このアドレスのユーザーはすでに登録されています。"));
    expect(email.value).toBe("admin@lodestone.example");
    expect((screen.getByLabelText("氏名") as HTMLInputElement).value).toBe("田中 浩");
    expect((screen.getByLabelText("役割") as HTMLSelectElement).value).toBe("COORDINATOR");
    expect(document.activeElement).toBe(email);
  });

  it("shows other refusals above the buttons and keeps the values", async () => {
    const onInvite = vi.fn().mockRejectedValue(apiError("BAD_REQUEST", "There is no delegation XX."));
    const user = userEvent.setup();
    renderForm({ onInvite });
    await user.type(screen.getByLabelText("Full name"), "Ada Byron");
    await user.type(screen.getByLabelText("Email address"), "ada@example.org");
    await user.selectOptions(screen.getByLabelText("Role"), "ADMIN");
    await user.click(screen.getByRole("button", { name: "Invite and send the link" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The invitation could not be sent");
    expect(alert.textContent).toContain("Details: There is no delegation XX.");
    expect((screen.getByLabelText("Full name") as HTMLInputElement).value).toBe("Ada Byron");
    expect((screen.getByLabelText("Email address") as HTMLInputElement).value).toBe("ada@example.org");
  });

  it("puts the server's field errors next to their fields, translated", async () => {
    const onInvite = vi.fn().mockRejectedValue(
      apiError("BAD_REQUEST", "Some fields need attention.", {
        timeZone: ["Choose a valid time zone, such as Asia/Tokyo."],
      }),
    );
    const user = userEvent.setup();
    renderForm({ onInvite }, "ja");
    await user.type(screen.getByLabelText("氏名"), "Ada");
    await user.type(screen.getByLabelText("メールアドレス"), "ada@example.org");
    await user.selectOptions(screen.getByLabelText("役割"), "ADMIN");
    await user.click(screen.getByRole("button", { name: "招待してリンクを送信" }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText("タイムゾーン"))).toBe("一覧からタイムゾーンを選択してください。"),
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
