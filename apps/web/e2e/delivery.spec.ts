import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import {
  ACCOUNTS,
  SIGNED_OUT,
  expectNoSeriousA11yViolations,
  projectRows,
  screenshot,
  signIn,
  useSignedIn,
} from "./helpers";

// LD-0008 (Shiranami's magnet line, reference zone Asia/Tokyo) is approved in the seed: the
// coordinator starts its delivery and assigns a milestone to Quandong Minerals, whose partner
// reports on it from another browser.
const REFERENCE = "LD-0008";
const PROJECT_TITLE = "Tomakomai Sintered NdFeB Magnet Line";
const ORGANISATION = "Quandong Minerals Pty Ltd";

useSignedIn(ACCOUNTS.coordinator);

/** YYYY-MM-DD today in `timeZone`, `days` later. */
function dayIn(timeZone: string, days = 0): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** "Mar 31, 2027" as the page shows a calendar date in English. */
function shown(date: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

async function figure(page: Page, key: string): Promise<number> {
  const text = await page.locator(`[data-figure="${key}"] dd`).innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

async function statusCount(page: Page, label: string): Promise<number> {
  const table = page.getByRole("table", { name: "Projects by status: numbers behind the chart" });
  const row = table.getByRole("row", { name: new RegExp(`^${label} \\d+$`) });
  if ((await row.count()) === 0) return 0;
  return Number(await row.getByRole("cell").innerText());
}

async function openDashboard(page: Page) {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline dashboard" })).toBeVisible();
  await expect(page.locator("[data-figure]").first()).toBeVisible();
}

test("a coordinator plans delivery, the partner reports, progress and the dashboard follow", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const due = `Kiln commissioning ${stamp}`;
  const later = `Offtake contract ${stamp}`;

  await openDashboard(page);
  const before = {
    approved: await statusCount(page, "Approved"),
    inDelivery: await statusCount(page, "In delivery"),
  };

  // The project, then its delivery section.
  await page.goto("/projects?status=APPROVED");
  await projectRows(page).filter({ hasText: REFERENCE }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: PROJECT_TITLE })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Delivery" })
    .click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/delivery$/);
  const deliveryPath = new URL(page.url()).pathname;
  await expect(page.getByText("This project is approved. Start delivery")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Start delivery" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Start delivery?" });
  await confirm.getByRole("button", { name: "Start delivery" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Delivery started." })).toBeAttached();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute(
    "aria-valuenow",
    "0",
  );
  await expect(page.getByText("Asia/Tokyo").first()).toBeVisible();

  // Completing is unavailable, and says why.
  const completeButton = page.getByRole("button", { name: "Mark project completed" });
  await expect(completeButton).toBeDisabled();
  await expect(page.getByText("Available once the project has milestones")).toBeVisible();

  // A milestone due today (in Tokyo) for Quandong; a second one, checked by the form first.
  const today = dayIn("Asia/Tokyo");
  await page.getByRole("button", { name: "Add a milestone" }).click();
  let dialog = page.getByRole("dialog", { name: "Add a milestone" });
  await dialog.getByRole("button", { name: "Add milestone" }).click();
  await expect(dialog.getByText("Enter a title.").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel("Title in English").fill(due);
  await dialog.getByLabel("Title in Japanese").fill(`キルン試運転 ${stamp}`);
  await dialog.getByLabel("Due date").fill(today);
  await dialog.getByLabel("Assignee").selectOption({ label: ORGANISATION });
  await dialog.getByRole("button", { name: "Add milestone" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 3, name: due })).toBeVisible();

  const original = dayIn("Asia/Tokyo", 60);
  await page.getByRole("button", { name: "Add a milestone" }).click();
  dialog = page.getByRole("dialog", { name: "Add a milestone" });
  await dialog.getByLabel("Title in English").fill(later);
  await dialog.getByLabel("Title in Japanese").fill(`引取契約 ${stamp}`);
  await dialog.getByLabel("Due date").fill(original);
  await dialog.getByRole("button", { name: "Add milestone" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 3, name: later })).toBeVisible();

  // Re-plan the second: the old date stays on record.
  const moved = dayIn("Asia/Tokyo", 90);
  await page.getByRole("button", { name: `Re-plan: ${later}` }).click();
  dialog = page.getByRole("dialog", { name: `Re-plan: ${later}` });
  await dialog.getByLabel("New due date").fill(moved);
  await dialog.getByRole("button", { name: "Change due date" }).click();
  await expect(dialog.getByText("Say why the date moves")).toBeVisible();
  await dialog.getByLabel("Reason for the change (required)").fill("The buyer asked for a later start.");
  await dialog.getByRole("button", { name: "Change due date" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Moved from ${shown(original)} to ${shown(moved)}`)).toBeVisible();
  await expect(page.getByText("Reason: The buyer asked for a later start.")).toBeVisible();
  const timelineTable = page.getByRole("table", { name: /Milestone due dates/ });
  await expect(timelineTable.getByRole("row", { name: new RegExp(later) })).toContainText(shown(original));
  await expect(page.getByRole("img", { name: /Milestone due dates/ })).toBeVisible();
  await screenshot(page, "lodestone-delivery-coordinator-en");
  await expectNoSeriousA11yViolations(page);

  await openDashboard(page);
  expect(await statusCount(page, "Approved")).toBe(before.approved - 1);
  expect(await statusCount(page, "In delivery")).toBe(before.inDelivery + 1);
  const dueThisMonth = await figure(page, "dueThisMonth");

  // The partner, in a browser of their own.
  const partnerContext = await browser.newContext({
    ...SIGNED_OUT,
    locale: "en-US",
    timezoneId: "Australia/Perth",
  });
  const partner = await partnerContext.newPage();
  await signIn(partner, ACCOUNTS.partner, "/milestones");
  await expect(partner.getByRole("heading", { level: 1, name: "My milestones" })).toBeVisible();
  const card = partner.getByRole("listitem").filter({ has: partner.getByRole("heading", { name: due }) });
  await expect(card).toContainText("(Asia/Tokyo)");
  await expect(card).toContainText("due today");
  await expectNoSeriousA11yViolations(partner);
  await card.getByRole("link", { name: PROJECT_TITLE }).click();
  await expect(partner).toHaveURL((url) => url.pathname === deliveryPath);
  // Only their organisation's milestone can be reported on; no planning controls.
  await expect(partner.getByRole("button", { name: `Report progress: ${later}` })).toHaveCount(0);
  await expect(partner.getByRole("button", { name: "Add a milestone" })).toHaveCount(0);
  await expect(partner.getByRole("button", { name: /^Re-plan/ })).toHaveCount(0);

  await partner.getByRole("button", { name: `Report progress: ${due}` }).click();
  const report = partner.getByRole("dialog", { name: `Report progress: ${due}` });
  await report.getByLabel("Status").selectOption("DONE");
  await report.getByRole("button", { name: "Save report" }).click();
  await expect(report.getByText("Marking a milestone done needs evidence.")).toBeVisible();
  await expectNoSeriousA11yViolations(partner);
  await report.getByLabel("Evidence (required for done)").fill("Commissioning certificate KC-12");
  await report.getByRole("button", { name: "Save report" }).click();
  await expect(report).toBeHidden();
  await expect(partner.getByRole("progressbar", { name: `Progress of ${due}` })).toHaveAttribute(
    "aria-valuenow",
    "100",
  );
  await expect(partner.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute(
    "aria-valuenow",
    "50",
  );
  await partnerContext.close();

  // The coordinator sees the progress and the dashboard change.
  await page.goto(deliveryPath);
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute(
    "aria-valuenow",
    "50",
  );
  await expect(page.getByRole("progressbar", { name: `Progress of ${due}` })).toHaveAttribute(
    "aria-valuenow",
    "100",
  );
  await openDashboard(page);
  expect(await figure(page, "dueThisMonth")).toBe(dueThisMonth - 1);
  await screenshot(page, "lodestone-dashboard-en");
  await expectNoSeriousA11yViolations(page);

  // The milestones export: UTF-8 with a byte-order mark, a header, our milestone.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download milestones (CSV)" }).click(),
  ]);
  // Dated as the coordinator's clock (New York) shows it.
  expect(download.suggestedFilename()).toBe(`lodestone-milestones-${dayIn("America/New_York")}.csv`);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toBe(
    "Project,Title (English),Title (Japanese),Parent milestone,Due date,Reference time zone,Status,Progress (%),Weight,Assignee",
  );
  expect(text).toContain(
    `${REFERENCE},${due},キルン試運転 ${stamp},,${today},Asia/Tokyo,DONE,100,,${ORGANISATION}`,
  );
  await expect(
    page.getByRole("status").filter({ hasText: /Downloaded lodestone-milestones-/ }),
  ).toBeVisible();

  // Finish the rest and complete the project (a coordinator may report on any milestone).
  await page.goto(deliveryPath);
  await page.getByRole("button", { name: `Report progress: ${later}` }).click();
  const last = page.getByRole("dialog", { name: `Report progress: ${later}` });
  await last.getByLabel("Status").selectOption("CANCELLED");
  await last.getByRole("button", { name: "Save report" }).click();
  await expect(last).toBeHidden();
  await expect(completeButton).toBeEnabled();
  await completeButton.click();
  const done = page.getByRole("alertdialog", { name: "Mark the project completed?" });
  await done.getByRole("button", { name: "Mark completed" }).click();
  await expect(done).toBeHidden();
  await expect(page.getByText("This project is complete.")).toBeVisible();
});

test("the projects export starts with the byte-order mark and its header", async ({ page }) => {
  await openDashboard(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download projects (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`lodestone-projects-${dayIn("America/New_York")}.csv`);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toMatch(
    /^Reference,Title \(English\),Title \(Japanese\),Status,/,
  );
  expect(bytes.subarray(3).toString("utf8")).toContain("苫小牧");
});

test.describe("in Japanese", () => {
  useSignedIn(ACCOUNTS.delegateJp, { locale: "ja-JP" });

  test("a delivery page, My milestones and the dashboard read in Japanese with no serious violations", async ({
    page,
  }) => {
    await page.goto("/projects?status=IN_DELIVERY");
    await projectRows(page).filter({ hasText: "LD-0004" }).getByRole("link").first().click();
    await page
      .getByRole("navigation", { name: "プロジェクトの項目" })
      .getByRole("link", { name: "実施状況" })
      .click();
    await expect(page.getByRole("heading", { level: 2, name: "実施状況" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("progressbar", { name: "全体の進捗" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "マイルストーン" })).toBeVisible();
    await expect(page.getByRole("img", { name: /マイルストーンの期限/ })).toBeVisible();
    await screenshot(page, "lodestone-delivery-ja");
    await expectNoSeriousA11yViolations(page);

    await page.goto("/milestones");
    await expect(page.getByRole("heading", { level: 1, name: "担当マイルストーン" })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "パイプライン・ダッシュボード" })).toBeVisible();
    await expect(page.getByRole("table", { name: "状態別のプロジェクト：グラフの数値" })).toBeVisible();
    await screenshot(page, "lodestone-dashboard-ja");
    await expectNoSeriousA11yViolations(page);

    // The export speaks Japanese too: headers in Japanese, dated by the reader's clock (Tokyo).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "プロジェクトをダウンロード（CSV）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`lodestone-projects-${dayIn("Asia/Tokyo")}.csv`);
    const text = (await readFile((await download.path())!)).toString("utf8");
    expect(text.slice(1).split("\r\n")[0]).toMatch(
      /^参照番号,タイトル（英語）,タイトル（日本語）,ステータス,/,
    );
  });
});
