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
