import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import {
  ACCOUNTS,
  SIGNED_OUT,
  expectNoSeriousA11yViolations,
  projectRows,
  screenshot,
  signIn,
} from "./helpers";

// The permitting timetable: a coordinator adds a US authorization (a NEPA environmental impact
// statement) and a Japanese one (an environmental impact assessment) to an approved project, moves
// a date of a non-final milestone with a reason and a justification, pauses the project's
// permitting as from ten days ago (its milestones show as paused), and resumes it today: every
// open milestone moves ten days later, each move in the change log with the reason "project
// pause". In English on LD-0002 and in Japanese on LD-0016 (approved projects the seed gives no
// authorizations, and no other suite uses), each coordinator in the language of their profile.

type Lang = "en" | "ja";

/** What the coordinator reads, in the language of their profile. */
const UI = {
  en: {
    sections: "Project sections",
    tab: "Permitting",
    heading: "Permitting",
    empty: "No authorizations yet",
    add: "Add authorization",
    addTitle: "Add an authorization",
    instrument: "Legal instrument",
    jurisdiction: "Jurisdiction",
    authority: "Authority",
    titleEn: "Title in English",
    titleJa: "Title in Japanese",
    added: (title: string) => new RegExp(`^${title} added with \\d+ milestones\\.$`),
    move: /^Move date/,
    moveTitle: (milestone: string) => `Move the date: ${milestone}`,
    newDate: "New target date",
    reason: "Reason",
    justification: "Justification",
    moveSubmit: "Move date",
    moved: (milestone: string) => new RegExp(`^${milestone} moved to `),
    pause: "Pause permitting",
    pauseDialog: "Pause permitting",
    pausedSince: "Paused since",
    summary: "Summary",
    pauseSubmit: "Pause permitting",
    banner: "Permitting is paused",
    paused: "Paused",
    resume: "Resume",
    resumeTitle: "Resume permitting",
    resumedOn: "Resumed on",
    resumed: /^Permitting resumed after 10 days: \d+ dates moved\.$/,
    log: "Date changes, newest first",
    projectPause: "Project pause",
    agencyResources: "Agency resources",
    applicantRequest: "Applicant's request",
    chart: /^Permitting timetable chart: 2 authorizations/,
    overview: "Authorizations across projects",
    perAuthority: "On-time rate and median days per stage, by authority",
    jurisdictionFilter: "Jurisdiction",
    csv: "Download CSV",
    csvHeader: "Authority",
  },
  ja: {
    sections: "プロジェクトの項目",
    tab: "許認可",
    heading: "許認可",
    empty: "許認可はまだありません",
    add: "許認可を追加",
    addTitle: "許認可の追加",
    instrument: "根拠法令",
    jurisdiction: "管轄",
    authority: "所管当局",
    titleEn: "名称（英語）",
    titleJa: "名称（日本語）",
    added: (title: string) => new RegExp(`^${title}を追加しました（マイルストーン\\d+件）。$`),
    move: /^日程を変更/,
    moveTitle: (milestone: string) => `日程の変更：${milestone}`,
    newDate: "新しい目標日",
    reason: "理由",
    justification: "変更の説明",
    moveSubmit: "日程を変更",
    moved: (milestone: string) => new RegExp(`^${milestone.replace(/[()（）]/g, ".")}を.+に変更しました。$`),
    pause: "許認可を一時停止",
    pauseDialog: "許認可の一時停止",
    pausedSince: "一時停止の開始日",
    summary: "報告",
    pauseSubmit: "一時停止する",
    banner: "許認可は一時停止中です",
    paused: "一時停止中",
    resume: "再開",
    resumeTitle: "許認可の再開",
    resumedOn: "再開日",
    resumed: /^10日間の一時停止から再開しました。\d+件の日程を変更しました。$/,
    log: "日程変更の履歴（新しい順）",
    projectPause: "プロジェクトの一時停止",
    agencyResources: "所管当局の体制",
    applicantRequest: "申請者の要請",
    chart: /^許認可スケジュールのチャート：許認可2件/,
    overview: "プロジェクト横断の許認可",
    perAuthority: "所管当局別の期限内達成率と段階別所要日数の中央値",
    jurisdictionFilter: "管轄",
    csv: "CSVをダウンロード",
    csvHeader: "所管当局",
  },
} as const;

