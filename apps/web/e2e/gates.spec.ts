import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import {
  ACCOUNTS,
  SIGNED_OUT,
  expectNoSeriousA11yViolations,
  projectRows,
  screenshot,
  signIn,
} from "./helpers";

// From approval to operation: a coordinator takes a project through its first two stage gates —
// starts each, cites its evidence from the data room, ticks its checklist, submits it — and the
// gate passes once the coordinator and the designated delegates of both sponsoring delegations
// (US and JP) have signed it off. The coordinator then records a commitment on a facility: the
// capital stack and the dashboard show the committed amount. A facility under negotiation is
// confidential: the JP delegate sees it (in the ledger and in its totals), the US delegate does
// not. In English on LD-0008 and in Japanese on LD-0011 (demo projects no other suite uses),
// each person in the language of their own profile.

type Lang = "en" | "ja";

/** What each person reads, in the language of their profile. */
const UI = {
  en: {
    gates: "Gates",
    article: (n: number, kind: string) => `Gate ${n}: ${kind}`,
    start: "Start gate",
    started: (kind: string) => `${kind} started.`,
    citeTitle: (evidence: string) => `Cite the ${evidence}`,
    cite: "Cite",
    cited: "The document is cited.",
    submit: "Submit for sign-off",
    submitted: (kind: string) => `${kind} submitted for sign-off.`,
    signOff: "Sign off",
    signOffTitle: (kind: string) => `Sign off ${kind}?`,
    signedOff: (kind: string) => `You signed ${kind} off.`,
    pass: "Pass gate",
    passTitle: (kind: string) => `Pass ${kind}?`,
    passed: (kind: string) => `${kind} passed.`,
    currentGate: "Current gate",
    record: (financier: string) => `Record entry of ${financier}`,
    recordTitle: (financier: string) => `Record an entry: ${financier}`,
    entry: "Entry",
    commitment: "Commitment",
    amount: "Amount",
    recordSubmit: "Record entry",
    recorded: (amount: string) => `Commitment of ${amount} recorded.`,
    stackTable: "Capital stack in US dollars",
    committedRow: "Committed",
    pledgedRow: "Pledged or approved",
    facilities: /^Funding facilities/,
    confidential: "Confidential",
    byFinancier: "By financier",
    byFinancierTable: "Funding by financier, in US dollars",
    fundingSummary: "Funding",
    gatesPanel: "Projects by stage gate",
  },
  ja: {
    gates: "ステージゲート",
    article: (n: number, kind: string) => `ゲート${n}：${kind}`,
    start: "ゲートを開始",
    started: (kind: string) => `${kind}を開始しました。`,
    citeTitle: (evidence: string) => `${evidence}を引用`,
    cite: "引用",
    cited: "文書を引用しました。",
    submit: "承認を申請",
    submitted: (kind: string) => `${kind}の承認を申請しました。`,
    signOff: "承認する",
    signOffTitle: (kind: string) => `${kind}を承認しますか？`,
    signedOff: (kind: string) => `${kind}を承認しました。`,
    pass: "ゲートを通過",
    passTitle: (kind: string) => `${kind}を通過させますか？`,
    passed: (kind: string) => `${kind}を通過しました。`,
    currentGate: "現在のゲート",
    record: (financier: string) => `記帳する （${financier}）`,
    recordTitle: (financier: string) => `記帳：${financier}`,
    entry: "記帳種別",
    commitment: "確約",
    amount: "金額",
    recordSubmit: "記帳する",
    recorded: (amount: string) => `確約（${amount}）を記帳しました。`,
    stackTable: "資本構成（米ドル）",
    committedRow: "確約済み",
    pledgedRow: "拠出表明・承認済み",
    facilities: /^資金ファシリティ/,
    confidential: "非公開",
    byFinancier: "資金提供者別",
    byFinancierTable: "資金提供者別の資金（米ドル）",
    fundingSummary: "資金調達",
    gatesPanel: "ステージゲート別のプロジェクト",
  },
} as const;

