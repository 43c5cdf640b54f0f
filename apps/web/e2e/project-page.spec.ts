import { expect, test } from "@playwright/test";
import {
  ACCOUNTS,
  expectNoSeriousA11yViolations,
  openProjectList,
  projectRows,
  screenshot,
  useSignedIn,
} from "./helpers";

// Margaret Ellison, US delegate: English, America/New_York.
useSignedIn(ACCOUNTS.delegateUs);

test.describe("project page", () => {
  test("search in Japanese, open a project, read both languages, switch to one", async ({ page }) => {
    await openProjectList(page);
    await page.getByRole("searchbox", { name: "Search" }).fill("分離");
    await expect(page).toHaveURL(/[?&]q=%E5%88%86%E9%9B%A2/);
    await expect(projectRows(page).first()).toBeVisible();
    const row = projectRows(page).filter({ hasText: "分離" }).first();
    await expect(row).toBeVisible();

    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    const english = page.locator('section[data-language="en"]');
    const japanese = page.locator('section[data-language="ja"]');
    await expect(english).toBeVisible();
    await expect(japanese).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Side by side on a wide screen.
    const [a, b] = [await english.boundingBox(), await japanese.boundingBox()];
    expect(a && b && Math.abs(a.y - b.y) < 2 && a.x < b.x).toBe(true);
    // Exactly one language is binding.
    await expect(page.locator("section[data-language]").getByText("Binding", { exact: true })).toHaveCount(1);
    await expect(english.locator("[data-translation]")).toHaveText(/^Translation: /);
    await screenshot(page, "lodestone-project-page");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("radio", { name: "Japanese only" }).check();
    await expect(english).toHaveCount(0);
    await expect(japanese).toBeVisible();
    await page.getByRole("radio", { name: "English only" }).check();
    await expect(japanese).toHaveCount(0);
    await expect(english).toBeVisible();
    await expect(page.getByRole("heading", { name: "Status timeline" })).toBeVisible();
  });

  test("revision history with a word diff between two revisions", async ({ page }) => {
    await openProjectList(page);
    await page.getByRole("searchbox", { name: "Search" }).fill("Kwale");
    await expect(page).toHaveURL(/[?&]q=Kwale/);
    const row = projectRows(page).filter({ hasText: "LD-0010" });
    await expect(row).toHaveCount(1);
    await row.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kwale Coast Monazite Mine");

    const history = page.getByRole("region", { name: "Revision history" });
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(history.getByLabel("From revision")).toHaveValue("1");
    await expect(history.getByLabel("To revision")).toHaveValue("2");
    const diff = page.getByTestId("revision-diff");
    await expect(diff.locator("ins, del").first()).toBeVisible();
    await expect(diff.getByRole("heading", { name: "Other details" })).toBeVisible();
    await screenshot(page, "lodestone-project-revisions");
    await expectNoSeriousA11yViolations(page);

    await expect(page.getByRole("heading", { name: "Status timeline" })).toBeVisible();
    await expect(page.locator('li[data-event="status_changed"]').first()).toBeVisible();
  });

  test("a status filter in the address survives a reload", async ({ page }) => {
    await page.goto("/projects?status=CHANGES_REQUESTED");
    await expect(projectRows(page).first()).toBeVisible();
    const statuses = await projectRows(page).locator("[data-status]").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Changes requested"]));
    await expect(page.getByRole("checkbox", { name: "Changes requested" })).toBeChecked();
    const references = await projectRows(page).getByRole("rowheader").allTextContents();
    await screenshot(page, "lodestone-projects-filtered");
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect(projectRows(page).first()).toBeVisible();
    expect(await projectRows(page).getByRole("rowheader").allTextContents()).toEqual(references);

    // Another filter through the form, then back.
    await page.getByRole("checkbox", { name: "Approved" }).click();
    await expect(page).toHaveURL(/status=CHANGES_REQUESTED&status=APPROVED/);
    await page.goBack();
    await expect(page).toHaveURL(/\?status=CHANGES_REQUESTED$/);
    await expect(page.getByRole("checkbox", { name: "Approved" })).not.toBeChecked();

    await page.getByRole("searchbox", { name: "Search" }).fill("nothing-matches-this-zzz");
    await expect(page.getByRole("heading", { name: "No projects match" })).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(projectRows(page).first()).toBeVisible();
  });

  test("a project that does not exist is not found", async ({ page }) => {
    await page.goto("/projects/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