interface NewAuthorization {
  jurisdiction: string;
  instrument: string;
  authority: string;
  titleEn: string;
  titleJa: string;
  /** Its milestones (from the instrument's template). */
  milestones: number;
  /** The name of its first milestone (not the final one), in each language. */
  first: Record<Lang, string>;
}

const US: Omit<NewAuthorization, "authority"> = {
  jurisdiction: "US_FEDERAL",
  instrument: "NEPA_EIS",
  titleEn: "Environmental impact statement for the plant",
  titleJa: "工場の環境影響評価書",
  milestones: 4,
  first: { en: "Notice of intent", ja: "調査実施意図の通知（NOI）" },
};

const JP: Omit<NewAuthorization, "authority"> = {
  jurisdiction: "JP_NATIONAL",
  instrument: "JP_EIA",
  titleEn: "Environmental impact assessment",
  titleJa: "環境影響評価",
  milestones: 6,
  first: { en: "Primary consideration document (hairyo-sho)", ja: "配慮書" },
};

const RUNS: Record<
  Lang,
  { reference: string; coordinator: string; us: NewAuthorization; jp: NewAuthorization }
> = {
  en: {
    reference: "LD-0002",
    coordinator: ACCOUNTS.coordinator,
    us: { ...US, authority: "Bureau of Land Management" },
    jp: { ...JP, authority: "Ministry of the Environment" },
  },
  ja: {
    reference: "LD-0016",
    coordinator: ACCOUNTS.coordinatorJp,
    us: { ...US, authority: "Bureau of Land Management" },
    jp: { ...JP, authority: "環境省" },
  },
};

/** A browser of its own for `email`, signed in the way a person does. */
async function personIn(
  browser: Browser,
  email: string,
  lang: Lang,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...SIGNED_OUT,
    baseURL: test.info().project.use.baseURL,
    locale: lang === "ja" ? "ja-JP" : "en-US",
    timezoneId: "Asia/Tokyo",
  });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The project's address, found in the project list by its reference. */