const GATE_NAMES = {
  en: {
    SCOPING: "Scoping",
    PRE_FEASIBILITY: "Pre-feasibility",
    BANKABLE_FEASIBILITY: "Bankable feasibility",
    OFFTAKE: "Offtake",
  },
  ja: {
    SCOPING: "スコーピング",
    PRE_FEASIBILITY: "予備的実行可能性調査",
    BANKABLE_FEASIBILITY: "バンカブル実行可能性調査",
    OFFTAKE: "引取契約",
  },
} as const;
type GateKind = keyof (typeof GATE_NAMES)["en"];

const EVIDENCE_NAMES = {
  en: {
    SCOPING_STUDY: "Scoping study",
    RESOURCE_STATEMENT: "Resource statement",
    PRE_FEASIBILITY_STUDY: "Pre-feasibility study",
    FEASIBILITY_STUDY: "Bankable feasibility study",
  },
  ja: {
    SCOPING_STUDY: "スコーピング調査報告書",
    RESOURCE_STATEMENT: "資源量報告書",
    PRE_FEASIBILITY_STUDY: "予備的実行可能性調査報告書",
    FEASIBILITY_STUDY: "バンカブル実行可能性調査報告書",
  },
} as const;
type EvidenceKind = keyof (typeof EVIDENCE_NAMES)["en"];

/** The data-room documents the demo data holds for each kind of evidence, by their title in each language. */
const DOCUMENT_TITLES: Record<EvidenceKind, Record<Lang, string>> = {
  SCOPING_STUDY: { en: "Scoping study", ja: "概略検討書" },
  RESOURCE_STATEMENT: { en: "Resource statement", ja: "資源量報告書" },
  PRE_FEASIBILITY_STUDY: { en: "Pre-feasibility study", ja: "予備的実現可能性調査" },
  FEASIBILITY_STUDY: { en: "Feasibility study", ja: "実現可能性調査" },
};

interface Run {
  reference: string;
  coordinator: { email: string; lang: Lang };
  us: { email: string; lang: Lang };
  jp: { email: string; lang: Lang };
  /** The first two gates of the project's stage, with the evidence each requires. */
  gates: [{ kind: GateKind; evidence: EvidenceKind[] }, { kind: GateKind; evidence: EvidenceKind[] }];
  /** The gate the project is at once both have passed. */
  next: GateKind;
  /** The facility the commitment is recorded on, its names, and the commitment. */
  facility: { en: string; ja: string; delegation: "JP" | "US" };
  commitment: { typed: string; shown: string; usd: number };
  /** What is pledged or approved in USD after the commitment, as the US and the JP delegate see it. */
  pledgedUsd: { us: number; jp: number };
  /** The confidential facility's financier, and what it pledged (USD). */
  confidential: { en: string; ja: string; pledgedUsd: number };
}

const RUNS: Record<Lang, Run> = {
  en: {
    reference: "LD-0008",
    coordinator: { email: ACCOUNTS.coordinator, lang: "en" },
    us: { email: ACCOUNTS.delegateUs, lang: "en" },
    jp: { email: ACCOUNTS.delegateJp, lang: "ja" },
    gates: [
      { kind: "SCOPING", evidence: ["SCOPING_STUDY"] },
      { kind: "BANKABLE_FEASIBILITY", evidence: ["FEASIBILITY_STUDY"] },
    ],
    next: "OFFTAKE",
    facility: { en: "Japan Bank for International Cooperation", ja: "国際協力銀行", delegation: "JP" },
    // JPY 10 billion at 0.0067 USD per yen.
    commitment: { typed: "10,000,000,000", shown: "JPY 10,000,000,000", usd: 67_000_000 },
    pledgedUsd: { us: 134_000_000, jp: 174_000_000 },
    confidential: {
      en: "Japan Organization for Metals and Energy Security",
      ja: "エネルギー・金属鉱物資源機構",
      pledgedUsd: 40_000_000,
    },
  },
  ja: {
    reference: "LD-0011",
    coordinator: { email: ACCOUNTS.coordinatorJp, lang: "ja" },
    us: { email: ACCOUNTS.delegate2Us, lang: "en" },
    jp: { email: "delegate2.jp@lodestone.example", lang: "ja" },
    gates: [
      { kind: "SCOPING", evidence: ["SCOPING_STUDY"] },
      { kind: "PRE_FEASIBILITY", evidence: ["RESOURCE_STATEMENT", "PRE_FEASIBILITY_STUDY"] },
    ],
    next: "BANKABLE_FEASIBILITY",
    facility: {
      en: "U.S. International Development Finance Corporation",
      ja: "米国国際開発金融公社",
      delegation: "US",
    },
    commitment: { typed: "50000000", shown: "USD 50,000,000", usd: 50_000_000 },
    // DFC's USD 70M still approved; the JP delegate also sees JBIC's confidential JPY 8bn (USD 53.6M).
    pledgedUsd: { us: 70_000_000, jp: 123_600_000 },
    confidential: {
      en: "Japan Bank for International Cooperation",
      ja: "国際協力銀行",
      pledgedUsd: 53_600_000,
    },
  },
};

