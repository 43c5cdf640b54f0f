import { expect, test } from "@playwright/test";
import { ACCOUNTS, newestMailTo, projectRows, requestSignInLink, signIn, signInLinkFor } from "./helpers";

const NEUTRAL = "If this address belongs to a Lodestone account, a sign-in link is on its way.";

test.describe("signing in by email", () => {
  test("a delegate signs in with the link from the outbox, sees the projects, and signs out", async ({
    page,
  }) => {
    // Signed out, every page leads to the sign-in page, which remembers where you were going.
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprojects$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Lodestone" })).toBeVisible();

    await page.getByLabel("Email address").fill(ACCOUNTS.delegateUs);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(NEUTRAL);

    // The development outbox, linked from there.
    await page.getByRole("link", { name: "Open the outbox" }).click();
    await expect(page).toHaveURL(/\/dev\/outbox$/);
    const mail = newestMailTo(page, ACCOUNTS.delegateUs);
    await expect(mail.getByRole("heading", { name: "Sign in to Lodestone" })).toBeVisible();
    await mail.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();

    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByTestId("signed-in-as")).toContainText("Margaret Ellison");
    await expect(projectRows(page).first()).toBeVisible();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("You have signed out.");
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

    await page.goto("/projects");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprojects$/);
  });

  test("the link brings you back to the page you asked for", async ({ page }) => {
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
    await requestSignInLink(page, ACCOUNTS.coordinator);
    await page.goto(await signInLinkFor(page, ACCOUNTS.coordinator));
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  });

  test("an unknown address gets the same answer, and no mail", async ({ page }) => {
    const unknown = `nobody-${Date.now()}@lodestone.example`;
    await requestSignInLink(page, unknown);
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(NEUTRAL);
    // The same page, word for word, as for an address that exists.
    const unknownText = await page.locator("main").innerText();
    await requestSignInLink(page, ACCOUNTS.coordinator);
    expect(await page.locator("main").innerText()).toBe(unknownText);

    await page.goto("/dev/outbox");
    await expect(newestMailTo(page, ACCOUNTS.coordinator)).toBeVisible();
    await expect(page.locator(`article[data-to="${unknown}"]`)).toHaveCount(0);
    await expect(page.getByText(unknown)).toHaveCount(0);
  });

  test("a link works once; a second use explains that it has expired or been used", async ({ browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await requestSignInLink(page, ACCOUNTS.coordinatorJp);
    const link = await signInLinkFor(page, ACCOUNTS.coordinatorJp);
    await page.goto(link);
    await expect(page).toHaveURL(/\/projects$/);
    await first.close();

    const second = await browser.newContext({ locale: "en-US" });
    const again = await second.newPage();
    await again.goto(link);
    await expect(again).toHaveURL(/\/sign-in\?error=Verification/);
    await expect(again.getByRole("main").getByRole("alert")).toContainText(
      "This sign-in link has expired or has already been used.",
    );
    await second.close();
  });

  test("an address that is not one is refused at once, next to the field", async ({ page }) => {
    await page.goto("/sign-in");
    const email = page.getByLabel("Email address");
    await email.fill("delegate.us@");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter a valid email address, such as name@example.org.")).toBeVisible();
    await expect(email).toBeFocused();
    await expect(email).toHaveValue("delegate.us@");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe("signing out of all devices", () => {
  test("ends the sessions on the other devices too, after asking", async ({ browser }) => {
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    const onLaptop = await laptop.newPage();
    const onPhone = await phone.newPage();
    await signIn(onLaptop, ACCOUNTS.delegate2Us);
    await signIn(onPhone, ACCOUNTS.delegate2Us);

    const open = onLaptop.getByRole("button", { name: "Sign out of all devices" });
    await open.click();
    const dialog = onLaptop.getByRole("alertdialog", { name: "Sign out of all devices?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    // Escape changes nothing.
    await onLaptop.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await onPhone.reload();
    await expect(onPhone).toHaveURL(/\/projects$/);

    await open.click();
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(onLaptop).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
    await expect(onLaptop.getByRole("main").getByRole("status")).toHaveText(
      "You have been signed out on all your devices.",
    );

    // The phone's next request finds its session gone.
    await onPhone.reload();
    await expect(onPhone).toHaveURL(/\/sign-in\?callbackUrl=%2Fprojects$/);
    await laptop.close();
    await phone.close();
  });
});

test.describe("signed out", () => {
  test("the API refuses calls without a session", async ({ page }) => {
    await page.goto("/sign-in");
    const status = await page.evaluate(async () => (await fetch("/trpc/project.list?input=%7B%7D")).status);
    expect(status).toBe(401);
  });

  test("an unknown address sends you to sign in, too", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fno-such-page$/);
  });

  test("the sign-in page follows the browser's language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "Lodestone にサインイン" })).toBeVisible();
    await expect(page.getByRole("button", { name: "サインインリンクを送信" })).toBeVisible();
    await context.close();
  });
});
