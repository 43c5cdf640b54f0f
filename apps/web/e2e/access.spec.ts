import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoSeriousA11yViolations, useSignedIn } from "./helpers";

test.describe("a partner", () => {
  // Liam Carter, Quandong Minerals.
  useSignedIn(ACCOUNTS.partner);

  test("cannot reach the admin pages: a translated 403 page", async ({ page }) => {
    for (const path of ["/admin/users", "/admin/delegations"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(
        page.getByRole("heading", { level: 1, name: "You do not have access to this page" }),
      ).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    }
    await expectNoSeriousA11yViolations(page);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      "Projects",
      "My milestones",
      "Dashboard",
      "Funding",
      "Permitting",
    ]);
  });

  test("and the API refuses the admin procedures from the page itself", async ({ page }) => {
    await page.goto("/projects");
    const answers = await page.evaluate(async () => {
      const list = await fetch(`/trpc/user.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
      const invite = await fetch("/trpc/user.invite", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Mallory", email: "mallory@example.org", role: "ADMIN" }),
      });
      return {
        list: list.status,
        listCode: ((await list.json()) as { error: { data: { code: string } } }).error.data.code,
        invite: invite.status,
      };
    });
    expect(answers).toEqual({ list: 403, listCode: "FORBIDDEN", invite: 403 });
  });

  test("sees the 403 page in Japanese too", async ({ page }) => {
    await page.goto("/projects");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "日本語" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await page.goto("/admin/users");
    await expect(
      page.getByRole("heading", { level: 1, name: "このページを表示する権限がありません" }),
    ).toBeVisible();
    // Back to English for the profile's sake.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("a delegate", () => {
  useSignedIn(ACCOUNTS.delegateJp);

  test("has no admin links and gets the 403 page", async ({ page }) => {
    const response = await page.goto("/admin/delegations");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("navigation", { name: "メイン" }).getByRole("link")).toHaveText([
      "プロジェクト",
      "担当マイルストーン",
      "ダッシュボード",
      "資金調達",
      "許認可",
    ]);
  });
});
