import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ProposalForm, type ProposalFormProps } from "./proposal-form";

const DELEGATIONS = [
  { code: "US", nameEn: "United States", nameJa: "米国" },
  { code: "JP", nameEn: "Japan", nameJa: "日本" },
];

function apiError(code: string, message: string) {
  return new TRPCClientError(message, {
    result: {
      error: { message, code: -32600, data: { code, httpStatus: 409, fieldErrors: null, formErrors: null } },
    },
  });
}

function renderForm(overrides: Partial<ProposalFormProps> = {}, locale: "en" | "ja" = "en") {
  const onSave = vi.fn<ProposalFormProps["onSave"]>().mockResolvedValue(undefined);
  renderWithProviders(
    <ProposalForm
      delegations={DELEGATIONS}
      saveLabel="Save draft"
      onSave={onSave}
      onReload={vi.fn()}
      {...overrides}
    />,
    { locale },
  );
  return { onSave: (overrides.onSave as typeof onSave | undefined) ?? onSave };
}

describe("ProposalForm", () => {
  it("shows translated field errors in English and sends nothing", async () => {
    const user = userEvent.setup();
    const { onSave } = renderForm();
    await user.type(screen.getByLabelText("Site country"), "Australia");
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    expect(await screen.findByText("Choose a commodity.")).toBeTruthy();
    expect(screen.getByText("Use a two-letter country code, such as AU.")).toBeTruthy();
    expect(screen.getByText(/Enter the capacity in whole tonnes/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it("proposes the site's time zone from its country, and offers a choice where there are several", async () => {
    const user = userEvent.setup();
    const { onSave } = renderForm();
    const zone = screen.getByLabelText("Site time zone") as HTMLSelectElement;
    expect(zone.value).toBe("");
    await user.type(screen.getByLabelText("Site country"), "jp");
    expect(zone.value).toBe("Asia/Tokyo");
    // Several zones: none is guessed; the country's zones are offered.
    await user.clear(screen.getByLabelText("Site country"));
    await user.type(screen.getByLabelText("Site country"), "AU");
    expect(zone.value).toBe("");
    expect(screen.getByText("This country has several time zones: choose the site's.")).toBeTruthy();
    const offered = [...zone.options].map((o) => o.value);
    expect(offered).toEqual(expect.arrayContaining(["Australia/Perth", "Australia/Sydney"]));
    expect(offered).not.toContain("Asia/Tokyo");
    await user.selectOptions(zone, "Australia/Perth");

    await user.selectOptions(screen.getByLabelText("Commodity"), "NDPR");
    await user.selectOptions(screen.getByLabelText("Supply-chain stage"), "SEPARATION");
    await user.type(screen.getByLabelText("Capacity (tonnes per year)"), "1200");
    await user.type(screen.getByLabelText("Capex (USD)"), "5000000");
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].site).toMatchObject({ country: "AU", timeZone: "Australia/Perth" });
  });

  it("labels the time zone in Japanese", () => {
    renderForm({ saveLabel: "下書きを保存" }, "ja");
    expect(screen.getByLabelText("サイトのタイムゾーン")).toBeTruthy();
  });

  it("shows translated field errors in Japanese", async () => {
    const user = userEvent.setup();
    renderForm({ saveLabel: "下書きを保存" }, "ja");
    await user.click(screen.getByRole("button", { name: "下書きを保存" }));
    expect(await screen.findByText("鉱物を選択してください。")).toBeTruthy();
    expect(screen.getByText("AU のような2文字の国コードを入力してください。")).toBeTruthy();
  });

  it("sends the command and keeps typed values after a conflict", async () => {
    const user = userEvent.setup();
    const onSave = vi
      .fn<ProposalFormProps["onSave"]>()
      .mockRejectedValue(apiError("CONFLICT", "Someone else saved this proposal."));
    renderForm({ onSave });
    const [titleEn] = screen.getAllByLabelText("Title");
    await user.type(titleEn!, "Kalgoorlie separation plant");
    await user.selectOptions(screen.getByLabelText("Commodity"), "NDPR");
    await user.selectOptions(screen.getByLabelText("Supply-chain stage"), "SEPARATION");
    await user.type(screen.getByLabelText("Site country"), "au");
    await user.type(screen.getByLabelText("Capacity (tonnes per year)"), "1200");
    await user.type(screen.getByLabelText("Capex (USD)"), "5000000");
    await user.click(screen.getByLabelText("Japan (JP)"));
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      titleEn: "Kalgoorlie separation plant",
      commodity: "NDPR",
      site: { country: "AU", region: "", latitude: null, longitude: null },
      capacityTpy: 1200,
      capexUsd: 5_000_000,
      sponsors: ["JP"],
    });
    expect(await screen.findByText("Someone else saved this proposal")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reload" })).toBeTruthy();
    expect((titleEn as HTMLInputElement).value).toBe("Kalgoorlie separation plant");
    expect((screen.getByLabelText("Capex (USD)") as HTMLInputElement).value).toBe("5000000");
    expect((screen.getByLabelText("Japan (JP)") as HTMLInputElement).checked).toBe(true);
  });
});