/** The digits of a formatted amount ("USD 67,000,000" → 67000000). */
function amountOf(text: string | null): number {
  const digits = (text ?? "").replace(/[^\d]/g, "");
  expect(digits, `an amount in "${text}"`).not.toBe("");
  return Number(digits);
}

const usd = (amount: number) => `USD\u00a0${amount.toLocaleString("en-US")}`;

/** A browser of its own for `email`, signed in the way a person does (once for the whole test). */
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

function gateArticle(page: Page, lang: Lang, position: number, kind: GateKind): Locator {
  return page.getByRole("article", { name: UI[lang].article(position, GATE_NAMES[lang][kind]) });
}

/** The coordinator starts a gate, cites its evidence, ticks its checklist, submits it and signs it off. */
async function prepareGate(
  page: Page,
  lang: Lang,
  position: number,
  gate: Run["gates"][number],
  a11y: boolean,
) {
  const w = UI[lang];
  const kind = GATE_NAMES[lang][gate.kind];
  const article = gateArticle(page, lang, position, gate.kind);
  await article.getByRole("button", { name: w.start, exact: true }).click();
  await expect(page.getByText(w.started(kind), { exact: true })).toBeVisible();
  if (a11y) await expectNoSeriousA11yViolations(page);

  for (const evidence of gate.evidence) {
    await article.locator(`[data-evidence="${evidence}"]`).getByRole("button").click();
    const dialog = page.getByRole("dialog", { name: w.citeTitle(EVIDENCE_NAMES[lang][evidence]) });
    const select = dialog.getByRole("combobox");
    const option = select.locator("option", { hasText: DOCUMENT_TITLES[evidence][lang] }).first();
    await expect(option).toBeAttached();
    await select.selectOption((await option.getAttribute("value"))!);
    if (a11y && evidence === gate.evidence[0]) await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: w.cite, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(w.cited, { exact: true })).toBeVisible();
    await expect(article.locator(`[data-evidence="${evidence}"]`).getByRole("link")).toBeVisible();
  }

  const boxes = article.getByRole("checkbox");
  for (let i = 0; i < (await boxes.count()); i += 1) {
    await boxes.nth(i).check();
    await expect(boxes.nth(i)).toBeChecked();
    await expect(article.locator("fieldset[aria-busy]")).toHaveCount(0);
  }
  // Nothing stands between the gate and its submission any more.
  await expect(article.locator('[data-problems="none"]')).toBeVisible();

  await article.getByRole("button", { name: w.submit, exact: true }).click();
  await expect(page.getByText(w.submitted(kind), { exact: true })).toBeVisible();
  await signOff(page, lang, position, gate.kind);
}

/** Signs a submitted gate off for the reader's party (after the confirmation). */
async function signOff(page: Page, lang: Lang, position: number, gateKind: GateKind) {
  const w = UI[lang];
  const kind = GATE_NAMES[lang][gateKind];
  await gateArticle(page, lang, position, gateKind)
    .getByRole("button", { name: w.signOff, exact: true })
    .click();
  const dialog = page.getByRole("alertdialog", { name: w.signOffTitle(kind) });
  await dialog.getByRole("button", { name: w.signOff, exact: true }).click();
  await expect(page.getByText(w.signedOff(kind), { exact: true })).toBeVisible();
}

