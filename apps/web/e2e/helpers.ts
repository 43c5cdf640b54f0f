import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "@playwright/test";

/** Seeded accounts (packages/db seed). */
export const ACCOUNTS = {
  delegateUs: "delegate.us@lodestone.example",
  delegate2Us: "delegate2.us@lodestone.example",
  delegateJp: "delegate.jp@lodestone.example",
  delegateAu: "delegate.au@lodestone.example",
  coordinator: "coordinator@lodestone.example",
  coordinatorJp: "coordinator.jp@lodestone.example",
  partner: "partner@quandong.example",
  admin: "admin@lodestone.example",
} as const;

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

/** The newest mail to `email` in the development outbox (newest first). */
export function newestMailTo(page: Page, email: string): Locator {
  return page.locator(`article[data-to="${email.toLowerCase()}"]`).first();
}

/** The newest sign-in mail to `email` (notification mails to the same person are passed over). */
export function newestSignInMailTo(page: Page, email: string): Locator {
  return page
    .locator(`article[data-to="${email.toLowerCase()}"]`)
    .filter({ has: page.getByRole("link", { name: /\/api\/auth\/callback\/email/ }) })
    .first();
}

/**
 * Asks for a sign-in link on the sign-in page (whatever its language) and waits for "check your
 * email". Stays on the sign-in page already open (keeping its callbackUrl) unless `path` is given.
 */
export async function requestSignInLink(page: Page, email: string, path?: string): Promise<void> {
  if (path) await page.goto(path);
  else if (new URL(page.url()).pathname !== "/sign-in") await page.goto("/sign-in");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
}

/** The sign-in link most recently mailed to `email`, read from /dev/outbox. */
export async function signInLinkFor(page: Page, email: string): Promise<string> {
  await page.goto("/dev/outbox");
  const link = newestSignInMailTo(page, email).getByRole("link", { name: /\/api\/auth\/callback\/email/ });
  const href = await link.getAttribute("href");
  expect(href, `a sign-in link for ${email} in the outbox`).toBeTruthy();
  return href!;
}

/**
 * Signs in the way a person does: the sign-in form, the mail in /dev/outbox, the link in it.
 * Ends on the page the link leads to (`callbackPath`, default the project list).
 */
export async function signIn(page: Page, email: string, callbackPath = "/projects"): Promise<void> {
  await requestSignInLink(page, email, `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.goto("/dev/outbox");
  const mail = newestSignInMailTo(page, email);
  await mail.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
  await expect(page).toHaveURL((url) => url.pathname === callbackPath.split("?")[0]);
}

/**
 * Signs `email` in once for a whole test file and reuses the session (cookies) in each test:
 * call at the top of a file or describe block.
 */
export function useSignedIn(email: string, options: { locale?: string; timezoneId?: string } = {}): void {
  const file = join(process.env.LODESTONE_E2E_RUN_DIR ?? tmpdir(), `state-${randomUUID()}.json`);
  test.beforeAll(async ({ browser }) => {
    await saveSignedInState(browser, email, file, options);
  });
  test.use({ storageState: file });
}

async function saveSignedInState(
  browser: Browser,
  email: string,
  file: string,
  options: { locale?: string; timezoneId?: string },
): Promise<void> {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    timezoneId: options.timezoneId ?? "Asia/Tokyo",
    baseURL: test.info().project.use.baseURL,
    // Not the file's own (signed-in) storage state, which does not exist yet.
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await signIn(page, email);
  await context.storageState({ path: file });
  await context.close();
}

/** A browser context with nobody signed in (even in a file that uses `useSignedIn`). */
export const SIGNED_OUT: BrowserContextOptions = { storageState: { cookies: [], origins: [] } };

/** Opens the project list and waits for the first page of projects. */
export async function openProjectList(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/projects$/);
  await expect(projectRows(page).first()).toBeVisible();
}

/** Saves a full-page screenshot when E2E_SCREENSHOT_DIR is set (for looking at the result). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  const path = dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
}
