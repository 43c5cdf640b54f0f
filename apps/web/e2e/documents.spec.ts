import { readFile } from "node:fs/promises";
import { inflateSync } from "node:zlib";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, SIGNED_OUT, expectNoSeriousA11yViolations, projectRows, signIn } from "./helpers";

// The data room: a partner of the proposing organisation uploads a PDF for governments only (a
// resumable upload through the web, its progress to the end); a delegate sees it under its banner
// and downloads it (stamped, still a PDF); a partner of another organisation finds no trace of it
// (list, search, its address); the uploader's access list shows the delegate's download. In
// English and in Japanese, each on an approved demo project with no documents of its own that no
// other suite uses (a document there would change what the delivery suite's report form offers).

/** Every content stream of a PDF, inflated where compressed. */
function pdfStreams(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  let out = "";
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const data = Buffer.from(raw.slice(start, raw.indexOf("endstream", start)), "latin1");
    try {
      out += inflateSync(data).toString("latin1");
    } catch {
      out += data.toString("latin1");
    }
  }
  return out;
}
const hex = (text: string) => Buffer.from(text, "latin1").toString("hex").toUpperCase();

const WORDS = {
  en: {
    locale: "en-US",
    uploader: "partner@larkspur.example",
    delegate: ACCOUNTS.delegateUs,
    delegateName: "Margaret Ellison",
    outsider: ACCOUNTS.partner,
    reference: "LD-0011",
    titleEn: "Graphite offtake pricing model",
    titleJa: "",
    shownTitle: "Graphite offtake pricing model",
    fileName: "offtake-pricing-model.pdf",
    dataRoom: "Data room",
    heading: "Data room",
    upload: "Upload document",
    dialog: "Upload document",
    titleEnLabel: "Title in English",
    titleJaLabel: "Title in Japanese",
    governments: "Governments only",
    file: "File",
    submit: "Upload",
    done: "Upload complete.",
    doneBar: "Upload complete",
    close: "Done",
    table: "Documents: All documents",
    banner: "Only delegates, coordinators and Larkspur Separation Technologies Inc. can see this document.",
    bannerName: "Classification",
    download: "Download version 1",
    search: "Search documents",
    noneVisible: "The data room has no documents you can see.",
    noMatch: (q: string) => `No documents match “${q}”.`,
    notFound: "Page not found",
    accessTable: "Who opened or downloaded this document, newest first",
    downloaded: "Downloaded",
  },
  ja: {
    locale: "ja-JP",
    uploader: "research@picm.example",
    delegate: ACCOUNTS.delegateJp,
    delegateName: "佐藤 恵美",
    outsider: "partner@shiranami.example",
    reference: "LD-0012",
    titleEn: "Magnet line offtake model",
    titleJa: "磁石ライン引取モデル",
    shownTitle: "磁石ライン引取モデル",
    fileName: "magnet-offtake-model.pdf",
    dataRoom: "データルーム",
    heading: "データルーム",
    upload: "文書をアップロード",
    dialog: "文書をアップロード",
    titleEnLabel: "英語のタイトル",
    titleJaLabel: "日本語のタイトル",
    governments: "政府関係者のみ",
    file: "ファイル",
    submit: "アップロード",
    done: "アップロードが完了しました。",
    doneBar: "アップロード完了",
    close: "完了",
    table: "文書一覧：すべての文書",
    banner: "この文書を閲覧できるのは、代表団員、コーディネーター、環太平洋重要素材研究所のみです。",
    bannerName: "区分",
    download: "第1版をダウンロード",
    search: "文書を検索",
    noneVisible: "データルームには、閲覧できる文書がありません。",
    noMatch: (q: string) => `「${q}」に一致する文書はありません。`,
    notFound: "ページが見つかりません",
    accessTable: "この文書を閲覧・ダウンロードした人（新しい順）",
    downloaded: "ダウンロード",
  },
} as const;