/** The coordinator passes a gate every party has signed off (after the confirmation). */
async function passGate(page: Page, lang: Lang, position: number, gateKind: GateKind) {
  const w = UI[lang];
  const kind = GATE_NAMES[lang][gateKind];
  const article = gateArticle(page, lang, position, gateKind);
  await expect(article.locator('[data-party][data-signed="true"]')).toHaveCount(3);
  await article.getByRole("button", { name: w.pass, exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: w.passTitle(kind) });
  await dialog.getByRole("button", { name: w.pass, exact: true }).click();
  await expect(page.getByText(w.passed(kind), { exact: true })).toBeVisible();
  await expect(article.locator('[data-gate-state="PASSED"]')).toBeVisible();
}

/** What the dashboard's funding panel shows committed for a delegation's financiers (USD). */
async function dashboardCommitted(page: Page, delegation: string): Promise<number> {
  await page.goto("/dashboard");
  const cell = page
    .locator('[data-panel="funding"]')
    .locator(`tr[data-key="${delegation}"] [data-bucket="COMMITTED"]`);
  await expect(cell).toBeVisible();
  return amountOf(await cell.textContent());
}

/** What /funding shows pledged for a financier (USD), in the totals by financier. */
async function pledgedByFinancier(page: Page, lang: Lang, name: string): Promise<number> {
  await page.goto("/funding");
  await page.getByRole("button", { name: UI[lang].byFinancier, exact: true }).click();
  const table = page.getByRole("table", { name: UI[lang].byFinancierTable });
  await expect(table).toBeVisible();
  const row = table
    .locator("tr[data-key]")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  // None of its facilities visible: nothing pledged that the reader may see.
  if ((await row.count()) === 0) return 0;
  return amountOf(await row.locator('[data-bucket="PLEDGED"]').textContent());
}

