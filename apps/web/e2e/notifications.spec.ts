import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import {
  ACCOUNTS,
  SIGNED_OUT,
  expectNoSeriousA11yViolations,
  projectRows,
  screenshot,
  signIn,
} from "./helpers";

// Notifications: a review round opens and the delegates' header counts rise where they are, with
// no reload; "your vote is due" in the inbox leads to the vote; voting settles it; email
// preferences persist; an unsubscribe link from a real notification mail asks first and then
// turns off what it says. In English and in Japanese.

/**
 * Each language on a seeded submitted project no other suite opens a round on, with a delegate in
 * its electorate: for English the United States delegate (the US sponsors LD-0019), for Japanese
 * the Japanese delegate, whose profile is in Japanese.
 */
const WORDS = {
  en: {
    locale: "en-US",
    delegate: ACCOUNTS.delegateUs,
    reference: "LD-0019",
    title: "Sriperumbudur Magnet Recycling Hub",
    localTitle: "Sriperumbudur Magnet Recycling Hub",
    accountNav: "Your account",
    inboxLabel: (n: number) => `Inbox, ${n} unread`,
    inboxNone: "Inbox, nothing unread",
    inboxHeading: "Inbox",
    views: "Views",
    doneView: "Done",
    voteDue: "Your vote is due",
    reasonFilter: "Reason",
    modeFilter: "Show",
    followProject: "Notifications about this project",
    followRound: "Notifications about this round",
    projectFollow: "Following — You follow this because your delegation sponsors it.",
    roundFollow: /^Following — You follow this because .*you are in its electorate/,
    roundMuted: /^Muted — You muted this\./,
    reset: "Reset to default",
    round: "Round 1",
    approve: "Approve",
    castVote: "Cast vote",
    voteRecorded: "Your vote is recorded: Approve.",
    mailReasonLink: /Stop emails about your vote is due: (\S+)/,
    mailItemLink: /Stop notifications about this item \(LD-0019 · round\): (\S+)/,
    preferences: "Email notifications",
    choice: (reason: string, channel: string) => new RegExp(`^${reason}: ${channel}`),
    decisions: "Decisions",
    voteDueReason: "Your vote is due",
    daily: "Daily digest",
    weekly: "Weekly digest",
    immediately: "Immediately",
    never: "Never",
    savePreferences: "Save email preferences",
    preferencesSaved: "Your email preferences have been saved.",
    unsubscribeScope: "Emails about “Your vote is due”",
    confirm: "Confirm: turn it off",
    turnedOff: "Done. Turned off:",
    changePreferences: "Change what you receive",
    oneClickDone: "You are unsubscribed.",
    invalidTitle: "This link cannot be used",
  },
  ja: {
    locale: "ja-JP",
    delegate: ACCOUNTS.delegateJp,
    reference: "LD-0022",
    title: "Namaqualand Monazite Separation Plant",
    localTitle: "ナマクワランド モナザイト分離工場",
    accountNav: "アカウント",
    inboxLabel: (n: number) => `受信箱、未読 ${n} 件`,
    inboxNone: "受信箱、未読なし",
    inboxHeading: "受信箱",
    views: "一覧の切り替え",
    doneView: "完了",
    voteDue: "投票をお願いします",
    reasonFilter: "種類",
    modeFilter: "表示方法",
    followProject: "このプロジェクトの通知",
    followRound: "このラウンドの通知",
    projectFollow: "フォローしていません — あなたの投票が必要なときとメンションされたときだけ通知されます。",
    roundFollow: /^フォロー中 — あなたが投票者に含まれているため、フォローしています。$/,
    roundMuted: /^ミュート中 — ミュートしました。/,
    reset: "既定に戻す",
    round: "第1ラウンド",
    approve: "承認",
    castVote: "投票する",
    voteRecorded: "投票を記録しました：承認",
    mailReasonLink: /「投票の依頼」のメールを止める: (\S+)/,
    mailItemLink: /この項目の通知を止める \(LD-0022 · round\): (\S+)/,
    preferences: "メール通知",
    choice: (reason: string, channel: string) => new RegExp(`^${reason}：${channel}`),
    decisions: "決定",
    voteDueReason: "投票の依頼",
    daily: "日次ダイジェスト",
    weekly: "週次ダイジェスト",
    immediately: "すぐに",
    never: "受け取らない",
    savePreferences: "メール通知の設定を保存",
    preferencesSaved: "メール通知の設定を保存しました。",
    unsubscribeScope: "「投票の依頼」のメール",
    confirm: "確定して停止する",
    turnedOff: "停止しました：",
    changePreferences: "受け取る内容を変更する",
    oneClickDone: "配信を停止しました。",
    invalidTitle: "このリンクは使用できません",
  },
} as const;

