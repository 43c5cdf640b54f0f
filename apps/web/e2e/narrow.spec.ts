import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectNoSeriousA11yViolations, projectRows, screenshot, useSignedIn } from "./helpers";

// A phone-sized screen (375 × 812): the header folds into a menu, wide tables scroll inside a
// labelled region that takes focus, the project list stacks, chart labels fit; and keyboard focus
// stays on what a vote or a save reports.
test.use({ viewport: { width: 375, height: 812 } });

const WORDS = {
  en: {
    menu: "Menu",
    main: "Main",
    dashboard: "Dashboard",
    review: "Review",
    delivery: "Delivery",
    approve: "Approve",
    recorded: "Your vote is recorded: Approve.",
  },
  ja: {
    menu: "メニュー",
    main: "メイン",
    dashboard: "ダッシュボード",
    review: "審査",
    delivery: "実施状況",
    approve: "承認",
    recorded: "投票を記録しました：承認",
  },
} as const;

// Seeded projects: one in review with an open round, one with a closed round and its decision,
// one in delivery.
const IN_REVIEW = "LD-0013";
const DECIDED = "LD-0003";
const IN_DELIVERY = "LD-0004";

/** Opens a project from the list by its reference and returns its address. */
async function projectPath(page: Page, reference: string): Promise<string> {
  await page.goto(`/projects?q=${reference}`);
  const row = projectRows(page).filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /Loading|読み込んでいます/ })).toHaveCount(0);
}

/** Whether the page scrolls sideways as a whole (a narrow layout never should). */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

for (const [lang, account] of [
  ["en", ACCOUNTS.coordinator],
  ["ja", ACCOUNTS.delegateJp],
] as const) {
  const w = WORDS[lang];

  test.describe(`at 375 px (${lang})`, () => {
    useSignedIn(account, { locale: lang === "ja" ? "ja-JP" : "en-US" });

    test("the header is one short bar whose menu opens and closes from the keyboard", async ({ page }) => {
      await page.goto("/projects");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const header = page.locator("body > header");
      const box = await header.boundingBox();
      expect(box!.height).toBeLessThanOrEqual(80);

      const menu = header.getByRole("button", { name: w.menu });
      const nav = header.getByRole("navigation", { name: w.main });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toBeHidden();

      // Open with Enter, close with Escape: focus comes back to the button.
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(nav).toBeVisible();
      await expect(
        header.getByRole("group", { name: lang === "ja" ? "表示言語" : "Language" }),
      ).toBeVisible();
      await screenshot(page, `lodestone-narrow-menu-${lang}`);
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toBeHidden();
      await expect(menu).toBeFocused();

      // Open with Space, go to a page by keyboard: the menu is closed on the new page.
      await page.keyboard.press("Space");
      await expect(nav).toBeVisible();
      const dashboard = nav.getByRole("link", { name: w.dashboard });
      for (let i = 0; i < 12 && !(await dashboard.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press("Tab");
      }
      await expect(dashboard).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toBeHidden();
    });

    test("the project list stacks its rows and the page does not scroll sideways", async ({ page }) => {
      await page.goto("/projects");
      await settled(page);
      const first = projectRows(page).first();
      await expect(first).toBeVisible();
      // Each project fits the screen: nothing of the row lies beyond its right edge.
      const row = await first.boundingBox();
      expect(row!.x + row!.width).toBeLessThanOrEqual(375);
      const link = await first.getByRole("link").first().boundingBox();
      expect(link!.x).toBeGreaterThanOrEqual(0);
      expect(link!.x + link!.width).toBeLessThanOrEqual(375);
      expect(await pageScrollsSideways(page)).toBe(false);
      await screenshot(page, `lodestone-narrow-projects-${lang}`);
      await expectNoSeriousA11yViolations(page);
    });

    test("the review and delivery pages have no serious violations", async ({ page }) => {
      for (const reference of [IN_REVIEW, DECIDED]) {
        const path = await projectPath(page, reference);
        await page.goto(`${path}/review`);
        await expect(page.getByRole("heading", { level: 1, name: w.review })).toBeVisible();
        await settled(page);
        await expect(page.locator("section[data-round-id]").first()).toBeVisible();
        expect(await pageScrollsSideways(page)).toBe(false);
        await screenshot(page, `lodestone-narrow-review-${reference}-${lang}`);
        await expectNoSeriousA11yViolations(page);
      }

      const path = await projectPath(page, IN_DELIVERY);
      await page.goto(`${path}/delivery`);
      await expect(page.getByRole("heading", { level: 2, name: w.delivery })).toBeVisible();
      await expect(page.getByRole("progressbar").first()).toBeVisible();
      await settled(page);
      expect(await pageScrollsSideways(page)).toBe(false);
      await screenshot(page, `lodestone-narrow-delivery-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // A region that scrolls sideways is reached with Tab and named.
      const scrolling = page.locator("[data-scroll-region]");
      expect(await scrolling.count()).toBeGreaterThan(0);
      for (const region of await scrolling.all()) {
        const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
        if (!scrolls) continue;
        await expect(region).toHaveAttribute("tabindex", "0");
        await expect(region).toHaveAccessibleName(/.+/);
      }
    });

    test("the dashboard has no serious violations and its chart labels are not cut off", async ({ page }) => {
      await page.goto("/dashboard");
      await expect(page.locator("h1")).toBeVisible();
      await settled(page);
      const charts = page.locator(".recharts-wrapper svg.recharts-surface");
      // The pipeline's four charts, and the projects at each stage gate.
      await expect(charts).toHaveCount(5);
      expect(await pageScrollsSideways(page)).toBe(false);
      await screenshot(page, `lodestone-narrow-dashboard-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // Every category label lies inside its chart and clear of its neighbours.
      for (const chart of await charts.all()) {
        const surface = (await chart.boundingBox())!;
        const labels = await chart
          .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
          .evaluateAll((nodes) =>
            nodes.map((n) => {
              const r = n.getBoundingClientRect();
              return {
                text: n.textContent ?? "",
                left: r.left,
                right: r.right,
                top: r.top,
                bottom: r.bottom,
              };
            }),
          );
        expect(labels.length).toBeGreaterThan(0);
        for (const label of labels) {
          expect(label.left, `"${label.text}" starts inside the chart`).toBeGreaterThanOrEqual(
            surface.x - 0.5,
          );
          expect(label.right, `"${label.text}" ends inside the chart`).toBeLessThanOrEqual(
            surface.x + surface.width + 0.5,
          );
        }
        const byTop = [...labels].sort((a, b) => a.top - b.top);
        for (let i = 1; i < byTop.length; i++) {
          expect(
            byTop[i]!.top,
            `"${byTop[i]!.text}" clear of "${byTop[i - 1]!.text}"`,
          ).toBeGreaterThanOrEqual(byTop[i - 1]!.bottom - 0.5);
        }
      }
      // The commodity chart's longest label is shown in full, not only a fragment of it.
      const commodity = lang === "ja" ? "NdPr（ネオジム・プラセオジム）" : "NdPr (neodymium–praseodymium)";
      const shown = await page
        .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
        .evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? "").replace(/\s+/g, "")));
      expect(shown).toContain(commodity.replace(/\s+/g, ""));
    });
  });
}

