import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

/** Fails with a readable list when axe finds a serious or critical violation on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  expect(serious).toEqual([]);
}

export function projectRows(page: Page): Locator {
  return page.locator("table tbody tr");
}

/**
 * Opens the project list as a first-time visitor would: `/` redirects to `/projects`, the
 * browser reports its time zone and the page re-renders in it, and the first page of projects loads.
 */
export async function openProjectList(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId("time-zone-note")).toContainText("Asia/Tokyo");
  await expect(projectRows(page).first()).toBeVisible();
}

/** Saves a full-page screenshot when E2E_SCREENSHOT_DIR is set (for looking at the result). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  const path = dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
}
