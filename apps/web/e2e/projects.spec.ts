import { expect, test } from "@playwright/test";
import {
  ACCOUNTS,
  expectNoSeriousA11yViolations,
  openProjectList,
  projectRows,
  screenshot,
  useSignedIn,
} from "./helpers";

const ENGLISH_STATUSES =
  /^(Draft|Submitted|In review|Changes requested|Approved|Rejected|In delivery|Completed|Withdrawn)$/;
const JAPANESE_TEXT = /[\u3040-\u30ff\u4e00-\u9fff]/;

// Margaret Ellison, US delegate: English, America/New_York.
useSignedIn(ACCOUNTS.delegateUs);

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

  test("sorts by reference or by capex, and the order lives in the address", async ({ page }) => {
    await openProjectList(page);
    const sort = page.getByRole("combobox", { name: "Sort by" });
    await expect(sort).toHaveValue("updated");

    // The rows change once the new order arrives (the old page stays visible meanwhile).
    const references = () => projectRows(page).getByRole("rowheader").allTextContents();
    const capex = () =>
      projectRows(page)
        .locator("data")
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute("value"))));
    const sortedBy = <T>(values: T[], compare: (a: T, b: T) => number) =>
      values.length > 1 && values.every((v, i) => i === 0 || compare(values[i - 1]!, v) <= 0);

    await sort.selectOption("reference");
    await expect(page).toHaveURL(/[?&]sort=reference/);
    await expect.poll(async () => sortedBy(await references(), (a, b) => a.localeCompare(b))).toBe(true);

    await sort.selectOption("capex");
    await expect(page).toHaveURL(/[?&]sort=capex/);
    await expect.poll(async () => sortedBy(await capex(), (a, b) => b - a)).toBe(true);
    // Largest first is not the reference order.
    expect(sortedBy(await references(), (a, b) => a.localeCompare(b))).toBe(false);

    // A shared link opens in the same order.
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("capex");
    await expectNoSeriousA11yViolations(page);
  });

  test("shows dates in the time zone of the profile, whatever the browser's", async ({ page }) => {
    // The browser says Asia/Tokyo; Margaret's profile says America/New_York.
    await openProjectList(page, "/projects");
    await expect(page.getByTestId("time-zone-note")).toHaveText(
      "Times are shown in the America/New_York time zone.",
    );
    const time = projectRows(page).first().locator("time");
    const iso = await time.getAttribute("datetime");
    const when = new Date(iso!);
    const zone = { timeZone: "America/New_York" } as const;
    const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", ...zone }).format(when);
    const clock = new Intl.DateTimeFormat("en-US", { timeStyle: "short", ...zone }).format(when);
    await expect(time).toHaveText(`${date} ${clock}`);
  });
});

test.describe("header", () => {
  test("names the signed-in person and their role, without admin links", async ({ page }) => {
    await openProjectList(page);
    await expect(page.getByTestId("signed-in-as")).toHaveText(
      "Signed in as Margaret Ellison · Delegate · US",
    );
    const account = page.getByRole("navigation", { name: "Your account" });
    await expect(account.getByRole("link", { name: "Profile" })).toHaveAttribute("href", "/profile");
    await expect(account.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await expect(account.getByRole("button", { name: "Sign out of all devices" })).toBeVisible();
    const main = page.getByRole("navigation", { name: "Main" });
    await expect(main.getByRole("link")).toHaveText([
      "Projects",
      "My milestones",
      "Dashboard",
      "Funding",
      "Permitting",
    ]);
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

  test("load more works by keyboard alone", async ({ page }) => {
    await openProjectList(page);
    const loadMore = page.getByRole("button", { name: "Load more projects" });
    // Past the header, the search and filters, and each row's title link.
    for (let i = 0; i < 80 && !(await loadMore.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(loadMore).toBeFocused();
    const before = await projectRows(page).count();
    await page.keyboard.press("Enter");
    await expect.poll(() => projectRows(page).count()).toBeGreaterThan(before);
    // Focus stays on the button, or moves to the summary when the last page arrived.
    await expect(page.locator(":focus")).toHaveText(/Load more projects|projects are shown/);
  });
});

test.describe("other pages", () => {
  test("an unknown address shows a translated not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("the /trpc forwarding answers through the web server, with the session's cookie", async ({ page }) => {
    await page.goto("/projects");
    const response = await page.request.get("/trpc/project.list?input=%7B%22limit%22%3A2%7D");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      result: { data: { items: unknown[]; nextCursor: string | null } };
    };
    expect(body.result.data.items).toHaveLength(2);
    expect(body.result.data.nextCursor).toEqual(expect.any(String));
    expect(response.headers()["x-request-id"]).toBeTruthy();
  });
});