test.describe("focus after casting a vote", () => {
  for (const [lang, account] of [
    ["en", ACCOUNTS.delegateUs],
    ["ja", ACCOUNTS.delegateJp],
  ] as const) {
    test.describe(lang, () => {
      useSignedIn(account, { locale: lang === "ja" ? "ja-JP" : "en-US" });

      test(`stays on the message that says the vote is recorded (${lang})`, async ({ page }) => {
        const w = WORDS[lang];
        const path = await projectPath(page, IN_REVIEW);
        await page.goto(`${path}/review`);
        await settled(page);
        const round = page
          .locator("section[data-round-id]")
          .filter({ has: page.locator('[data-round-status="OPEN"]') });
        await expect(round).toHaveCount(1);

        // Keyboard only: choose with Space, send with Enter from the submit button.
        await round.getByRole("radio", { name: w.approve }).focus();
        await page.keyboard.press("Space");
        await expect(round.getByRole("radio", { name: w.approve })).toBeChecked();
        await round.locator('button[type="submit"]').focus();
        await page.keyboard.press("Enter");

        const message = round.getByText(w.recorded);
        await expect(message).toBeVisible();
        await expect(message).toBeFocused();
        // And it stays there once the round has been read again.
        await settled(page);
        await expect(round.getByTestId("my-vote")).toBeVisible();
        await expect(message).toBeFocused();
      });
    });
  }
});

test.describe("focus after saving a draft", () => {
  useSignedIn(ACCOUNTS.partner);

  test("stays on the message that says the draft is saved, on the new page and after saving again", async ({
    page,
  }) => {
    await page.goto("/projects/new");
    await page.getByLabel("Title", { exact: true }).first().fill(`Narrow-screen draft ${Date.now()}`);
    await page.getByLabel("Summary", { exact: true }).first().fill("Recovers magnet scrap.");
    await page.getByLabel("Description", { exact: true }).first().fill("Plan to follow.");
    await page.getByLabel("Commodity").selectOption("DY");
    await page.getByLabel("Supply-chain stage").selectOption("RECYCLING");
    await page.getByLabel("Site country").fill("AU");
    await page.getByLabel("Capacity (tonnes per year)").fill("300");
    await page.getByLabel("Capex (USD)").fill("40000000");
    const save = page.getByRole("button", { name: "Save draft" });
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/edit\?created=1$/);
    const created = page.getByText("Draft saved. You can keep editing it here.");
    await expect(created).toBeVisible();
    await expect(created).toBeFocused();

    await page.getByLabel("Region").fill("Northern Territory");
    await page.getByRole("button", { name: "Save", exact: true }).focus();
    await page.keyboard.press("Enter");
    const saved = page.getByText("Saved.", { exact: true });
    await expect(saved).toBeVisible();
    await expect(saved).toBeFocused();
  });
});
