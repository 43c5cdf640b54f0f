import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, SIGNED_OUT, expectNoSeriousA11yViolations, projectRows, signIn } from "./helpers";

// Deliberation: review rounds voted by two delegations in their own browsers, the decision
// record, and a comment thread from posting to moderation.

/** A browser of its own for `email`, signed in the way a person does. */
async function personIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...SIGNED_OUT,
    baseURL: test.info().project.use.baseURL,
    locale: "en-US",
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

async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /Loading|読み込んでいます/ })).toHaveCount(0);
}

test.describe("a review round", () => {
  test.describe.configure({ timeout: 180_000 });

  test("US and Japanese delegates vote in their own browsers, the coordinator closes, the record shows both delegations and verifies", async ({
    browser,
  }) => {
    const coordinator = await personIn(browser, ACCOUNTS.coordinator);
    const projectPath = await openProject(coordinator.page, "Nagoya Cerium Polishing Powder Recovery");
    await expect(coordinator.page.getByTestId("comment-stats")).toBeVisible();

    // The coordinator opens a round on the submitted project.
    await coordinator.page.getByRole("link", { name: "Review", exact: true }).click();
    await expect(coordinator.page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await expect(
      coordinator.page.getByText("No review round has been opened for this project."),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(coordinator.page);
    const closesAt = coordinator.page.getByLabel("Closes at");
    await expect(closesAt).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await coordinator.page.getByRole("button", { name: "Open the round" }).click();
    const round = coordinator.page.getByRole("region", { name: "Round 1" });
    await expect(round.getByText("Open", { exact: true })).toBeVisible();
    await expect(round.getByText("Revision 1, content hash")).toBeVisible();

    // The rule may change until the first vote.
    await round.getByRole("button", { name: "Change the rule" }).click();
    await round.getByLabel("Quorum (percent of each delegation's delegates)").fill("0");
    await round.getByRole("button", { name: "Save the rule" }).click();
    await expect(round.getByText("Enter a quorum above 0 and at most 100 percent.")).toBeVisible();
    // One vote per delegation is enough, however many delegates other tests have added.
    await round.getByLabel("Quorum (percent of each delegation's delegates)").fill("1");
    await round.getByRole("button", { name: "Save the rule" }).click();
    await expect(round.getByText("The decision rule is saved.")).toBeVisible();
    await expect(round.getByText("At least 1% of each delegation's delegates vote")).toBeVisible();
    await expectNoSeriousA11yViolations(coordinator.page);
    const reviewPath = new URL(coordinator.page.url()).pathname;
    expect(reviewPath).toBe(`${projectPath}/review`);

    // The US delegate, in English: results hidden until voting; a rejection needs a reason. This
    // page hears no live updates (as when its connection is down), so it still offers the vote
    // after the round closes, and the vote sent then is refused (below).
    const us = await personIn(browser, ACCOUNTS.delegateUs);
    await us.page.route(
      (url) => url.pathname === "/trpc/live.events",
      (route) => route.abort(),
    );
    await us.page.goto(reviewPath);
    const usRound = us.page.getByRole("region", { name: "Round 1" });
    await expect(usRound.getByText("Results appear after you vote.")).toBeVisible();
    await expectNoSeriousA11yViolations(us.page);
    await usRound.getByRole("radio", { name: "Reject" }).check();
    await usRound.getByRole("button", { name: "Cast vote" }).click();
    await expect(usRound.getByText("Give a reason when you vote to reject.")).toBeVisible();
    await usRound.getByLabel("Reason").fill("The tailings plan is not costed.");
    await usRound.getByRole("button", { name: "Cast vote" }).click();
    await expect(usRound.getByText("Your vote is recorded: Reject.")).toBeVisible();
    await expect(usRound.getByRole("table", { name: "Votes by delegation" })).toBeVisible();
    // Changed before the close: the last vote counts.
    await usRound.getByRole("radio", { name: "Approve" }).check();
    await usRound.getByLabel("Reason").fill("");
    await usRound.getByRole("button", { name: "Change vote" }).click();
    await expect(usRound.getByText("Your vote is recorded: Approve.")).toBeVisible();
    const usRow = usRound.locator('tr[data-delegation="US"]');
    await expect(usRow.locator("td").nth(0)).toHaveText("1");
    await expect(usRow.locator("td").nth(1)).toHaveText("0");
    await expectNoSeriousA11yViolations(us.page);

    // The Japanese delegate, whose profile is in Japanese.
    const jp = await personIn(browser, ACCOUNTS.delegateJp);
    await jp.page.goto(reviewPath);
    await expect(jp.page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(jp.page.getByRole("heading", { level: 1, name: "審査" })).toBeVisible();
    const jpRound = jp.page.getByRole("region", { name: "第1ラウンド" });
    await expect(jpRound.getByText("結果は投票後に表示されます。")).toBeVisible();
    await expectNoSeriousA11yViolations(jp.page);
    await jpRound.getByRole("radio", { name: "承認" }).check();
    await jpRound.getByRole("button", { name: "投票する" }).click();
    await expect(jpRound.getByText("投票を記録しました：承認")).toBeVisible();
    await expect(jpRound.locator('tr[data-delegation="JP"] td').nth(0)).toHaveText("1");
    await expectNoSeriousA11yViolations(jp.page);
    // During the round a delegate reads no one's reasons.
    await expect(
      jpRound.getByText("各投票とその理由は、ラウンドの終了時にすべての人に公開されます。"),
    ).toBeVisible();

    // The Australian delegate (counted, not required) rejects with a reason.
    const au = await personIn(browser, ACCOUNTS.delegateAu);
    await au.page.goto(reviewPath);
    const auRound = au.page.getByRole("region", { name: "Round 1" });
    await auRound.getByRole("radio", { name: "Reject" }).check();
    await auRound.getByLabel("Reason").fill("The water budget during commissioning is unproven.");
    await auRound.getByRole("button", { name: "Cast vote" }).click();
    await expect(auRound.getByText("Your vote is recorded: Reject.")).toBeVisible();

    // The coordinator closes the round with a rationale (after confirming).
    await coordinator.page.reload();
    const closing = coordinator.page.getByRole("region", { name: "Round 1" });
    await expect(closing.getByText("3 delegates have voted")).toBeVisible();
    // The coordinator reads every reason during the round, including the US delegate's earlier one.
    await expect(closing.getByText("The water budget during commissioning is unproven.")).toBeVisible();
    await expect(closing.getByText(/The electorate was fixed when this round opened/)).toBeVisible();
    await expectNoSeriousA11yViolations(coordinator.page);
    await expect(closing.getByRole("button", { name: "Change the rule" })).toHaveCount(0);
    await expect(closing.getByText("Votes have been cast, so the rule can no longer change.")).toBeVisible();
    await closing.getByRole("button", { name: "Close and record the decision" }).click();
    await expect(closing.getByText("Explain the decision in at least 10 characters.")).toBeVisible();
    await closing
      .getByLabel("Rationale")
      .fill("Both founding delegations approve; costing the tailings plan is a condition.");
    await closing.getByRole("radio", { name: "Reject the project" }).check();
    await closing.getByRole("button", { name: "Close and record the decision" }).click();
    const confirm = coordinator.page.getByRole("alertdialog", { name: "Close this round?" });
    await confirm.getByRole("button", { name: "Close the round" }).click();

    // The decision record: both delegations' tallies, quorum, outcome, who and when.
    await expect(coordinator.page).toHaveURL(/\/decisions\/[0-9a-f-]{36}$/);
    await expect(coordinator.page.getByRole("heading", { level: 1, name: "Decision record" })).toBeVisible();
    await expect(coordinator.page.locator('[data-outcome="APPROVED"]')).toHaveText("Approved");
    const table = coordinator.page.getByRole("table", { name: "Votes and quorum by delegation" });
    const usTally = table.locator('tr[data-delegation="US"]');
    const jpTally = table.locator('tr[data-delegation="JP"]');
    // Approve, reject, abstain, did not vote (the other delegates), quorum, result.
    await expect(usTally.locator("td")).toHaveText(["1", "0", "0", /^[1-9]\d*$/, "Met", "Approves"]);
    await expect(jpTally.locator("td")).toHaveText(["1", "0", "0", /^[1-9]\d*$/, "Met", "Approves"]);
    await expect(coordinator.page.getByRole("main").getByText("Thomas Reyes")).toBeVisible();
    await expect(coordinator.page.getByText(/costing the tailings plan is a condition/)).toBeVisible();
    await expectNoSeriousA11yViolations(coordinator.page);

    // The record names the rejecting reason, and its seal.
    await expect(
      coordinator.page.getByText("The water budget during commissioning is unproven."),
    ).toBeVisible();
    await expect(coordinator.page.getByTestId("signature-status")).toHaveText(
      "Signature: not yet checked — press Verify",
    );
    await coordinator.page.getByRole("button", { name: "Verify" }).click();
    await expect(coordinator.page.getByTestId("verify-result")).toHaveText(
      "Verified: the record agrees with the stored votes and the revision's content.",
    );
    await expect(coordinator.page.getByTestId("signature-status")).toHaveText("Signature valid");
    const [download] = await Promise.all([
      coordinator.page.waitForEvent("download"),
      coordinator.page.getByRole("link", { name: "Download as JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^decision-LD-\d{4}-revision-1-[0-9a-f]{8}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as {
      outcome: string;
      revision: { contentHash: string };
      delegations: Record<string, { approve: number; reject: number; quorumMet: boolean }>;
    };
    expect(exported.outcome).toBe("APPROVED");
    expect(exported.revision.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(exported.delegations.US).toMatchObject({ approve: 1, reject: 0, quorumMet: true });
    expect(exported.delegations.JP).toMatchObject({ approve: 1, reject: 0, quorumMet: true });
    // The download verifies offline, with nothing but the file and the published key's fingerprint.
    const published = (await (await coordinator.page.request.get("/trpc/review.signingKey")).json()) as {
      result: { data: { fingerprint: string } };
    };
    const cli = fileURLToPath(new URL("../../api/dist/cli/verify-decision.js", import.meta.url));
    const offline = await promisify(execFile)(process.execPath, [
      cli,
      (await download.path())!,
      "--fingerprint",
      published.result.data.fingerprint,
    ]);
    expect(offline.stdout).toMatch(/^VERIFIED/);
    const decisionPath = new URL(coordinator.page.url()).pathname;

    // A vote sent after the close is refused, plainly.
    await usRound.getByRole("radio", { name: "Abstain" }).check();
    await usRound.getByRole("button", { name: "Change vote" }).click();
    await expect(usRound.getByRole("alert")).toHaveText("This round has closed: your vote was not accepted.");

    // The Japanese delegate reaches the record from the round, in Japanese.
    await jp.page.reload();
    await jp.page.getByRole("link", { name: "決定記録を開く" }).click();
    await expect(jp.page).toHaveURL((url) => url.pathname === decisionPath);
    await expect(jp.page.getByRole("heading", { level: 1, name: "決定記録" })).toBeVisible();
    await expect(jp.page.locator('[data-outcome="APPROVED"]')).toHaveText("承認");
    await jp.page.getByRole("button", { name: "検証" }).click();
    await expect(jp.page.getByTestId("verify-result")).toHaveText(
      "検証済み：記録は保存されている投票と版の内容に一致しています。",
    );
    await expect(jp.page.getByTestId("signature-status")).toHaveText("署名は有効です");
    await expect(jp.page.getByText("The water budget during commissioning is unproven.")).toBeVisible();
    await expectNoSeriousA11yViolations(jp.page);
    // After the close, the delegate reads every reason on the review page too.
    await jp.page.goto(reviewPath);
    await expect(
      jp.page
        .getByRole("region", { name: "第1ラウンド" })
        .getByText("The water budget during commissioning is unproven."),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(jp.page);

    // The project moved on.
    await coordinator.page.goto(projectPath);
    await expect(coordinator.page.getByText("Approved", { exact: true }).first()).toBeVisible();
    await coordinator.page.getByRole("link", { name: "Decision record" }).click();
    await expect(coordinator.page).toHaveURL((url) => url.pathname === decisionPath);

    await Promise.all([
      coordinator.context.close(),
      us.context.close(),
      jp.context.close(),
      au.context.close(),
    ]);
  });
});

test.describe("a comment thread", () => {
  test.describe.configure({ timeout: 180_000 });

  test("post with a stance, reply, edit with history, delete, and a coordinator hides with a reason", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const threadText = `Is the water licence for the separation plant secured? (${stamp})`;
    const replyText = `The licence application went in last spring (${stamp}).`;
    const editedReply = `The licence was granted in March (${stamp}).`;

    const us = await personIn(browser, ACCOUNTS.delegateUs);
    const projectPath = await openProject(us.page, "Hai Phong Rare Earth Separation Joint Venture");
    await us.page.getByRole("link", { name: "Discussion", exact: true }).click();
    await expect(us.page.getByRole("heading", { level: 1, name: "Discussion" })).toBeVisible();
    await settled(us.page);
    await expectNoSeriousA11yViolations(us.page);

    // A thread needs a stance.
    await us.page.getByLabel("Your comment").fill(threadText);
    await us.page.getByRole("button", { name: "Post comment" }).click();
    await expect(us.page.getByText("Choose your stance.")).toBeVisible();
    await us.page.getByRole("radio", { name: "Question" }).check();
    await us.page.getByRole("button", { name: "Post comment" }).click();
    const thread = us.page.locator("article", { hasText: threadText });
    await expect(thread).toBeVisible();
    await expect(thread.locator('[data-stance="QUESTION"]')).toHaveText("Question");

    // A reply, then an edit of it with its history.
    await thread.getByRole("button", { name: "Reply" }).click();
    await thread.getByLabel("Your reply").fill(replyText);
    await thread.getByRole("button", { name: "Post reply" }).click();
    const reply = us.page.locator("article", { hasText: replyText });
    await expect(reply).toBeVisible();
    await reply.getByRole("button", { name: "Edit", exact: true }).click();
    await reply.getByLabel("Edit your comment").fill(editedReply);
    await reply.getByRole("button", { name: "Save changes" }).click();
    const edited = us.page.locator("article", { hasText: editedReply });
    await expect(edited.getByText("(edited)")).toBeVisible();
    await edited.getByRole("button", { name: "Edit history" }).click();
    const history = edited.getByRole("region", { name: "Edit history" });
    await expect(history.getByText(replyText)).toBeVisible();
    await expect(history.getByText("Current version")).toBeVisible();
    await expectNoSeriousA11yViolations(us.page);

    // Deleting keeps the thread readable.
    await edited.getByRole("button", { name: "Delete" }).click();
    const dialog = us.page.getByRole("alertdialog", { name: "Delete this comment?" });
    await dialog.getByRole("button", { name: "Delete comment" }).click();
    await expect(dialog).toBeHidden();
    await expect(us.page.locator("article", { hasText: editedReply })).toHaveCount(0);
    const removed = us.page.locator('article[data-state="deleted"]').filter({ hasText: "Comment removed" });
    await expect(removed.getByText("This comment was removed by its author.")).toBeVisible();
    await expect(thread).toBeVisible();

    // A coordinator hides the thread with a reason.
    const coordinator = await personIn(browser, ACCOUNTS.coordinator);
    await coordinator.page.goto(`${projectPath}/discussion`);
    const moderated = coordinator.page.locator("article", { hasText: threadText });
    await moderated.getByRole("button", { name: "Hide" }).click();
    const hide = coordinator.page.getByRole("dialog", { name: "Hide this comment" });
    await hide.getByRole("button", { name: "Hide comment" }).click();
    await expect(hide.getByText("Give a reason of 3 to 500 characters.")).toBeVisible();
    await hide
      .getByLabel("Reason (shown to the author)")
      .fill("Asks about a permit covered by the site visit.");
    await hide.getByRole("button", { name: "Hide comment" }).click();
    await expect(hide).toBeHidden();
    await expect(moderated.getByText("Hidden by a coordinator", { exact: false })).toBeVisible();
    await expect(moderated.getByText("Reason: Asks about a permit covered by the site visit.")).toBeVisible();
    await expect(moderated.getByRole("button", { name: "Show again" })).toBeVisible();
    await expectNoSeriousA11yViolations(coordinator.page);

    // Its author still sees it, marked; another delegate sees only that it was hidden.
    await us.page.reload();
    const own = us.page.locator("article", { hasText: threadText });
    await expect(own.getByText("Reason: Asks about a permit covered by the site visit.")).toBeVisible();
    const au = await personIn(browser, ACCOUNTS.delegateAu);
    await au.page.goto(`${projectPath}/discussion`);
    await settled(au.page);
    await expect(au.page.getByText(threadText)).toHaveCount(0);
    await expect(au.page.getByText("This comment was hidden by a coordinator.").first()).toBeVisible();

    await Promise.all([us.context.close(), coordinator.context.close(), au.context.close()]);
  });
});
