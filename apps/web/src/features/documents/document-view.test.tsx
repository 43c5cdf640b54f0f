import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { DocumentView } from "./document-view";
import { FOLDERS, makeDetail, makeDocument, makeVersion } from "./testing";
import type { AccessEntry, DocumentDetail } from "./types";

vi.mock("next/navigation", () => ({
  usePathname: () => "/projects/x/documents/y",
  useSearchParams: () => new URLSearchParams(),
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
}));

const V2 = makeVersion({
  number: 2,
  fileName: "permit-v2.pdf",
  changeNote: "Signed by the ministry",
  sha256: "a".repeat(64),
  size: 4096,
});
const GOV = makeDocument({
  titleEn: "Environmental permit",
  titleJa: "環境許可",
  descriptionEn: "The state permit with its conditions.",
  classification: "GOVERNMENTS",
  current: V2,
});

const ACCESS: AccessEntry[] = [
  {
    id: "e1",
    action: "document.downloaded",
    at: "2026-11-21T03:00:00.000Z",
    userName: "Margaret Ellison",
    role: "DELEGATE",
    delegation: "US",
    organisation: null,
    versionNumber: 2,
  },
  {
    id: "e2",
    action: "document.viewed",
    at: "2026-11-21T02:59:00.000Z",
    userName: "Margaret Ellison",
    role: "DELEGATE",
    delegation: "US",
    organisation: null,
    versionNumber: null,
  },
];

