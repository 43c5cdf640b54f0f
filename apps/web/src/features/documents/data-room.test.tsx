import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { DataRoom } from "./data-room";
import { FOLDER_FINANCE, FOLDERS, PROJECT_ID, makeDocument, makeVersion } from "./testing";
import type { DataRoomFolders, DocumentRow } from "./types";

let search = new URLSearchParams();
vi.mock("next/navigation", () => ({
  usePathname: () => `/projects/${PROJECT_ID}/documents`,
  useSearchParams: () => search,
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
}));

beforeEach(() => {
  search = new URLSearchParams();
});

const STUDY = makeDocument({ titleEn: "Bankable feasibility study", titleJa: "銀行融資向け事業化調査" });
const PRICING = makeDocument({
  titleEn: "Offtake pricing annex",
  titleJa: "",
  classification: "NAMED_DELEGATIONS",
  delegations: ["JP", "US"],
  folderId: FOLDER_FINANCE,
  current: makeVersion({
    number: 3,
    fileName: "pricing.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    size: 20_480,
    scanStatus: "PENDING",
  }),
});
const GOV = makeDocument({
  titleEn: "Environmental permit",
  titleJa: "環境許可",
  classification: "GOVERNMENTS",
});

function renderRoom({
  folders = FOLDERS,
  pages = [{ items: [STUDY, PRICING, GOV] as DocumentRow[], nextCursor: null as string | null }],
  locale = "en" as "en" | "ja",
} = {}) {
  const calls: Record<string, unknown>[] = [];
  const link = answeringLink((op) => {
    if (op.path === "documents.folders") return folders;
    if (op.path === "documents.list") {
      const input = op.input as Record<string, unknown>;
      calls.push(input);
      if (input.q) {
        const q = String(input.q).toLowerCase();
        return {
          items: pages.flatMap((p) => p.items).filter((d) => d.titleEn.toLowerCase().includes(q)),
          nextCursor: null,
        };
      }
      return input.cursor ? pages[1]! : pages[0]!;
    }
    if (op.path === "documents.export") return { fileName: "documents-LD-0011.csv", csv: "\uFEFFTitle\n" };
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<DataRoom projectId={PROJECT_ID} initialFolders={folders as DataRoomFolders} />, link, {
    locale,
    timeZone: "Asia/Tokyo",
  });
  return { calls, user: userEvent.setup() };
}

describe("DataRoom", () => {
  it("lists the folders with their counts as navigation, and each document with its classification, version, size, type, uploader and scan", async () => {
    renderRoom();
    const nav = screen.getByRole("navigation", { name: "Folders" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual([
      "All documents3(3 documents)",
      "01 Technical2(2 documents)",
      "04 Finance1(1 document)",
    ]);
    expect(links[0]!.getAttribute("aria-current")).toBe("page");
    expect(links[2]!.getAttribute("href")).toBe(`/projects/${PROJECT_ID}/documents?folder=${FOLDER_FINANCE}`);

    const table = await screen.findByRole("table", { name: "Documents: All documents" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const pricing = rows[1]!;
    expect(within(pricing).getByRole("rowheader").textContent).toBe("Offtake pricing annexpricing.xlsx");
    expect(within(pricing).getByRole("link", { name: "Offtake pricing annex" }).getAttribute("href")).toBe(
      `/projects/${PROJECT_ID}/documents/${PRICING.id}`,
    );
    const cells = within(pricing)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual([
      "Named delegationsJP, US",
      "v3",
      "20 kB",
      "XLSX",
      "Rachel Morgan" + "Nov 20, 2026, 10:30 AM",
      "Scanning for malware",
    ]);
    // Every level names itself in words, not by colour alone.
    expect(within(rows[2]!).getByText("Governments only")).toBeTruthy();
    expect(within(rows[0]!).getByText("Project")).toBeTruthy();
    expect(screen.getByText("All 3 documents are shown.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Upload document" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New folder" })).toBeNull();
  });

  it("searches as the reader types (once typing pauses), and says when nothing matches", async () => {
    const { calls, user } = renderRoom();
    await screen.findByRole("table");
    await user.type(screen.getByRole("searchbox", { name: "Search documents" }), "permit");
    const table = await screen.findByRole("table", { name: "Documents: All documents, matching “permit”" });
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2));
    expect(calls.filter((c) => c.q !== undefined).map((c) => c.q)).toEqual(["permit"]);
    expect(window.location.search).toBe("?q=permit");

    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "nothing");
    expect(await screen.findByText("No documents match “nothing”.")).toBeTruthy();
    window.history.replaceState(null, "", "/");
  });

  it("shows one folder when the address names it, and loads further pages", async () => {
    search = new URLSearchParams({ folder: FOLDER_FINANCE });
    const more = makeDocument({ titleEn: "Second page document", folderId: FOLDER_FINANCE });
    const { calls, user } = renderRoom({
      pages: [
        { items: [PRICING], nextCursor: PRICING.id },
        { items: [more], nextCursor: null },
      ],
    });
    expect(screen.getByRole("heading", { name: "04 Finance" })).toBeTruthy();
    expect(
      within(screen.getByRole("navigation", { name: "Folders" })).getByRole("link", { current: "page" })
        .textContent,
    ).toContain("04 Finance");
    await screen.findByRole("table", { name: "Documents: 04 Finance" });
    expect(calls[0]).toMatchObject({ projectId: PROJECT_ID, folderId: FOLDER_FINANCE, limit: 25 });
    expect(screen.getByText("1 document shown; more are available.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Load more documents" }));
    await waitFor(() => expect(screen.getAllByRole("row")).toHaveLength(3));
    expect(calls[1]).toMatchObject({ cursor: PRICING.id });
  });

  it("says what to do in an empty data room", async () => {
    renderRoom({
      folders: {
        ...FOLDERS,
        canUpload: false,
        folders: FOLDERS.folders.map((f) => ({ ...f, documentCount: 0 })),
      },
      pages: [{ items: [], nextCursor: null }],
    });
    expect(await screen.findByText("The data room has no documents you can see.")).toBeTruthy();
    expect(
      screen.getByText(
        "Documents appear here once the project's organisation or a coordinator uploads them.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Upload document" })).toBeNull();
  });

  it("exports the index as a CSV file", async () => {
    const created: string[] = [];
    URL.createObjectURL = vi.fn(() => "blob:index");
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      created.push(this.download);
    });
    const { user } = renderRoom();
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(created).toEqual(["documents-LD-0011.csv"]));
    expect(screen.getByText("documents-LD-0011.csv downloaded.")).toBeTruthy();
    click.mockRestore();
  });

  it("lets a coordinator add a folder; in Japanese", async () => {
    renderRoom({ folders: { ...FOLDERS, canOrganise: true }, locale: "ja" });
    expect(screen.getByRole("navigation", { name: "フォルダー" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "新しいフォルダー" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: "文書一覧：すべての文書" });
    // The Japanese title where there is one, the English where there is none.
    expect(within(table).getByRole("link", { name: "銀行融資向け事業化調査" }).getAttribute("lang")).toBe(
      "ja",
    );
    expect(within(table).getByRole("link", { name: "Offtake pricing annex" }).getAttribute("lang")).toBe(
      "en",
    );
    expect(within(table).getByText("指定代表団のみ")).toBeTruthy();
    expect(within(table).getByText("マルウェア検査中")).toBeTruthy();
  });
});