/** A small valid PDF (one page, one line of text) with a correct cross-reference table. */
function minimalPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 24 72 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 160] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/** A browser of its own for `email`, signed in the way a person does (once for the whole test). */
async function personIn(
  browser: Browser,
  email: string,
  locale: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...SIGNED_OUT,
    baseURL: test.info().project.use.baseURL,
    locale,
    timezoneId: "Asia/Tokyo",
    acceptDownloads: true,
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

test.describe("data room", () => {
  test.describe.configure({ timeout: 180_000 });

  for (const lang of ["en", "ja"] as const) {
    const w = WORDS[lang];

    test(`(${lang}) a governments-only PDF: uploaded by the proposer, downloaded by a delegate, invisible to another partner, in the access list`, async ({
      browser,
    }) => {
      // The uploading partner opens the data room from the project's sections.
      const uploader = await personIn(browser, w.uploader, w.locale);
      const path = await projectPath(uploader.page, w.reference);
      let page = uploader.page;
      await page.getByRole("link", { name: w.dataRoom, exact: true }).click();
      await expect(page).toHaveURL(`${path}/documents`);
      await expect(page.getByRole("heading", { level: 1, name: w.heading })).toBeVisible();
      await expect(page.getByText(w.noneVisible)).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      // Upload: the form, then its progress to the end.
      await page.getByRole("button", { name: w.upload }).click();
      const dialog = page.getByRole("dialog", { name: w.dialog });
      await dialog.getByLabel(w.titleEnLabel).fill(w.titleEn);
      if (w.titleJa) await dialog.getByLabel(w.titleJaLabel).fill(w.titleJa);
      await dialog.getByRole("radio", { name: w.governments }).check();
      await dialog.getByLabel(w.file).setInputFiles({
        name: w.fileName,
        mimeType: "application/pdf",
        buffer: minimalPdf(`Lodestone e2e ${lang}`),
      });
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole("button", { name: w.submit, exact: true }).click();
      await expect(dialog.getByText(w.done)).toBeVisible();
      await expect(dialog.getByRole("progressbar", { name: w.doneBar })).toHaveAttribute(
        "aria-valuenow",
        "100",
      );
      await dialog.getByRole("button", { name: w.close, exact: true }).click();
      const table = page.getByRole("table", { name: w.table });
      const row = table.getByRole("row").filter({ hasText: w.shownTitle });
      await expect(row).toHaveCount(1);
      await expect(row.getByText(w.governments)).toBeVisible();

      // A delegate sees it under its banner and downloads it: a PDF, stamped.
      const delegate = await personIn(browser, w.delegate, w.locale);
      page = delegate.page;
      await page.goto(`${path}/documents`);
      const seen = page
        .getByRole("table", { name: w.table })
        .getByRole("row")
        .filter({ hasText: w.shownTitle });
      await expect(seen.getByText(w.governments)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await seen.getByRole("link", { name: w.shownTitle }).click();
      await expect(page.getByRole("heading", { level: 1, name: w.shownTitle })).toBeVisible();
      const documentPath = new URL(page.url()).pathname;
      expect(documentPath).toMatch(new RegExp(`^${path}/documents/[0-9a-f-]{36}$`));
      const banner = page.getByRole("note", { name: w.bannerName });
      await expect(banner).toContainText(w.governments);
      await expect(banner).toContainText(w.banner);
      await expectNoSeriousA11yViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: w.download }).first().click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const saved = await download.path();
      const bytes = await readFile(saved);
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
      // Stamped for this reader: the footer (drawn as hex text in a compressed page stream) names them.
      const drawn = pdfStreams(bytes);
      expect(drawn).toContain(hex("GOVERNMENTS ONLY - downloaded by "));
      expect(drawn).toContain(hex(w.delegate));

      // A partner of another organisation: not in the list, not in search, not at its address.
      const outsider = await personIn(browser, w.outsider, w.locale);
      page = outsider.page;
      await page.goto(`${path}/documents`);
      await expect(page.getByText(w.noneVisible)).toBeVisible();
      await expect(page.getByRole("link", { name: w.shownTitle })).toHaveCount(0);
      await page.getByRole("searchbox", { name: w.search }).fill(w.shownTitle);
      await expect(page.getByText(w.noMatch(w.shownTitle))).toBeVisible();
      await expect(page.getByRole("link", { name: w.shownTitle })).toHaveCount(0);
      const response = await page.goto(documentPath);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: w.notFound })).toBeVisible();
      await expect(page.getByText(w.shownTitle)).toHaveCount(0);

      // The uploader's access list names the delegate's download.
      page = uploader.page;
      await page.goto(documentPath);
      const access = page.getByRole("table", { name: w.accessTable });
      const downloadRow = access
        .getByRole("row")
        .filter({ hasText: w.delegateName })
        .filter({ hasText: w.downloaded });
      await expect(downloadRow.first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await Promise.all([uploader.context.close(), delegate.context.close(), outsider.context.close()]);
    });
  }
});