function renderDocument(detail: DocumentDetail, locale: "en" | "ja" = "en") {
  const calls: { path: string; input: unknown }[] = [];
  const link = answeringLink((op) => {
    calls.push({ path: op.path, input: op.input });
    if (op.path === "documents.get") return detail;
    if (op.path === "documents.folders") return FOLDERS;
    if (op.path === "documents.accessList") return { items: ACCESS, nextCursor: null };
    if (op.path === "documents.classify") return { ok: true };
    if (op.path === "documents.list" || op.path === "documents.changes") return {};
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<DocumentView initial={detail} initialFolders={FOLDERS} />, link, {
    locale,
    timeZone: "Asia/Tokyo",
  });
  return { calls, user: userEvent.setup() };
}

describe("DocumentView", () => {
  it("starts with the classification banner, then the document, its versions with hashes and downloads, and the access list", async () => {
    const detail = makeDetail(GOV, [
      {},
      { ...makeVersion({ number: 1, fileName: "permit-v1.pdf" }), downloadable: true },
    ]);
    renderDocument(detail);
    expect(screen.getByRole("heading", { level: 1, name: "Environmental permit" })).toBeTruthy();
    const banner = screen.getByRole("note", { name: "Classification" });
    expect(banner.textContent).toContain("Governments only");
    expect(banner.textContent).toContain(
      "Only delegates, coordinators and Larkspur Minerals can see this document.",
    );
    expect(banner.textContent).toContain("Downloaded PDFs are stamped with your name");

    expect(screen.getByRole("link", { name: "Download version 2" }).getAttribute("href")).toBe(
      `/files/versions/${V2.id}`,
    );
    const versions = screen.getByRole("table", { name: "Versions, newest first" });
    const [newest, oldest] = within(versions).getAllByRole("row").slice(1);
    expect(within(newest!).getByRole("rowheader").textContent).toBe("Version 2");
    expect(newest!.textContent).toContain("Signed by the ministry");
    const hash = within(newest!).getByText("aaaaaaaaaaaa…");
    expect(hash.getAttribute("title")).toBe("a".repeat(64));
    expect(within(oldest!).getByRole("link", { name: "Download Version 1" }).getAttribute("href")).toMatch(
      /^\/files\/versions\//,
    );

    const access = await screen.findByRole("table", {
      name: "Who opened or downloaded this document, newest first",
    });
    const [download, view] = within(access).getAllByRole("row").slice(1);
    expect(download!.textContent).toBe("Nov 21, 2026, 12:00 PMMargaret EllisonDelegateUSDownloadedv2");
    expect(view!.textContent).toContain("Viewed");
    for (const name of ["Upload new version", "Edit details", "Change classification"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
  });

  it("shows a reader who may not manage it neither the access list nor the changes, and holds back a version still being scanned", () => {
    const pending = makeDocument({
      classification: "PROJECT",
      current: makeVersion({ scanStatus: "PENDING" }),
    });
    const { calls } = renderDocument(makeDetail(pending, [{ downloadable: false }], false));
    expect(screen.getByRole("note").textContent).toContain(
      "Everyone who can see this project can see this document.",
    );
    expect(
      screen.getByText("The newest version is being checked. It can be downloaded once the scan has passed."),
    ).toBeTruthy();
    expect(screen.queryByRole("link", { name: /^Download/ })).toBeNull();
    expect(screen.getAllByText("Not available")).toHaveLength(1);
    expect(screen.queryByRole("heading", { name: "Access list" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Change classification" })).toBeNull();
    expect(calls.some((c) => c.path === "documents.accessList")).toBe(false);
  });

  it("previews an image or a PDF of the current version in the page", () => {
    const image = makeDocument({ current: makeVersion({ mimeType: "image/png", fileName: "site.png" }) });
    renderDocument(makeDetail(image, [{ previewable: true }]));
    const img = screen.getByRole("img", { name: "Bankable feasibility study, version 1" });
    expect(img.getAttribute("src")).toBe(`/files/versions/${image.current!.id}/preview`);
  });

  it("asks before a classification that lets more people see the document, then saves it", async () => {
    const { calls, user } = renderDocument(makeDetail(GOV));
    await user.click(screen.getByRole("button", { name: "Change classification" }));
    const dialog = screen.getByRole("dialog", { name: "Change classification" });
    expect(
      (within(dialog).getByRole("radio", { name: "Governments only" }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(within(dialog).getByRole("radio", { name: "Project" }));
    await user.click(within(dialog).getByRole("button", { name: "Save classification" }));
    expect(calls.some((c) => c.path === "documents.classify")).toBe(false);
    expect(within(dialog).getByText("More people will be able to see this document.")).toBeTruthy();
    expect(within(dialog).getByText("It changes from “Governments only” to “Project”.")).toBeTruthy();
    // Focus moves to the warning once it has rendered (an effect, after the click's render).
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe("More people will be able to see this document."),
    );
    await user.click(within(dialog).getByRole("button", { name: "Yes, change it" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "documents.classify")?.input).toEqual({
        documentId: GOV.id,
        classification: "PROJECT",
        delegations: [],
      }),
    );
    expect(await screen.findByText("The classification is now “Project”.")).toBeTruthy();
  });

  it("saves a narrower classification at once, with the delegations named", async () => {
    const { calls, user } = renderDocument(makeDetail(GOV));
    await user.click(screen.getByRole("button", { name: "Change classification" }));
    const dialog = screen.getByRole("dialog", { name: "Change classification" });
    await user.click(within(dialog).getByRole("radio", { name: "Named delegations" }));
    await user.click(within(dialog).getByRole("button", { name: "Save classification" }));
    expect(within(dialog).getByText("Choose at least one delegation.")).toBeTruthy();
    await user.click(within(dialog).getByRole("checkbox", { name: /United States/ }));
    await user.click(within(dialog).getByRole("button", { name: "Save classification" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "documents.classify")?.input).toEqual({
        documentId: GOV.id,
        classification: "NAMED_DELEGATIONS",
        delegations: ["US"],
      }),
    );
  });

  it("speaks Japanese: the Japanese title, the banner, the table", async () => {
    renderDocument(makeDetail(GOV), "ja");
    expect(screen.getByRole("heading", { level: 1, name: "環境許可" }).getAttribute("lang")).toBe("ja");
    const banner = screen.getByRole("note", { name: "区分" });
    expect(banner.textContent).toContain("政府関係者のみ");
    expect(banner.textContent).toContain(
      "この文書を閲覧できるのは、代表団員、コーディネーター、ラークスパー・ミネラルズのみです。",
    );
    expect(screen.getByRole("link", { name: "第2版をダウンロード" })).toBeTruthy();
    expect(
      await screen.findByRole("table", { name: "この文書を閲覧・ダウンロードした人（新しい順）" }),
    ).toBeTruthy();
  });
});