/** A browser of its own for `email`, signed in the way a person does. */
async function personIn(
  browser: Browser,
  email: string,
  locale = "en-US",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...SIGNED_OUT,
    baseURL: test.info().project.use.baseURL,
    locale,
    timezoneId: "Asia/Tokyo",
  });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** Opens a seeded project from the (English) list by its title; returns its address. */
async function openProject(page: Page, title: string): Promise<string> {
  await page.goto(`/projects?q=${encodeURIComponent(title)}`);
  const row = projectRows(page).filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The unread count the header's inbox link shows now. */
async function unread(link: Locator): Promise<number> {
  return Number(await link.getAttribute("data-unread"));
}

/** A calendar day `days` from today (YYYY-MM-DD). */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The path and query of a link in a mail (its host is this web server's). */
function pathOf(match: RegExpExecArray | null): string {
  expect(match, "an unsubscribe link in the mail").toBeTruthy();
  const url = new URL(match![1]!);
  expect(url.pathname).toBe("/api/unsubscribe");
  return `${url.pathname}${url.search}`;
}

test.describe("notifications", () => {
  test.describe.configure({ timeout: 240_000 });

  for (const lang of ["en", "ja"] as const) {
    const w = WORDS[lang];

    test(`(${lang}) a new round reaches the delegate's header live, the inbox leads to the vote, voting settles it, email settings and unsubscribing work`, async ({
      browser,
    }) => {
      // The coordinator, on the project's review page, ready to open a round.
      const coordinator = await personIn(browser, ACCOUNTS.coordinator);
      const projectPath = await openProject(coordinator.page, w.title);
      await coordinator.page.goto(`${projectPath}/review`);
      await expect(
        coordinator.page.getByText("No review round has been opened for this project."),
      ).toBeVisible();

      // The delegate, on the project's page: the header knows their unread count.
      const delegate = await personIn(browser, w.delegate, w.locale);
      const page = delegate.page;
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const inbox = page
        .getByRole("navigation", { name: w.accountNav })
        .getByRole("link", { name: /^Inbox|^受信箱/ });
      await expect(inbox).toHaveAttribute("data-unread", /^\d+$/);
      await page.goto(projectPath);
      await expect(page.getByRole("heading", { level: 1, name: w.localTitle })).toBeVisible();
      await expect(inbox).toHaveAttribute("data-unread", /^\d+$/);
      const before = await unread(inbox);
      await expect(inbox).toHaveAccessibleName(before === 0 ? w.inboxNone : w.inboxLabel(before));

      // Following the project: what being part of it implies, a mute, and back to the default.
      const projectFollow = page.getByRole("region", { name: w.followProject });
      await expect(projectFollow.locator("p").first()).toHaveText(w.projectFollow);
      await projectFollow.getByRole("button", { name: lang === "en" ? "Mute" : "ミュートする" }).click();
      await expect(projectFollow.locator("[data-follow-state]")).toHaveAttribute(
        "data-follow-state",
        "MUTED",
      );
      await expectNoSeriousA11yViolations(page);
      await projectFollow.getByRole("button", { name: w.reset }).click();
      await expect(projectFollow.locator("p").first()).toHaveText(w.projectFollow);

      // The coordinator opens the round: the delegate's count rises on the page they have open.
      await coordinator.page.getByRole("button", { name: "Open the round" }).click();
      await expect(coordinator.page.getByRole("region", { name: "Round 1" })).toBeVisible();
      await expect.poll(() => unread(inbox), { timeout: 30_000 }).toBeGreaterThan(before);
      const risen = await unread(inbox);
      await expect(inbox).toHaveAccessibleName(w.inboxLabel(risen));
      await expect(page.getByRole("heading", { level: 1, name: w.localTitle })).toBeVisible();

      // "Your vote is due" was mailed at once too (the development outbox): its unsubscribe links.
      const outbox = await delegate.context.newPage();
      const mail = outbox
        .locator(`article[data-to="${w.delegate}"]`)
        .filter({ hasText: `[${w.reference}]` })
        .first();
      await expect(async () => {
        await outbox.goto("/dev/outbox");
        await expect(mail).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      const mailText = await mail.innerText();
      const reasonLink = pathOf(w.mailReasonLink.exec(mailText));
      const itemLink = pathOf(w.mailItemLink.exec(mailText));
      await outbox.close();

      // The inbox: the new item, unread, with the project in the reader's language.
      await inbox.click();
      await expect(page).toHaveURL(/\/inbox$/);
      await expect(page.getByRole("heading", { level: 1, name: w.inboxHeading })).toBeVisible();
      const item = page
        .locator("li[data-notification]")
        .filter({ hasText: w.reference })
        .filter({ hasText: w.voteDue });
      await expect(item).toHaveCount(1);
      await expect(item).toHaveAttribute("data-read", "false");
      await expect(item).toHaveAttribute("data-reason", "VOTE_DUE");
      await expect(item).toContainText(w.localTitle);
      await screenshot(page, `lodestone-inbox-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // Filtered by reason: only it, then everything but it.
      await page.getByLabel(w.reasonFilter, { exact: true }).selectOption("VOTE_DUE");
      await expect(page).toHaveURL(/reason=VOTE_DUE/);
      await expect(page.locator("li[data-notification]").first()).toHaveAttribute("data-reason", "VOTE_DUE");
      await expect(item).toHaveCount(1);
      await page.getByLabel(w.modeFilter, { exact: true }).selectOption("except");
      await expect(page).toHaveURL(/mode=except/);
      await expect(item).toHaveCount(0);
      await page.getByLabel(w.reasonFilter, { exact: true }).selectOption("");
      await expect(page).toHaveURL(/\/inbox$/);
      await expect(item).toHaveCount(1);

      if (lang === "en") {
        // Snoozed to a day gone by: the API says no, in the row. To a day ahead: it leaves the
        // inbox for "Snoozed", and comes back from there.
        await item.getByRole("button", { name: "Snooze…" }).click();
        const day = item.getByLabel("Snooze until");
        await day.fill(isoDay(-2));
        await item.getByRole("button", { name: "Snooze", exact: true }).click();
        await expect(item.getByRole("alert")).toContainText("Choose a time in the future to snooze until.");
        await day.fill(isoDay(3));
        await item.getByRole("button", { name: "Snooze", exact: true }).click();
        await expect(page.getByRole("status").filter({ hasText: /^Snoozed until / })).toBeVisible();
        await expect(item).toHaveCount(0);
        await page.getByRole("navigation", { name: w.views }).getByRole("link", { name: "Snoozed" }).click();
        await expect(page).toHaveURL(/view=snoozed/);
        await expect(item).toHaveCount(1);
        await expect(item).toContainText("Snoozed until");
        await expectNoSeriousA11yViolations(page);
        await item.getByRole("button", { name: "Unsnooze" }).click();
        await expect(item).toHaveCount(0);
        await page.getByRole("navigation", { name: w.views }).getByRole("link", { name: "Inbox" }).click();
        await expect(page).toHaveURL(/\/inbox$/);
        await expect(item).toHaveCount(1);
      }

      // Its link leads to the review page and marks it read.
      await item.getByRole("link", { name: w.voteDue }).click();
      await expect(page).toHaveURL((url) => url.pathname === `${projectPath}/review`);
      await expect.poll(() => unread(inbox)).toBeLessThan(risen);
      const round = page.getByRole("region", { name: w.round });
      await expect(round.getByRole("region", { name: w.followRound }).locator("p").first()).toHaveText(
        w.roundFollow,
      );

      // The delegate votes; the API settles "your vote is due" moments later: it leaves the
      // inbox for "Done".
      await round.getByRole("radio", { name: w.approve }).check();
      await round.getByRole("button", { name: w.castVote }).click();
      await expect(round.getByText(w.voteRecorded)).toBeVisible();
      await inbox.click();
      await expect(page).toHaveURL(/\/inbox$/);
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole("heading", { level: 1, name: w.inboxHeading })).toBeVisible();
        await expect(page.getByRole("status").filter({ hasText: /Loading|読み込んでいます/ })).toHaveCount(0);
        await expect(item).toHaveCount(0, { timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      await page.getByRole("navigation", { name: w.views }).getByRole("link", { name: w.doneView }).click();
      await expect(page).toHaveURL(/view=done/);
      await expect(item).toHaveCount(1);
      await expect(item).toHaveAttribute("data-read", "true");

      // Email preferences: a change saves and is still there after a reload.
      await page.goto("/profile#notifications");
      const preferences = page.getByRole("region", { name: w.preferences });
      await expect(preferences).toBeInViewport();
      const decisionsDaily = preferences.getByRole("radio", { name: w.choice(w.decisions, w.daily) });
      const decisionsWeekly = preferences.getByRole("radio", { name: w.choice(w.decisions, w.weekly) });
      await expect(decisionsDaily).toBeChecked();
      await decisionsWeekly.check();
      await preferences.getByRole("button", { name: w.savePreferences }).click();
      await expect(preferences.getByRole("status").filter({ hasText: w.preferencesSaved })).toBeVisible();
      await screenshot(page, `lodestone-email-preferences-${lang}`);
      await expectNoSeriousA11yViolations(page);
      await page.reload();
      await expect(decisionsWeekly).toBeChecked();
      const voteDueImmediately = preferences.getByRole("radio", {
        name: w.choice(w.voteDueReason, w.immediately),
      });
      await expect(voteDueImmediately).toBeChecked();

      // The unsubscribe link from the mail, opened by someone not signed in: a GET only leads to
      // the page, which asks first.
      const visitor = await browser.newContext({
        ...SIGNED_OUT,
        baseURL: test.info().project.use.baseURL,
        locale: w.locale,
      });
      const stranger = await visitor.newPage();
      const fetched = await stranger.request.get(reasonLink, { maxRedirects: 0 });
      expect(fetched.status()).toBe(303);
      expect(fetched.headers()["location"]).toMatch(/^\/unsubscribe\?token=/);
      await stranger.goto(reasonLink);
      await expect(stranger).toHaveURL(/\/unsubscribe\?token=/);
      await expect(stranger.getByTestId("unsubscribe-scope")).toHaveText(w.unsubscribeScope);
      await screenshot(stranger, `lodestone-unsubscribe-${lang}`);
      await expectNoSeriousA11yViolations(stranger);
      await stranger.getByRole("button", { name: w.confirm }).click();
      const done = stranger.getByRole("status").filter({ hasText: w.turnedOff });
      await expect(done).toBeFocused();
      await expect(stranger.getByTestId("unsubscribed")).toHaveText(w.unsubscribeScope);
      await expect(done.getByRole("link", { name: w.changePreferences })).toHaveAttribute(
        "href",
        "/profile#notifications",
      );
      await expectNoSeriousA11yViolations(stranger);

      // What a mail client sends for one click (RFC 8058): the round is muted.
      const oneClick = await stranger.request.post(itemLink, { form: { "List-Unsubscribe": "One-Click" } });
      expect(oneClick.status()).toBe(200);
      expect(await oneClick.text()).toMatch(/You are unsubscribed\.|配信を停止しました。/);

      // A link that is not one: the API's word for it.
      await stranger.goto("/unsubscribe?token=this-is-not-a-real-token");
      const refused = stranger
        .getByRole("alert")
        .filter({ has: stranger.getByRole("heading", { name: w.invalidTitle }) });
      await expect(refused).toBeVisible();
      await expect(refused).toContainText("This unsubscribe link is not valid.");
      await expectNoSeriousA11yViolations(stranger);
      await visitor.close();

      // Back with the delegate: "your vote is due" is no longer mailed, the round is muted.
      await page.reload();
      await expect(
        preferences.getByRole("radio", { name: w.choice(w.voteDueReason, w.never) }),
      ).toBeChecked();
      await expect(decisionsWeekly).toBeChecked();
      await page.goto(`${projectPath}/review`);
      const roundFollow = page
        .getByRole("region", { name: w.round })
        .getByRole("region", { name: w.followRound });
      await expect(roundFollow.locator("p").first()).toHaveText(w.roundMuted);
      await screenshot(page, `lodestone-review-muted-${lang}`);

      // Put everything back as it was.
      await roundFollow.getByRole("button", { name: w.reset }).click();
      await expect(roundFollow.locator("p").first()).toHaveText(w.roundFollow);
      await page.goto("/profile#notifications");
      await voteDueImmediately.check();
      await decisionsDaily.check();
      await preferences.getByRole("button", { name: w.savePreferences }).click();
      await expect(preferences.getByRole("status").filter({ hasText: w.preferencesSaved })).toBeVisible();
      await page.reload();
      await expect(voteDueImmediately).toBeChecked();
      await expect(decisionsDaily).toBeChecked();

      await Promise.all([coordinator.context.close(), delegate.context.close()]);
    });
  }

  test("the comment box suggests people to mention, by keyboard", async ({ browser }) => {
    const delegate = await personIn(browser, ACCOUNTS.delegateUs);
    const page = delegate.page;
    const projectPath = await openProject(page, WORDS.en.title);
    await page.goto(`${projectPath}/discussion`);
    await expect(page.getByRole("heading", { level: 1, name: "Discussion" })).toBeVisible();
    const box = page.getByLabel("Your comment");
    await expect(box).toHaveAttribute("role", "combobox");
    await expect(box).toHaveAttribute("aria-expanded", "false");

    await box.pressSequentially("Could @Thom");
    const list = page.getByRole("listbox", { name: "People you can mention" });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const options = list.getByRole("option");
    const names = await options.allInnerTexts();
    const index = names.findIndex((name) => name === "Thomas Reyes");
    expect(index, `Thomas Reyes among ${names.join(", ")}`).toBeGreaterThanOrEqual(0);
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
    for (let i = 0; i < index; i++) await box.press("ArrowDown");
    await expect(options.nth(index)).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute(
      "aria-activedescendant",
      (await options.nth(index).getAttribute("id"))!,
    );
    await screenshot(page, "lodestone-mentions-en");
    await expectNoSeriousA11yViolations(page);
    await box.press("Enter");
    await expect(box).toHaveValue("Could @Thomas Reyes ");
    await expect(list).toBeHidden();
    await expect(box).toBeFocused();

    // Escape closes the list and leaves the text as typed.
    await box.pressSequentially("and @Thom");
    await expect(list).toBeVisible();
    await box.press("Escape");
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(box).toHaveValue("Could @Thomas Reyes and @Thom");
    await delegate.context.close();
  });

  test("an administrator finds mail problems from the navigation", async ({ browser }) => {
    const admin = await personIn(browser, ACCOUNTS.admin);
    const page = admin.page;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mail problems" }).click();
    await expect(page).toHaveURL(/\/admin\/mail$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mail problems" })).toBeVisible();
    // Nothing fails to send here (the development outbox takes every mail).
    await expect(page.getByRole("heading", { level: 2, name: "No mail problems" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await admin.context.close();

    // Others get the 403 page.
    const delegate = await personIn(browser, ACCOUNTS.delegateUs);
    const response = await delegate.page.goto("/admin/mail");
    expect(response?.status()).toBe(403);
    await delegate.context.close();
  });
});