async function projectPath(page: Page, reference: string): Promise<string> {
  await page.goto(`/projects?q=${reference}`);
  const row = projectRows(page).filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** A calendar date `days` after `date` (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const titleIn = (lang: Lang, a: NewAuthorization) => (lang === "ja" ? a.titleJa : a.titleEn);

function authorizationCard(page: Page, lang: Lang, a: NewAuthorization): Locator {
  return page.getByRole("article", { name: titleIn(lang, a), exact: true });
}

/** Adds an authorization through the dialog, choosing each control by its label. */
async function addAuthorization(page: Page, lang: Lang, a: NewAuthorization) {
  const w = UI[lang];
  await page.getByRole("button", { name: w.add, exact: true }).first().click();
  const dialog = page.getByRole("dialog", { name: w.addTitle });
  await dialog.getByRole("combobox", { name: w.instrument }).selectOption(a.instrument);
  // The jurisdiction follows the instrument's usual one.
  await expect(dialog.getByRole("combobox", { name: w.jurisdiction })).toHaveValue(a.jurisdiction);
  await dialog.getByRole("textbox", { name: w.authority }).fill(a.authority);
  await dialog.getByRole("textbox", { name: w.titleEn }).fill(a.titleEn);
  await dialog.getByRole("textbox", { name: w.titleJa }).fill(a.titleJa);
  await dialog.getByRole("button", { name: w.add, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(w.added(titleIn(lang, a)))).toBeVisible();
  const card = authorizationCard(page, lang, a);
  await expect(card.locator("tbody tr[data-milestone]")).toHaveCount(a.milestones);
  await expect(card.locator(`[data-jurisdiction="${a.jurisdiction}"]`)).toBeVisible();
  await expect(card.getByText(a.authority, { exact: true })).toBeVisible();
}

test.describe("the permitting timetable", () => {
  test.describe.configure({ timeout: 300_000 });

  for (const lang of ["en", "ja"] as const) {
    const run = RUNS[lang];
    const w = UI[lang];

    test(`(${lang}) a coordinator adds a US and a Japanese authorization, moves a date, pauses and resumes: the open milestones move by the days paused`, async ({
      browser,
    }) => {
      const { context, page } = await personIn(browser, run.coordinator, lang);

      // The project's Permitting tab, empty on a freshly seeded database.
      const path = await projectPath(page, run.reference);
      await page
        .getByRole("navigation", { name: w.sections })
        .getByRole("link", { name: w.tab, exact: true })
        .click();
      await expect(page).toHaveURL(`${path}/permitting`);
      await expect(page.getByRole("heading", { level: 1, name: w.heading })).toBeVisible();
      await expect(page.getByText(w.empty, { exact: true })).toBeVisible();

      // The add dialog is a keyboard's: focus starts in it, Escape closes it and focus comes back.
      const addButton = page.getByRole("button", { name: w.add, exact: true }).first();
      await addButton.focus();
      await page.keyboard.press("Enter");
      const addDialog = page.getByRole("dialog", { name: w.addTitle });
      await expect(addDialog.getByRole("combobox", { name: w.instrument })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(addDialog).toBeHidden();
      await expect(addButton).toBeFocused();

      await addAuthorization(page, lang, run.us);
      await addAuthorization(page, lang, run.jp);
      await expect(page.getByRole("img", { name: w.chart })).toBeVisible();

      // A date of the US authorization's first (not final) milestone moves, with a reason and why.
      const us = authorizationCard(page, lang, run.us);
      const firstRow = us.locator("tbody tr[data-milestone]").first();
      await expect(firstRow).not.toHaveAttribute("data-final", "true");
      await firstRow.getByRole("button", { name: w.move }).click();
      const moveDialog = page.getByRole("dialog", { name: w.moveTitle(run.us.first[lang]) });
      const newDate = moveDialog.getByLabel(w.newDate);
      const current = await newDate.inputValue();
      const target = addDays(current, 15);
      await newDate.fill(target);
      await moveDialog.getByRole("combobox", { name: w.reason }).selectOption("AGENCY_RESOURCES");
      await moveDialog
        .getByRole("textbox", { name: w.justification })
        .fill("The agency's review team is short-staffed.");
      await expectNoSeriousA11yViolations(page);
      await moveDialog.getByRole("button", { name: w.moveSubmit, exact: true }).click();
      await expect(moveDialog).toBeHidden();
      await expect(page.getByText(w.moved(run.us.first[lang]))).toBeVisible();
      await expect(firstRow.locator(`time[datetime="${target}"]`)).toBeVisible();
      const log = page.getByRole("table", { name: w.log });
      const moveRow = log.locator('tr[data-reason="AGENCY_RESOURCES"]');
      await expect(moveRow).toHaveCount(1);
      await expect(moveRow).toContainText(w.agencyResources);
      await expect(moveRow).toContainText("The agency's review team is short-staffed.");

      // Paused as from ten days ago: every open milestone shows as paused, no date can move.
      await page.getByRole("button", { name: w.pause, exact: true }).click();
      const pauseDialog = page.getByRole("dialog", { name: w.pauseDialog });
      await pauseDialog.getByRole("combobox", { name: w.reason }).selectOption("APPLICANT_REQUEST");
      const since = pauseDialog.getByLabel(w.pausedSince);
      const today = await since.inputValue();
      const startedOn = addDays(today, -10);
      await since.fill(startedOn);
      await pauseDialog
        .getByRole("textbox", { name: w.summary })
        .fill("The applicant is revising the plant's water plan.");
      await pauseDialog.getByRole("button", { name: w.pauseSubmit, exact: true }).click();
      await expect(pauseDialog).toBeHidden();
      const banner = page.getByRole("region", { name: w.banner });
      await expect(banner).toBeVisible();
      await expect(banner.locator('[data-pause-reason="APPLICANT_REQUEST"]')).toBeVisible();
      await expect(banner).toContainText("The applicant is revising the plant's water plan.");
      await expect(us.locator('tbody tr[data-status="PAUSED"]')).toHaveCount(run.us.milestones);
      await expect(us.getByText(w.paused, { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("button", { name: w.move })).toHaveCount(0);
      await expect(page.locator('[data-testid="permitting-chart"] [data-pause="open"]')).toHaveCount(1);
      await screenshot(page, `lodestone-permitting-paused-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // Resumed today: each open milestone moves ten days later, logged as a project pause.
      const before = await firstRow.locator("time").nth(1).getAttribute("datetime");
      await banner.getByRole("button", { name: w.resume, exact: true }).click();
      const resumeDialog = page.getByRole("dialog", { name: w.resumeTitle });
      await expect(resumeDialog.getByLabel(w.resumedOn)).toHaveValue(today);
      await expect(resumeDialog.locator("[data-resume-days]")).toHaveAttribute("data-resume-days", "10");
      await resumeDialog.getByRole("button", { name: w.resume, exact: true }).click();
      await expect(resumeDialog).toBeHidden();
      await expect(page.getByText(w.resumed)).toBeVisible();
      await expect(banner).toBeHidden();
      const open = run.us.milestones + run.jp.milestones;
      await expect(log.locator('tr[data-reason="PROJECT_PAUSE"]')).toHaveCount(open);
      await expect(log.locator('tr[data-reason="PROJECT_PAUSE"]').first()).toContainText(w.projectPause);
      await expect(log.locator('tr[data-reason="AGENCY_RESOURCES"]')).toHaveCount(1);
      expect(before).toBe(target);
      await expect(firstRow.locator(`time[datetime="${addDays(target, 10)}"]`)).toBeVisible();
      await expect(us.locator('tbody tr[data-status="PAUSED"]')).toHaveCount(0);
      await expect(page.getByRole("img", { name: w.chart })).toBeVisible();
      await expect(page.locator('[data-testid="permitting-chart"] [data-pause="past"]')).toHaveCount(1);
      await screenshot(page, `lodestone-permitting-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // The project's timeline tells of the changes, linking to the timetable.
      await page.goto(path);
      const timeline = page.locator('li[data-event="permit_date_changed"]');
      await expect(timeline.first()).toBeVisible();
      // Each entry says why: the move's reason, the pause's reason.
      await expect(timeline.filter({ hasText: w.agencyResources })).toHaveCount(1);
      await expect(page.locator('li[data-event="permit_paused"]').first()).toBeVisible();
      await expect(
        page.locator('li[data-event="permit_paused"]').filter({ hasText: w.applicantRequest }),
      ).not.toHaveCount(0);
      await expect(timeline.first().getByRole("link")).toHaveAttribute("href", `${path}/permitting`);

      // Across projects: the page in the site's navigation, filtered by jurisdiction in the address.
      await page
        .getByRole("navigation", { name: lang === "ja" ? "メイン" : "Main", exact: true })
        .getByRole("link", { name: w.tab, exact: true })
        .click();
      await expect(page).toHaveURL(/\/permitting$/);
      const overview = page.getByRole("table", { name: w.overview });
      await expect(overview.locator(`tr[data-reference="${run.reference}"]`)).toHaveCount(2);
      await page.getByRole("combobox", { name: w.jurisdictionFilter }).selectOption("JP_NATIONAL");
      await expect(page).toHaveURL(/\/permitting\?jurisdiction=JP_NATIONAL$/);
      await expect(overview.locator(`tr[data-reference="${run.reference}"]`)).toHaveCount(1);
      await expect(page.getByRole("table", { name: w.perAuthority })).toBeVisible();
      // The CSV of what the filters show, its header row in the reader's language.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: w.csv, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile((await download.path())!, "utf8");
      expect(csv).toContain(w.csvHeader);
      expect(csv).toContain(run.reference);
      await screenshot(page, `lodestone-permitting-overview-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // On a phone's width the page does not scroll sideways: the chart and the tables scroll in their own boxes.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${path}/permitting`);
      await expect(page.getByRole("img", { name: w.chart })).toBeAttached();
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        ),
      ).toBe(false);
      await expectNoSeriousA11yViolations(page);

      await context.close();
    });
  }
});
