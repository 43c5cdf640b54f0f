import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DecisionRule } from "@lodestone/domain/decision";
import { fieldLimits } from "@/features/forms/field-errors";
import { renderWithProviders } from "@/test/render";
import { RuleForm, RuleFormFields } from "./rule-form";

const RULE = {
  countedDelegations: ["JP", "US"],
  requiredDelegations: ["JP", "US"],
  quorum: 0.5,
  approval: "MORE_APPROVE_THAN_REJECT" as const,
};

function renderForm(locale: "en" | "ja" = "en", initial: typeof RULE = RULE) {
  const onSubmit = vi.fn().mockResolvedValue(undefined);
  renderWithProviders(
    <RuleForm
      initial={initial}
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

  it("takes the quorum message away as soon as the quorum is corrected, without sending again", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const quorum = screen.getByLabelText("Quorum (percent of each delegation's delegates)");
    await user.clear(quorum);
    await user.type(quorum, "0");
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(await screen.findByText("Enter a quorum above 0 and at most 100 percent.")).toBeTruthy();
    expect(quorum.getAttribute("aria-invalid")).toBe("true");

    await user.clear(quorum);
    await user.type(quorum, "50");
    await waitFor(() =>
      expect(screen.queryByText("Enter a quorum above 0 and at most 100 percent.")).toBeNull(),
    );
    expect(quorum.getAttribute("aria-invalid")).toBeNull();
    expect(quorum.getAttribute("aria-describedby")).not.toMatch(/-error/);
    expect(onSubmit).not.toHaveBeenCalled();

    // And back when it is wrong again.
    await user.clear(quorum);
    await user.type(quorum, "120");
    expect(await screen.findByText("Enter a quorum above 0 and at most 100 percent.")).toBeTruthy();
  });

  it("does the same in Japanese", async () => {
    const user = userEvent.setup();
    renderForm("ja");
    const quorum = screen.getByLabelText("定足数（各代表団の代表団員に対する割合、％）");
    await user.clear(quorum);
    await user.click(screen.getByRole("button", { name: "ルールを保存" }));
    expect(await screen.findByText("定足数は0より大きく100以下の割合で入力してください。")).toBeTruthy();
    await user.type(quorum, "60");
    await waitFor(() =>
      expect(screen.queryByText("定足数は0より大きく100以下の割合で入力してください。")).toBeNull(),
    );
  });

  it("takes the required-delegation message away once one is chosen again", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const required = screen.getByRole("group", { name: "Delegations that must approve" });
    for (const box of required.querySelectorAll("input")) await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(await screen.findByText(/Choose at least one delegation that must approve/)).toBeTruthy();
    await user.click(within(required).getByRole("checkbox", { name: "US" }));
    await waitFor(() =>
      expect(screen.queryByText(/Choose at least one delegation that must approve/)).toBeNull(),
    );
    expect(required.getAttribute("aria-describedby")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(onSubmit).toHaveBeenCalledWith({ ...RULE, requiredDelegations: ["US"] });
  });

  it("offers each approval rule as a radio button with its whole wording, in both languages", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const approval = screen.getByRole("group", { name: "Approval" });
    const twoThirds = within(approval).getByRole("radio", {
      name: "At least two thirds of approve and reject votes approve",
    });
    expect(
      (within(approval).getByRole("radio", { name: /More approve than reject/ }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(twoThirds);
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(onSubmit).toHaveBeenCalledWith({ ...RULE, approval: "TWO_THIRDS_OF_CAST" });
    cleanup();

    renderForm("ja");
    const ja = screen.getByRole("group", { name: "承認の基準" });
    expect(within(ja).getByRole("radio", { name: "承認と反対の票のうち3分の2以上が承認" })).toBeTruthy();
    expect(within(ja).getByRole("radio", { name: "承認が反対より多い（棄権は数えない）" })).toBeTruthy();
  });

  it("refuses a required delegation that is not counted, with the domain's rule, under that field", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm("en", { ...RULE, countedDelegations: ["JP"] });
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    const required = screen.getByRole("group", { name: "Delegations that must approve" });
    const message = await within(required).findByText(
      "Every delegation that must approve must also be counted.",
    );
    expect(document.getElementById(required.getAttribute("aria-describedby")!)?.contains(message)).toBe(true);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("asks for a counted delegation, and marks the quorum as required", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const counted = screen.getByRole("group", { name: "Delegations counted" });
    for (const box of counted.querySelectorAll("input")) await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(await within(counted).findByText("Count at least one delegation.")).toBeTruthy();
    const quorum = screen.getByLabelText("Quorum (percent of each delegation's delegates)");
    expect(quorum.getAttribute("aria-required")).toBe("true");
    expect(quorum.getAttribute("max")).toBe("100");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("takes the quorum in percent within the domain's bounds on the share", () => {
    const share = fieldLimits(DecisionRule, "quorum");
    expect(share).toEqual({ kind: "number", minimum: 0, maximum: 1 });
    expect(fieldLimits(RuleFormFields, "quorum")).toEqual({
      kind: "number",
      minimum: share.minimum! * 100,
      maximum: share.maximum! * 100,
    });
  });

  it("sends a valid rule", async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole("button", { name: "Save the rule" }));
    expect(onSubmit).toHaveBeenCalledWith(RULE);
  });
});
