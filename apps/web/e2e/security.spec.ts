import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, SIGNED_OUT, projectRows, signIn, useSignedIn } from "./helpers";

// Quandong Minerals' partner writes the hostile proposal.
useSignedIn(ACCOUNTS.partner);

const PAYLOAD_BODY = [
  "Before the payloads.",
  "",
  '<script>window.__xss = "script"; alert("script")</script>',
  "",
  "<img src=\"x\" onerror=\"window.__xss = 'onerror'; alert('onerror')\">",
  "",
  "[a javascript link](javascript:window.__xss='link';alert('link'))",
  "",
  "<a href=\"javascript:alert('raw link')\">raw link</a>",
  "",
  '<svg onload="window.__xss = \'svg\'"><script>alert("svg")</script></svg>',
  "",
  "![svg image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=)",
  "",
  "<iframe src=\"javascript:alert('iframe')\"></iframe>",
  "",
  "After the payloads.",
].join("\n");

/** Fails the test on any dialog, and collects CSP violations and page errors. */
function watchForExecution(page: Page) {
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  return { dialogs, violations };
}

test.describe("hostile markdown", () => {
  test("a proposal carrying script, event handlers, javascript: links and SVG executes nothing", async ({
    page,
  }) => {
    const watch = watchForExecution(page);
    const title = `<script>alert("title")</script> Hostile ${Date.now()}`;
    await page.goto("/projects/new");
    await page.getByLabel("Title", { exact: true }).first().fill(title);
    await page.getByLabel("Summary", { exact: true }).first().fill('<img src=x onerror="alert(1)">');
    await page.getByLabel("Description", { exact: true }).first().fill(PAYLOAD_BODY);
    await page.getByLabel("Commodity").selectOption("NDPR");
    await page.getByLabel("Supply-chain stage").selectOption("MINING");
    await page.getByLabel("Site country").fill("AU");
    await page.getByLabel("Capacity (tonnes per year)").fill("10");
    await page.getByLabel("Capex (USD)").fill("1000");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/edit/);
    const projectPath = new URL(page.url()).pathname.replace(/\/edit$/, "");

    await page.goto(projectPath);
    // The title is text, not markup.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const english = page.locator('section[data-language="en"]');
    await expect(english).toContainText("Before the payloads.");
    await expect(english).toContainText("After the payloads.");
    await expect(english).toContainText("a javascript link");

    // Nothing dangerous reached the document.
    await expect(english.locator("script, iframe, svg, object, embed")).toHaveCount(0);
    await expect(english.locator("[onerror], [onload], [onclick]")).toHaveCount(0);
    const hrefs = await english.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.some((h) => /^\s*javascript:/i.test(h))).toBe(false);
    const sources = await english
      .locator("img")
      .evaluateAll((imgs) => imgs.map((img) => img.getAttribute("src") ?? ""));
    expect(sources.some((s) => /^\s*(javascript|data):/i.test(s))).toBe(false);

    // Clicking what was a javascript: link runs nothing either.
    await english.getByText("a javascript link").click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(watch.dialogs).toEqual([]);
    expect(watch.violations).toEqual([]);
  });
});

test.describe("hostile markdown in a comment", () => {
  test.use(SIGNED_OUT);

  test("a comment carrying the same payloads executes nothing", async ({ page }) => {
    const watch = watchForExecution(page);
    await signIn(page, ACCOUNTS.delegateUs);
    const title = "Hai Phong Rare Earth Separation Joint Venture";
    await page.goto(`/projects?q=${encodeURIComponent(title)}`);
    await projectRows(page).filter({ hasText: title }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("link", { name: "Discussion", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Discussion" })).toBeVisible();

    const stamp = `payload check ${Date.now()}`;
    await page.getByLabel("Your comment").fill(`${stamp}\n\n${PAYLOAD_BODY}`);
    await page.getByRole("radio", { name: "Question" }).check();
    await page.getByRole("button", { name: "Post comment" }).click();
    const comment = page.locator("article", { hasText: stamp });
    await expect(comment).toContainText("After the payloads.");
    await expect(comment).toContainText("a javascript link");

    await expect(comment.locator("script, iframe, svg, object, embed")).toHaveCount(0);
    await expect(comment.locator("[onerror], [onload], [onclick]")).toHaveCount(0);
    const hrefs = await comment.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.some((h) => /^\s*javascript:/i.test(h))).toBe(false);
    await comment.getByText("a javascript link").click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(watch.dialogs).toEqual([]);
    expect(watch.violations).toEqual([]);
  });
});

test.describe("headers and cookies", () => {
  test("pages carry a nonce-based CSP without inline scripts, and refuse framing", async ({ page }) => {
    const watch = watchForExecution(page);
    const response = await page.goto("/projects");
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Not a deployment (http on loopback): no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();

    // Every script Next.js put in the page carries the nonce, and the page works (it is interactive).
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const inline = await page
      .locator("script:not([src])")
      .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((n) => n === nonce)).toBe(true);
    await expect(page.getByRole("combobox", { name: "Sort by" })).toBeEnabled();
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("reference");
    await expect(page).toHaveURL(/sort=reference/);
    expect(watch.violations).toEqual([]);

    // A new response, a new nonce.
    const again = await page.request.get("/projects");
    expect(again.headers()["content-security-policy"]).not.toBe(csp);
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
    await page.goto("/projects");
    const cookies = await context.cookies();
    const session = cookies.find((c) => /next-auth\.session-token$/.test(c.name));
    expect(session, "a session cookie").toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
  });
});

test.describe("signed out", () => {
  test.use(SIGNED_OUT);

  test("the sign-in page has the same CSP and its form still works", async ({ page }) => {
    const watch = watchForExecution(page);
    const response = await page.goto("/sign-in");
    expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await page.locator('input[name="email"]').fill("delegate.jp@lodestone.example");
    await page.locator('form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/sign-in\/check-email/);
    expect(watch.violations).toEqual([]);
  });
});
