import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoSeriousA11yViolations, projectRows, screenshot, signIn } from "./helpers";

const JAPANESE_STATUSES = /^(下書き|提出済み|審査中|修正依頼|承認|否決|実施中|完了|取り下げ)$/;

test("a Japanese delegate sees Japanese right after signing in, even with an English cookie", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
  await context.addCookies([{ name: "LODESTONE_LOCALE", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await signIn(page, ACCOUNTS.delegateJp);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: "プロジェクト一覧" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("佐藤 恵美 としてサインイン中 · 代表団員 · JP");
  await expect(projectRows(page).first().locator("[data-status]")).toHaveText(JAPANESE_STATUSES);
  // Times in the profile's zone, not the browser's.
  await expect(page.getByTestId("time-zone-note")).toHaveText(
    "日時は Asia/Tokyo のタイムゾーンで表示しています。",
  );
  await screenshot(page, "lodestone-projects-ja");
  await expectNoSeriousA11yViolations(page);

  // After signing out, the sign-in page keeps speaking the profile's language.
  await page.getByRole("button", { name: "サインアウト", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("サインアウトしました。");
  await context.close();
});

test("the language switch saves the choice in the profile, so it follows to other devices", async ({
  browser,
}) => {
  const desk = await browser.newContext({ locale: "en-US" });
  const onDesk = await desk.newPage();
  await signIn(onDesk, ACCOUNTS.delegateAu);
  await expect(onDesk.locator("html")).toHaveAttribute("lang", "en");

  // By keyboard: Tab to 日本語, Enter.
  const japanese = onDesk.getByRole("group", { name: "Language" }).getByRole("button", { name: "日本語" });
  for (let i = 0; i < 20 && !(await japanese.evaluate((el) => el === document.activeElement)); i++) {
    await onDesk.keyboard.press("Tab");
  }
  await expect(japanese).toBeFocused();
  await onDesk.keyboard.press("Enter");
  await expect(onDesk.locator("html")).toHaveAttribute("lang", "ja");
  await expect(onDesk.getByRole("heading", { level: 1, name: "プロジェクト一覧" })).toBeVisible();

  // Another device, another browser language: Japanese from the first page after signing in.
  const tablet = await browser.newContext({ locale: "en-GB" });
  const onTablet = await tablet.newPage();
  await signIn(onTablet, ACCOUNTS.delegateAu);
  await expect(onTablet.locator("html")).toHaveAttribute("lang", "ja");

  // And back to English from there, which the desk sees on its next page.
  await onTablet.getByRole("button", { name: "English" }).click();
  await expect(onTablet.locator("html")).toHaveAttribute("lang", "en");
  await onDesk.reload();
  await expect(onDesk.locator("html")).toHaveAttribute("lang", "en");
  await desk.close();
  await tablet.close();
});

test("the profile page changes name, language and time zone, and the page follows at once", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.coordinator, "/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const name = page.getByLabel("Name");
  await expect(name).toHaveValue("Thomas Reyes");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");

  // An empty name is refused next to the field; nothing else is lost.
  await name.fill("   ");
  await page.getByLabel("日本語").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("日本語")).toBeChecked();

  await name.fill("Tom Reyes");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(
    page.getByRole("main").getByRole("status").filter({ hasText: "プロフィールを保存しました。" }),
  ).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: "プロフィール" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText("Tom Reyes");
  await expect(page.getByTestId("time-zone-note")).toHaveText(
    "日時は Asia/Tokyo のタイムゾーンで表示しています。",
  );
  await expectNoSeriousA11yViolations(page);

  // Put it back.
  await page.getByLabel("名前").fill("Thomas Reyes");
  await page.getByLabel("English").check();
  await page.getByLabel("タイムゾーン").selectOption("America/New_York");
  await page.getByRole("button", { name: "プロフィールを保存" }).click();
  await expect(
    page.getByRole("main").getByRole("status").filter({ hasText: "Your profile has been saved." }),
  ).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("time-zone-note")).toHaveText(
    "Times are shown in the America/New_York time zone.",
  );
});