test.describe("stage gates and the funding ledger", () => {
  test.describe.configure({ timeout: 420_000 });

  for (const lang of ["en", "ja"] as const) {
    const run = RUNS[lang];

    test(`(${lang}) two gates pass with sign-offs from the coordinator and both sponsoring delegations; a commitment shows in the capital stack and on the dashboard; a confidential facility only to its delegation`, async ({
      browser,
    }) => {
      const [coordinator, us, jp] = await Promise.all([
        personIn(browser, run.coordinator.email, run.coordinator.lang),
        personIn(browser, run.us.email, run.us.lang),
        personIn(browser, run.jp.email, run.jp.lang),
      ]);
      const cl = run.coordinator.lang;
      const page = coordinator.page;

      // The coordinator opens the project's gates from its sections.
      const path = await projectPath(page, run.reference);
      await page.getByRole("link", { name: UI[cl].gates, exact: true }).click();
      await expect(page).toHaveURL(`${path}/gates`);
      await expect(page.getByRole("heading", { level: 1, name: UI[cl].gates })).toBeVisible();
      await expect(
        gateArticle(page, cl, 1, run.gates[0].kind).locator('[data-gate-state="NOT_STARTED"]'),
      ).toBeVisible();

      for (const [i, gate] of run.gates.entries()) {
        const position = i + 1;
        await prepareGate(page, cl, position, gate, i === 0);
        // Both designated delegates sign it off, each in their own language.
        for (const person of [
          { page: us.page, lang: run.us.lang },
          { page: jp.page, lang: run.jp.lang },
        ]) {
          await person.page.goto(`${path}/gates`);
          await signOff(person.page, person.lang, position, gate.kind);
          if (i === 0 && person.page === jp.page) await expectNoSeriousA11yViolations(person.page);
        }
        await page.reload();
        await passGate(page, cl, position, gate.kind);
      }
      await expect(
        gateArticle(page, cl, 3, run.next).getByText(UI[cl].currentGate, { exact: true }),
      ).toBeVisible();
      await screenshot(page, `lodestone-gates-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // The project's overview names the gate it is at now.
      await page.goto(path);
      await expect(page.locator(`[data-current-gate="${run.next}"]`)).toContainText(GATE_NAMES[cl][run.next]);

      // A commitment on the facility: the capital stack and the dashboard show it.
      const before = await dashboardCommitted(page, run.facility.delegation);
      await page.goto(`${path}/funding`);
      const financier = run.facility[cl];
      await page.getByRole("button", { name: UI[cl].record(financier) }).click();
      const dialog = page.getByRole("dialog", { name: UI[cl].recordTitle(financier) });
      await dialog.getByRole("combobox", { name: UI[cl].entry }).selectOption({ label: UI[cl].commitment });
      await dialog.getByRole("textbox", { name: UI[cl].amount, exact: true }).fill(run.commitment.typed);
      await dialog.getByRole("button", { name: UI[cl].recordSubmit, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(
        page.getByText(UI[cl].recorded(run.commitment.shown.replace(" ", "\u00a0"))),
      ).toBeVisible();
      const stack = page.getByRole("table", { name: UI[cl].stackTable });
      await expect(stack.getByRole("row", { name: UI[cl].committedRow })).toContainText(
        usd(run.commitment.usd),
      );
      await expect(page.getByTestId("capital-stack")).toHaveAttribute(
        "aria-label",
        new RegExp(usd(run.commitment.usd)),
      );
      // Its entries, opened under it: the pledge, the approval and the commitment.
      const facilityRow = page.getByRole("table", { name: UI[cl].facilities }).getByRole("row", {
        name: new RegExp(run.facility[cl]),
      });
      const toggle = facilityRow.getByRole("button").first();
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      await expect(page.locator('tr[data-entry="COMMITMENT"]')).toHaveCount(1);
      await screenshot(page, `lodestone-funding-${lang}`);
      await expectNoSeriousA11yViolations(page);

      expect(await dashboardCommitted(page, run.facility.delegation)).toBe(before + run.commitment.usd);
      const panel = page.locator('[data-panel="gates"]');
      await expect(panel.locator(`tr[data-reference="${run.reference}"]`)).toContainText(
        GATE_NAMES[cl][run.next],
      );
      await expect(page.getByRole("heading", { name: UI[cl].gatesPanel })).toBeVisible();
      await screenshot(page, `lodestone-dashboard-gates-${lang}`);
      await expectNoSeriousA11yViolations(page);

      // The US delegate: the facility and its commitment, not the confidential facility, neither
      // in the ledger nor in what the project's stack counts.
      const usPage = us.page;
      const ul = run.us.lang;
      await usPage.goto(`${path}/funding`);
      const usFacilities = usPage.getByRole("table", { name: UI[ul].facilities });
      await expect(usFacilities.getByRole("row", { name: new RegExp(run.facility[ul]) })).toBeVisible();
      await expect(usFacilities.getByText(run.confidential[ul])).toHaveCount(0);
      const usStack = usPage.getByRole("table", { name: UI[ul].stackTable });
      await expect(usStack.getByRole("row", { name: UI[ul].committedRow })).toContainText(
        usd(run.commitment.usd),
      );
      await expect(usStack.getByRole("row", { name: UI[ul].pledgedRow })).toContainText(
        usd(run.pledgedUsd.us),
      );

      // The JP delegate sees it, marked confidential, and counted.
      const jpPage = jp.page;
      const jl = run.jp.lang;
      await jpPage.goto(`${path}/funding`);
      const jpFacilities = jpPage.getByRole("table", { name: UI[jl].facilities });
      const secret = jpFacilities.getByRole("row", { name: new RegExp(run.confidential[jl]) });
      await expect(secret).toBeVisible();
      await expect(secret.getByText(UI[jl].confidential, { exact: true })).toBeVisible();
      const jpStack = jpPage.getByRole("table", { name: UI[jl].stackTable });
      await expect(jpStack.getByRole("row", { name: UI[jl].pledgedRow })).toContainText(
        usd(run.pledgedUsd.jp),
      );
      await expectNoSeriousA11yViolations(jpPage);

      // Across projects (/funding), the confidential pledge is in the JP delegate's totals only.
      const jpTotal = await pledgedByFinancier(jpPage, jl, run.confidential[jl]);
      const usTotal = await pledgedByFinancier(usPage, ul, run.confidential[ul]);
      expect(jpTotal - usTotal).toBe(run.confidential.pledgedUsd);
      await screenshot(usPage, `lodestone-funding-overview-${lang}`);
      await expectNoSeriousA11yViolations(usPage);

      await Promise.all([coordinator.context.close(), us.context.close(), jp.context.close()]);
    });
  }
});
