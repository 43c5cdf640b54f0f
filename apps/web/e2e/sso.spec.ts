import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, SIGNED_OUT, expectNoSeriousA11yViolations, useSignedIn } from "./helpers";

// Single sign-on through a real OpenID Provider (e2e/oidc-provider.mjs, started by the config):
// whatever login is typed into its form is the person; "unverified:" before the address makes the
// provider send email_verified false.

// Sam Whitfield, administrator: invites the people, deactivates one, reads the audit log.
useSignedIn(ACCOUNTS.admin);

const OIDC_ORIGIN = `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 4300}`;

/** Invites a coordinator through the admin's Users page; returns their address. */
async function invite(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}.${Date.now()}@gov.example`;
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Full name").fill(name);
  await dialog.getByLabel("Email address").fill(email);
  await dialog.getByLabel("Role", { exact: true }).selectOption("COORDINATOR");
  await dialog.getByRole("button", { name: "Invite and send the link" }).click();
  await expect(dialog).toBeHidden();
  return email;
}

/** Deactivates someone through the admin's Users page. */
async function deactivate(page: Page, name: string, email: string): Promise<void> {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.locator(`tr[data-user-email="${email}"]`);
  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  await page
    .getByRole("alertdialog", { name: `Deactivate ${name}?` })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(row.locator("[data-user-status]")).toHaveText("Deactivated");
}

/**
 * In a fresh browser (no session here, none at the provider): "Sign in with single sign-on", the
 * provider's form with `login`, and back. Returns the page where it ends.
 */
async function signInThroughProvider(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ ...SIGNED_OUT, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await expect(page).toHaveURL((url) => url.origin === OIDC_ORIGIN);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page).toHaveURL((url) => url.origin !== OIDC_ORIGIN);
  return page;
}

/** The audit log's account.linked events about `email`'s account. */
async function linkEventsOf(page: Page, email: string) {
  await page.goto("/audit?entityType=User&action=account.linked");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  return page.locator("table tbody tr").filter({ hasText: email });
}

test.describe("single sign-on", () => {
  test("the first sign-in links the existing account and is audited; the next one reuses the link", async ({
    page,
    browser,
  }) => {
    const email = await invite(page, "Emma Lindqvist");

    const first = await signInThroughProvider(browser, email);
    await expect(first).toHaveURL(/\/projects$/);
    await expect(first.getByTestId("signed-in-as")).toContainText("Emma Lindqvist");
    await first.context().close();

    const events = await linkEventsOf(page, email);
    await expect(events).toHaveCount(1);
    await events.first().getByText("Show changes").click();
    await expect(events.first().locator("pre").last()).toContainText(email);

    // Another browser, the same identity: signed in again, through the same link.
    const second = await signInThroughProvider(browser, email);
    await expect(second).toHaveURL(/\/projects$/);
    await expect(second.getByTestId("signed-in-as")).toContainText("Emma Lindqvist");
    await second.context().close();
    await expect(await linkEventsOf(page, email)).toHaveCount(1);
    // Both sign-ins opened a session.
    await page.goto("/audit?entityType=User&action=session.created");
    await expect(page.locator("table tbody tr").filter({ hasText: email })).toHaveCount(2);
  });

  test("an address the provider did not verify is refused, with a clear message", async ({
    page,
    browser,
  }) => {
    const email = await invite(page, "Kenji Mori");
    const refused = await signInThroughProvider(browser, `unverified:${email}`);
    await expect(refused).toHaveURL(/\/sign-in\?error=SsoEmailUnverified/);
    const alert = refused.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("You are not signed in");
    await expect(alert).toContainText(
      "Your single sign-on provider did not confirm that this email address is yours",
    );
    await expectNoSeriousA11yViolations(refused);
    await refused.context().close();
    await expect(await linkEventsOf(page, email)).toHaveCount(0);

    // The same refusal in Japanese.
    const context = await browser.newContext({ ...SIGNED_OUT, locale: "ja-JP" });
    const ja = await context.newPage();
    await ja.goto("/sign-in?error=SsoEmailUnverified");
    await expect(ja.getByRole("main").getByRole("alert")).toContainText("確認していないため");
    await context.close();
  });

  test("a deactivated account is refused, whether or not it was linked", async ({ page, browser }) => {
    // Deactivated before ever signing in.
    const never = await invite(page, "Priya Raman");
    await deactivate(page, "Priya Raman", never);
    const refused = await signInThroughProvider(browser, never);
    await expect(refused).toHaveURL(/\/sign-in\?error=SsoAccountDeactivated/);
    await expect(refused.getByRole("main").getByRole("alert")).toContainText(
      "This Lodestone account has been deactivated",
    );
    await refused.context().close();
    await expect(await linkEventsOf(page, never)).toHaveCount(0);

    // Linked, then deactivated: the link no longer signs them in.
    const linked = await invite(page, "Lucas Moreau");
    const first = await signInThroughProvider(browser, linked);
    await expect(first).toHaveURL(/\/projects$/);
    await first.context().close();
    await deactivate(page, "Lucas Moreau", linked);
    const again = await signInThroughProvider(browser, linked);
    await expect(again).toHaveURL(/\/sign-in\?error=SsoAccountDeactivated/);
    await expect(again.getByRole("main").getByRole("alert")).toContainText(
      "This Lodestone account has been deactivated",
    );
    await again.context().close();
  });
});
