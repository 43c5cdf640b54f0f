import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { RuleForm } from "./rule-form";

const RULE = {
  countedDelegations: ["JP", "US"],
  requiredDelegations: ["JP", "US"],
  quorum: 0.5,
  approval: "MORE_APPROVE_THAN_REJECT" as const,
};

function renderForm(locale: "en" | "ja" = "en") {
  const onSubmit = vi.fn().mockResolvedValue(undefined);
  renderWithProviders(
    <RuleForm
      initial={RULE}
      codes={["JP", "US"]}
      nameOf={(c) => c}
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
    { locale },
  );
  return { onSubmit };
}

describe("RuleForm", () => {
  it("refuses a rule with no delegation that must approve, under that field", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const required = screen.getByRole("group", { name: "Delegations that must approve" });
    for (const box of required.querySelectorAll("input")) await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    const message = await screen.findByText(/Choose at least one delegation that must approve/);
    expect(required.contains(message)).toBe(true);
    const describedBy = required.getAttribute("aria-describedby")!;
    expect(document.getElementById(describedBy)?.textContent).toContain(message.textContent);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("says so in Japanese on a Japanese page", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm("ja");
    const required = screen.getByRole("group", { name: "承認が必要な代表団" });
    for (const box of required.querySelectorAll("input")) await user.click(box);
    await user.click(screen.getByRole("button", { name: "ルールを保存" }));
    expect(await screen.findByText(/承認が必要な代表団を少なくとも1つ選んでください/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a valid rule", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(onSubmit).toHaveBeenCalledWith(RULE);
  });
});
