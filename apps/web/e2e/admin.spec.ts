import { expect, test } from "@playwright/test";
import {
  ACCOUNTS,
  SIGNED_OUT,
  expectNoSeriousA11yViolations,
  newestMailTo,
  screenshot,
  useSignedIn,
} from "./helpers";

// Sam Whitfield, administrator.
useSignedIn(ACCOUNTS.admin);

test.describe("users", () => {
  test("invite someone; they sign in with the mailed link; deactivated, their next request is refused", async ({
    page,
    browser,
  }) => {
    const email = `hiroshi.tanaka.${Date.now()}@example.org`;
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.locator("table tbody tr").first()).toBeVisible();

    const open = page.getByRole("button", { name: "Invite user" });
    await open.click();
    const dialog = page.getByRole("dialog", { name: "Invite a user" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Full name")).toBeFocused();

    // Missing things are named next to their fields; typed values stay.
    await dialog.getByLabel("Full name").fill("Hiroshi Tanaka");
    await dialog.getByLabel("Role", { exact: true }).selectOption("DELEGATE");
    await dialog.getByRole("button", { name: "Invite and send the link" }).click();
    await expect(dialog.getByText("Enter a valid email address, such as name@example.org.")).toBeVisible();
    await expect(dialog.getByText("Choose the delegation this delegate belongs to.")).toBeVisible();
    await expect(dialog.getByLabel("Full name")).toHaveValue("Hiroshi Tanaka");

    // An address that is already taken.
    await dialog.getByLabel("Email address").fill(ACCOUNTS.delegateJp);
    await dialog.getByLabel("Delegation").selectOption("JP");
    await dialog.getByRole("button", { name: "Invite and send the link" }).click();
    await expect(dialog.getByText("There is already a user with this address.")).toBeVisible();
    await expect(dialog.getByLabel("Email address")).toBeFocused();
    await screenshot(page, "lodestone-admin-invite-en");
    await expectNoSeriousA11yViolations(page);

    await dialog.getByLabel("Email address").fill(email);
    await dialog.getByLabel("Language").selectOption("ja");
    await dialog.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await dialog.getByRole("button", { name: "Invite and send the link" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "Hiroshi Tanaka has been invited." }),
    ).toBeVisible();
    await expect(open).toBeFocused();

    // The search finds them, and stands in the address.
    await page.getByLabel("Search by name or email").fill("hiroshi.tanaka");
    await expect(page).toHaveURL(/\?q=hiroshi\.tanaka$/);
    const row = page.locator(`tr[data-user-email="${email}"]`);
    await expect(row).toBeVisible();
    await expect(page.locator("table tbody tr")).toHaveCount(1);
    await expect(row).toContainText("Delegate");
    await expect(row).toContainText("Japan");
    await expect(row.locator("[data-user-status]")).toHaveText("Active");

    // The invitation is in the outbox, in the invitee's language; they sign in with it.
    const invitee = await browser.newContext({ ...SIGNED_OUT, locale: "en-US" });
    const inviteePage = await invitee.newPage();
    await inviteePage.goto("/dev/outbox");
    const mail = newestMailTo(inviteePage, email);
    await expect(mail.getByRole("heading", { name: "Lodestone へのサインイン" })).toBeVisible();
    await mail.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
    await expect(inviteePage).toHaveURL(/\/projects$/);
    await expect(inviteePage.getByTestId("signed-in-as")).toContainText("Hiroshi Tanaka");
    await expect(inviteePage.locator("html")).toHaveAttribute("lang", "ja");

    // Deactivate: the dialog names them and says what happens to their sessions.
    await row.getByRole("button", { name: "Deactivate Hiroshi Tanaka" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Deactivate Hiroshi Tanaka?" });
    await expect(confirm).toContainText(`Hiroshi Tanaka (${email}) will no longer be able to sign in.`);
    await expect(confirm).toContainText("Every session they have open ends now");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await expect(confirm).toBeHidden();
    await expect(row.locator("[data-user-status]")).toHaveText("Deactivated");
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "has been deactivated" }),
    ).toBeVisible();

    // Their next request: back to sign-in; and no new link is mailed to a deactivated account.
    await inviteePage.reload();
    await expect(inviteePage).toHaveURL(/\/sign-in\?callbackUrl=%2Fprojects$/);
    const status = await inviteePage.evaluate(
      async () => (await fetch("/trpc/project.list?input=%7B%7D")).status,
    );
    expect(status).toBe(401);

    // Reactivate.
    await row.getByRole("button", { name: "Reactivate Hiroshi Tanaka" }).click();
    await expect(row.locator("[data-user-status]")).toHaveText("Active");
    await invitee.close();
  });

  test("change a role in a dialog; Escape closes it and focus returns", async ({ page }) => {
    await page.goto("/admin/users?role=PARTNER");
    await expect(page.getByLabel("Role", { exact: true })).toHaveValue("PARTNER");
    const row = page.locator('tr[data-user-email="engineer@quandong.example"]');
    await expect(row).toBeVisible();
    await expect(page.locator("table tbody tr").filter({ hasText: "Delegate" })).toHaveCount(0);

    const change = row.getByRole("button", { name: "Change role of Grace Nguyen" });
    await change.click();
    const dialog = page.getByRole("dialog", { name: "Change the role of Grace Nguyen" });
    await expect(dialog.getByLabel("Organisation")).toHaveValue(/.+/);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(change).toBeFocused();

    await change.click();
    await dialog.getByLabel("Role", { exact: true }).selectOption("COORDINATOR");
    await expect(dialog.getByLabel("Organisation")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Change role" }).click();
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "Grace Nguyen is now: Coordinator." }),
    ).toBeVisible();

    // Back to partner, which needs the organisation again.
    await page.goto("/admin/users?q=grace");
    const again = page.locator('tr[data-user-email="engineer@quandong.example"]');
    await again.getByRole("button", { name: "Change role of Grace Nguyen" }).click();
    await dialog.getByLabel("Role", { exact: true }).selectOption("PARTNER");
    await dialog.getByRole("button", { name: "Change role" }).click();
    await expect(dialog.getByText("Choose the organisation this partner belongs to.")).toBeVisible();
    await dialog.getByLabel("Organisation").selectOption({ label: "Quandong Minerals Pty Ltd" });
    await dialog.getByRole("button", { name: "Change role" }).click();
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "Grace Nguyen is now: Partner." }),
    ).toBeVisible();
  });

  test("the admin's own row offers no deactivation", async ({ page }) => {
    await page.goto("/admin/users?q=admin%40lodestone");
    const row = page.locator(`tr[data-user-email="${ACCOUNTS.admin}"]`);
    await expect(row).toContainText("(you)");
    await expect(row.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  });
});

