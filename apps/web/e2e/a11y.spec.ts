import { expect, test } from "@playwright/test";
import {
  ACCOUNTS,
  expectNoSeriousA11yViolations,
  requestSignInLink,
  screenshot,
  useSignedIn,
} from "./helpers";

test.describe("signed out", () => {
  for (const locale of ["en-US", "ja-JP"] as const) {
    test(`sign-in, check-email and the outbox have no serious violations (${locale})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const suffix = locale.slice(0, 2);

      await page.goto("/sign-in");
      await expect(page.locator('input[name="email"]')).toBeVisible();
      await screenshot(page, `lodestone-sign-in-${suffix}`);
      await expectNoSeriousA11yViolations(page);

      // With an error shown and a field in error.
      await page.goto("/sign-in?error=Verification");
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('input[name="email"]')).toHaveAttribute("aria-invalid", "true");
      await screenshot(page, `lodestone-sign-in-errors-${suffix}`);
      await expectNoSeriousA11yViolations(page);

      await requestSignInLink(page, ACCOUNTS.coordinatorJp);
      await screenshot(page, `lodestone-check-email-${suffix}`);
      await expectNoSeriousA11yViolations(page);

      await page.goto("/dev/outbox");
      await expect(page.locator("article").first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await context.close();
    });
  }
});

test.describe("signed in as an administrator", () => {
  useSignedIn(ACCOUNTS.admin);

  test("projects, profile, users, delegations and the dashboard have no serious violations", async ({
    page,
  }) => {
    for (const [path, heading] of [
      ["/projects", "Projects"],
      ["/profile", "Your profile"],
      ["/admin/users", "Users"],
      ["/admin/delegations", "Delegations"],
      ["/dashboard", "Pipeline dashboard"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      if (path === "/admin/users") await screenshot(page, "lodestone-admin-users-en");
      await expectNoSeriousA11yViolations(page);
    }
  });

  test("a project's discussion, review rounds and decision record have no serious violations", async ({
    page,
  }) => {
    // A seeded project with a closed round, its decision and a discussion.
    const title = "Kurrajong Hill NdPr Mine Expansion";
    await page.goto(`/projects?q=${encodeURIComponent(title)}`);
    const row = page.locator("table tbody tr").filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await row.getByRole("link").first().click();
    await expect(page.getByTestId("comment-stats")).toBeVisible();

    await page.getByRole("link", { name: "Discussion", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Discussion" })).toBeVisible();
    await expect(page.locator("article").first()).toBeVisible();
    await expect(page.getByText("Loading comments…")).toHaveCount(0);
    await screenshot(page, "lodestone-discussion-en");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Review", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Votes by delegation" }).first()).toBeVisible();
    await screenshot(page, "lodestone-review-en");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Open the decision record" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Decision record" })).toBeVisible();
    await screenshot(page, "lodestone-decision-en");
    await expectNoSeriousA11yViolations(page);
  });

  test("and in Japanese", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "日本語" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "ユーザー" })).toBeVisible();
    await expect(page.locator("table tbody tr").first()).toBeVisible();
    await screenshot(page, "lodestone-admin-users-ja");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "ユーザーを招待" }).click();
    const dialog = page.getByRole("dialog", { name: "ユーザーを招待" });
    await dialog.getByRole("button", { name: "招待してリンクを送信" }).click();
    await expect(dialog.getByText("名前を入力してください。")).toBeVisible();
    await screenshot(page, "lodestone-admin-invite-ja");
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    for (const path of ["/admin/delegations", "/profile", "/projects"]) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
    }
    // Back to English for the other files.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
