import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, openProjectList, projectRows, screenshot } from "./helpers";

const ENGLISH_STATUSES =
  /^(Draft|Submitted|In review|Changes requested|Approved|Rejected|In delivery|Completed|Withdrawn)$/;
const JAPANESE_STATUSES = /^(下書き|提出済み|審査中|修正依頼|承認|否決|実施中|完了|取り下げ)$/;
const JAPANESE_TEXT = /[\u3040-\u30ff\u4e00-\u9fff]/;

test.describe("project list", () => {
  test("shows the seeded projects in English", async ({ page }) => {
    await openProjectList(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(/Projects · Lodestone/);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }),
    ).toHaveAttribute("aria-current", "page");

    await expect.poll(() => projectRows(page).count()).toBeGreaterThanOrEqual(10);
    const first = projectRows(page).first();
    await expect(first.getByRole("rowheader")).toHaveText(/^LD-\d{4}$/);
    await expect(first.locator("[data-status]")).toHaveText(ENGLISH_STATUSES);
    await expect(first.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(first.locator("data")).toHaveText(/^\$[\d.,]+[KMBT]?$/);
    // Both languages are available: the Japanese title sits under the English one.
    await expect(page.locator('table tbody [lang="ja"]').first()).toHaveText(JAPANESE_TEXT);

    await screenshot(page, "lodestone-projects-en");
    await expectNoSeriousA11yViolations(page);
  });

  test("loads more projects with the next cursor", async ({ page }) => {
    await openProjectList(page);
    await expect(projectRows(page)).toHaveCount(20);
    const references = await projectRows(page).getByRole("rowheader").allTextContents();

    await page.getByRole("button", { name: "Load more projects" }).click();
    await expect.poll(() => projectRows(page).count()).toBeGreaterThan(20);
    const after = await projectRows(page).getByRole("rowheader").allTextContents();
    expect(after.slice(0, 20)).toEqual(references);
    expect(new Set(after).size).toBe(after.length);

    // Keep going until the last page; then the button is gone and the summary says so.
    const loadMore = page.getByRole("button", { name: "Load more projects" });
    while (await loadMore.isVisible()) {
      const count = await projectRows(page).count();
      await loadMore.click();
      await expect.poll(() => projectRows(page).count()).toBeGreaterThan(count);
    }
    const total = await projectRows(page).count();
    await expect(page.getByText(`All ${total} projects are shown.`)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("switches to Japanese from the header and remembers it", async ({ page }) => {
    await openProjectList(page);
    const japanese = page.getByRole("group", { name: "Language" }).getByRole("button", { name: "日本語" });
    await expect(japanese).toHaveAttribute("aria-pressed", "false");
    await japanese.click();

    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "プロジェクト一覧" })).toBeVisible();
    await expect(
      page.getByRole("group", { name: "表示言語" }).getByRole("button", { name: "日本語" }),
    ).toHaveAttribute("aria-pressed", "true");
    const first = projectRows(page).first();
    await expect(first.locator("[data-status]")).toHaveText(JAPANESE_STATUSES);
    await expect(first.locator("td").first().locator("span").first()).toHaveText(JAPANESE_TEXT);
    await expect(page.getByRole("columnheader", { name: "生産能力（t/年）" })).toBeVisible();
    await expect(page.getByTestId("time-zone-note")).toHaveText(
      "日時は Asia/Tokyo のタイムゾーンで表示しています。",
    );
    await screenshot(page, "lodestone-projects-ja");
    await expectNoSeriousA11yViolations(page);

    // The choice is a cookie: a new page load stays in Japanese.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "プロジェクト一覧" })).toBeVisible();

    // And back.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  });

  test("follows the browser's language on a first visit", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    await openProjectList(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "プロジェクト一覧" })).toBeVisible();
    await context.close();
  });

  test("shows dates in the browser's time zone", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    const page = await context.newPage();
    await page.goto("/projects");
    await expect(page.getByTestId("time-zone-note")).toHaveText(
      "Times are shown in the America/New_York time zone.",
    );
    const time = projectRows(page).first().locator("time");
    const iso = await time.getAttribute("datetime");
    const when = new Date(iso!);
    const zone = { timeZone: "America/New_York" } as const;
    const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", ...zone }).format(when);
    const clock = new Intl.DateTimeFormat("en-US", { timeStyle: "short", ...zone }).format(when);
    const expected = `${date} ${clock}`;
    await expect(time).toHaveText(expected);
    await context.close();
  });
});

test.describe("keyboard", () => {
  test("Tab reaches the skip link first, and it moves focus to the content", async ({ page }) => {
    await openProjectList(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the language switch and load more work by keyboard alone", async ({ page }) => {
    await openProjectList(page);
    const japanese = page.getByRole("button", { name: "日本語" });
    for (let i = 0; i < 10 && !(await japanese.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(japanese).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");

    const loadMore = page.getByRole("button", { name: "さらに読み込む" });
    for (let i = 0; i < 10 && !(await loadMore.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(loadMore).toBeFocused();
    const before = await projectRows(page).count();
    await page.keyboard.press("Enter");
    await expect.poll(() => projectRows(page).count()).toBeGreaterThan(before);
    // Focus stays on the button, or moves to the summary when the last page arrived.
    await expect(page.locator(":focus")).toHaveText(/さらに読み込む|件のプロジェクトを表示/);
  });
});

test.describe("other pages", () => {
  test("an unknown address shows a translated not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    // A first visit re-renders once the browser has reported its time zone; wait for that.
    await expect(page.getByTestId("time-zone-note")).toContainText("Asia/Tokyo");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("the API health and the /trpc forwarding answer through the web server", async ({ request }) => {
    const response = await request.get("/trpc/project.list?input=%7B%22limit%22%3A2%7D");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      result: { data: { items: unknown[]; nextCursor: string | null } };
    };
    expect(body.result.data.items).toHaveLength(2);
    expect(body.result.data.nextCursor).toEqual(expect.any(String));
    expect(response.headers()["x-request-id"]).toBeTruthy();
  });
});