test.describe("delegations", () => {
  test("lists, adds and edits delegations", async ({ page }) => {
    await page.goto("/admin/delegations");
    await expect(page.getByRole("heading", { level: 1, name: "Delegations" })).toBeVisible();
    const us = page.getByRole("row", { name: /^US / });
    await expect(us).toContainText("United States");
    await expect(us).toContainText("Founding");

    await page.getByRole("button", { name: "Add delegation" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a delegation" });
    await dialog.getByRole("button", { name: "Add delegation" }).click();
    await expect(dialog.getByText("Use 2 to 8 capital letters, such as AU.")).toBeVisible();
    await expect(dialog.getByText("Enter the English name.")).toBeVisible();
    await expect(dialog.getByText("Enter the Japanese name.")).toBeVisible();

    // A code that exists.
    await dialog.getByLabel("Code").fill("us");
    await dialog.getByLabel("Name in English").fill("Another");
    await dialog.getByLabel("Name in Japanese").fill("別");
    await dialog.getByRole("button", { name: "Add delegation" }).click();
    await expect(dialog.getByText("There is already a delegation with this code.")).toBeVisible();

    const code = `K${String(Date.now())
      .slice(-4)
      .replace(/\d/g, (d) => "ABCDEFGHIJ"[Number(d)]!)}`;
    await dialog.getByLabel("Code").fill(code.toLowerCase());
    await dialog.getByLabel("Name in English").fill("Republic of Korea");
    await dialog.getByLabel("Name in Japanese").fill("大韓民国");
    await dialog.getByRole("button", { name: "Add delegation" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row", { name: new RegExp(`^${code} `) });
    await expect(row).toContainText("Republic of Korea");
    await expect(row).toContainText("大韓民国");
    await expect(row).toContainText("Partner");

    await row.getByRole("button", { name: `Edit delegation ${code}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit delegation ${code}` });
    await expect(edit.getByLabel("Name in English")).toHaveValue("Republic of Korea");
    await edit.getByLabel("Name in English").fill("Korea");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText("Korea");
    await expect(
      page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: `Delegation ${code} has been saved.` }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
