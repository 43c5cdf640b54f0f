import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoSeriousA11yViolations, signIn, SIGNED_OUT, useSignedIn } from "./helpers";

useSignedIn(ACCOUNTS.coordinator);

test.describe("audit log", () => {
  test("a coordinator browses and filters the audit log by keyboard, with filters in the address", async ({
    page,
  }) => {
    await page.goto("/projects");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);

    // Every sign-in is recorded (this coordinator's too): filter to them by keyboard.
    await page.getByLabel("Record type").selectOption("User");
    await page.getByLabel("Action", { exact: true }).fill("session.");
    await page.getByLabel("Action", { exact: true }).press("Enter");
    await expect(page).toHaveURL(/entityType=User/);
    await expect(page).toHaveURL(/action=session\./);
    await expect(rows.filter({ hasText: ACCOUNTS.coordinator }).first()).toBeVisible();
    for (const action of await rows.getByRole("rowheader").allTextContents()) {
      expect(action.startsWith("session.")).toBe(true);
    }
    const first = rows.first();
    await first.getByText("Show changes").click();
    await expect(first.locator("pre").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // A shared link opens the same view; a day with nothing shows the empty state.
    await page.goto("/audit?entityType=User&from=2001-01-01&to=2001-01-02");
    await expect(page.getByRole("heading", { name: "No events match these filters." })).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/audit$/);
  });
});

test.describe("audit log for others", () => {
  test.use(SIGNED_OUT);

  test("a partner is refused and sees no link to it", async ({ page }) => {
    await signIn(page, ACCOUNTS.partner);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
    ).toHaveCount(0);
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
  });
});
