import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import {
  ACCOUNTS,
  SIGNED_OUT,
  expectNoSeriousA11yViolations,
  projectRows,
  screenshot,
  signIn,
} from "./helpers";

// Live updates: what one person does reaches the others' open pages without a reload, through
// the web's /trpc forwarding (server-sent events) — and only as the API's read rules allow.

/** A seeded submitted project no other suite touches: a round is opened and closed on it here. */
const TITLE = "Wind River Basin Carbonatite Feasibility";

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

/** Waits until the page's live feed is connected (what happens after that reaches it). */
async function live(page: Page): Promise<void> {
  await expect(page.locator("[data-live]")).toHaveAttribute("data-live", "live");
}

/** Goes to one of the project's sections by its link: a client-side move that keeps the page's feed. */
async function section(page: Page, name: "Discussion" | "Review"): Promise<void> {
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test.describe("live updates", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a comment, a vote and the decision reach the other delegates' open pages without a reload", async ({
    browser,
  }) => {
    const coordinator = await personIn(browser, ACCOUNTS.coordinator);
    await coordinator.page.goto(`/projects?q=${encodeURIComponent(TITLE)}`);
    const row = projectRows(coordinator.page).filter({ hasText: TITLE });
    await expect(row).toHaveCount(1);
    await row.getByRole("link").first().click();
    await expect(coordinator.page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    const projectPath = new URL(coordinator.page.url()).pathname;

    // Delegate A (United States) and delegate B (Australia), each on the project's review page.
    const a = await personIn(browser, ACCOUNTS.delegateUs);
    const b = await personIn(browser, ACCOUNTS.delegateAu);
    const stream = b.page.waitForResponse((r) => new URL(r.url()).pathname === "/trpc/live.events");
    for (const person of [a, b]) {
      await person.page.goto(`${projectPath}/review`);
      await expect(person.page.getByText("No review round has been opened for this project.")).toBeVisible();
      await live(person.page);
    }
    // The feed comes through the web's own server as an event stream, left uncompressed (its
    // Cache-Control says no-transform), and each event is passed on as it comes: the first one
    // arrives while the stream stays open.
    const response = await stream;
    expect(response.headers()["content-type"]).toMatch(/^text\/event-stream/);
    expect(response.headers()["cache-control"]).toContain("no-transform");
    expect(response.headers()["content-encoding"]).toBeUndefined();
    const first = await b.page.evaluate(async () => {
      const answer = await fetch("/trpc/live.events?input=%7B%7D", {
        headers: { accept: "text/event-stream" },
      });
      const reader = answer.body!.getReader();
      const chunk = await reader.read();
      await reader.cancel();
      return { done: chunk.done, text: new TextDecoder().decode(chunk.value) };
    });
    expect(first.done).toBe(false);
    expect(first.text).toContain("event: connected");

    // The coordinator opens a round: it appears on the delegates' pages.
    await section(coordinator.page, "Review");
    await coordinator.page.getByRole("button", { name: "Open the round" }).click();
    const closing = coordinator.page.getByRole("region", { name: "Round 1" });
    await expect(closing.getByText("No delegate has voted yet")).toBeVisible();
    const aRound = a.page.getByRole("region", { name: "Round 1" });
    const bRound = b.page.getByRole("region", { name: "Round 1" });
    await expect(aRound.getByText("No delegate has voted yet")).toBeVisible();
    await expect(bRound.getByText("No delegate has voted yet")).toBeVisible();

    // In the discussion, A's new comment waits on B's page behind a button, then shows.
    await section(a.page, "Discussion");
    await section(b.page, "Discussion");
    await expect(b.page.getByText("No comments yet.")).toBeVisible();
    const text = `Has the carbonatite's thorium content been assayed? (${Date.now()})`;
    await a.page.getByRole("radio", { name: "Question" }).check();
    await a.page.getByLabel("Your comment").fill(text);
    await a.page.getByRole("button", { name: "Post comment" }).click();
    await expect(a.page.locator("article", { hasText: text })).toBeVisible();
    await expect(a.page.getByRole("button", { name: /new comment/ })).toHaveCount(0);

    const show = b.page.getByRole("button", { name: "1 new comment — show" });
    await expect(show).toBeVisible();
    await expect(b.page.locator("[data-live]")).toContainText("1 new comment");
    await expect(b.page.getByText(text)).toHaveCount(0);
    await screenshot(b.page, "lodestone-live-new-comments");
    await expectNoSeriousA11yViolations(b.page);
    // By keyboard: focus moves to the comment shown.
    await show.focus();
    await b.page.keyboard.press("Enter");
    const shown = b.page.locator("article", { hasText: text });
    await expect(shown).toBeVisible();
    await expect(shown).toBeFocused();
    await expect(show).toHaveCount(0);
    await expectNoSeriousA11yViolations(b.page);

    // A votes: the turnout changes on B's and the coordinator's pages. B has not voted, so the
    // results stay hidden from B while the round is open.
    await section(a.page, "Review");
    await section(b.page, "Review");
    await live(b.page);
    await aRound.getByRole("radio", { name: "Approve" }).check();
    await aRound.getByRole("button", { name: "Cast vote" }).click();
    await expect(aRound.getByText("Your vote is recorded: Approve.")).toBeVisible();
    await expect(bRound.getByText("1 delegate has voted")).toBeVisible();
    await expect(closing.getByText("1 delegate has voted")).toBeVisible();
    await expect(bRound.getByText("Results appear after you vote.")).toBeVisible();
    await expect(bRound.getByRole("table", { name: "Votes by delegation" })).toHaveCount(0);
    await expect(bRound.getByTestId("round-outcome")).toHaveCount(0);
    await expectNoSeriousA11yViolations(b.page);

    // The coordinator closes the round and records the decision: both delegates see the result.
    await closing
      .getByLabel("Rationale")
      .fill("Only the United States voted; the delegations ask for a costed thorium management plan.");
    await closing.getByRole("radio", { name: "Request changes (the partner may resubmit)" }).check();
    await closing.getByRole("button", { name: "Close and record the decision" }).click();
    await coordinator.page
      .getByRole("alertdialog", { name: "Close this round?" })
      .getByRole("button", { name: "Close the round" })
      .click();
    await expect(coordinator.page).toHaveURL(/\/decisions\/[0-9a-f-]{36}$/);

    for (const round of [aRound, bRound]) {
      await expect(round.locator("[data-round-status]")).toHaveAttribute("data-round-status", "CLOSED");
      await expect(round.getByTestId("round-outcome")).toHaveText("The votes do not approve the project.");
      await expect(round.getByRole("table", { name: "Votes by delegation" })).toBeVisible();
      await expect(round.getByRole("link", { name: "Open the decision record" })).toBeVisible();
    }
    await expect(bRound.getByText("Results appear after you vote.")).toHaveCount(0);
    await expect(bRound.getByText("You did not vote in this round.")).toBeVisible();
    await expect(bRound.getByRole("button", { name: "Cast vote" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(b.page);

    await Promise.all([coordinator.context.close(), a.context.close(), b.context.close()]);
  });
});
