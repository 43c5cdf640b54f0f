import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoSeriousA11yViolations, projectRows, useSignedIn } from "./helpers";

// Quandong Minerals' partner: English.
useSignedIn(ACCOUNTS.partner);

test.describe("proposal form", () => {
  test("create a draft, come back to it from the list, edit and submit it", async ({ page }) => {
    const title = `Browser-made separation plant ${Date.now()}`;
    await page.goto("/projects");
    await page.getByRole("link", { name: "New proposal" }).click();
    await expect(page).toHaveURL(/\/projects\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "New proposal" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Title", { exact: true }).first().fill(title);
    await page.getByLabel("Summary", { exact: true }).first().fill("A plant that separates NdPr oxide.");
    await page.getByLabel("Description", { exact: true }).first().fill("## Plan\n\nBuild the plant.");
    await page.getByLabel("Commodity").selectOption("NDPR");
    await page.getByLabel("Supply-chain stage").selectOption("SEPARATION");
    await page.getByLabel("Site country").fill("AU");
    await page.getByLabel("Region").fill("Western Australia");
    await page.getByLabel("Capacity (tonnes per year)").fill("1500");
    await page.getByLabel("Capex (USD)").fill("250000000");
    await page.getByRole("checkbox", { name: /\(JP\)/ }).check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/edit/);
    await expect(page.getByText("Draft saved.")).toBeVisible();
    const editUrl = new URL(page.url()).pathname;
    await expectNoSeriousA11yViolations(page);

    // Leave, then come back from the list.
    await page.goto("/projects");
    await page.getByRole("searchbox", { name: "Search" }).fill(title);
    // The search goes into the address after a pause: wait for it, or its navigation can land
    // after the click below and take the page back to the list.
    await expect(page).toHaveURL(/[?&]q=/);
    const row = projectRows(page).filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await row.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === editUrl);

    const edited = `${title} (revised)`;
    await page.getByLabel("Title", { exact: true }).first().fill(edited);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Submit for review" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: edited })).toBeVisible();
    await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  });
});

test.describe("submission checks and withdrawal", () => {
  test("an incomplete draft names what is missing, unsaved changes must be saved first, and withdrawing asks", async ({
    page,
  }) => {
    const title = `Incomplete recycling line ${Date.now()}`;
    await page.goto("/projects/new");
    await page.getByLabel("Title", { exact: true }).first().fill(title);
    await page.getByLabel("Summary", { exact: true }).first().fill("Recovers magnet scrap.");
    await page.getByLabel("Description", { exact: true }).first().fill("Plan to follow.");
    await page.getByLabel("Commodity").selectOption("DY");
    await page.getByLabel("Supply-chain stage").selectOption("RECYCLING");
    await page.getByLabel("Site country").fill("JP");
    await page.getByLabel("Capacity (tonnes per year)").fill("300");
    await page.getByLabel("Capex (USD)").fill("40000000");
    // No region and no sponsoring delegation yet.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/edit/);

    await page.getByRole("button", { name: "Submit for review" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "not complete yet" });
    await expect(alert).toContainText("Region");
    await expect(alert).toContainText("Sponsoring delegations");
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // Typed but not saved: submitting would send the saved version, so it asks to save first.
    await page.getByLabel("Region").fill("Kitakyushu");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "unsaved changes" })).toBeVisible();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(alert).toContainText("Sponsoring delegations");
    await expect(alert).not.toContainText("Region");

    // Withdraw: asks first; cancelling changes nothing.
    await page.getByRole("button", { name: "Withdraw" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("This cannot be undone");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole("button", { name: "Withdraw" }).click();
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Withdrawn", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  });
});
