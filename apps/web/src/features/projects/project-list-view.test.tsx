import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { makeProject } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { ProjectListView, type ProjectListViewProps } from "./project-list-view";

function props(overrides: Partial<ProjectListViewProps> = {}): ProjectListViewProps {
  return {
    status: "success",
    items: [],
    error: null,
    onRetry: vi.fn(),
    hasNextPage: false,
    isFetchingNextPage: false,
    loadMoreError: null,
    onLoadMore: vi.fn(),
    ...overrides,
  };
}

function bodyRows(): HTMLElement[] {
  const table = screen.getByRole("table");
  const [, body] = within(table).getAllByRole("rowgroup");
  return within(body as HTMLElement).getAllByRole("row");
}

describe("ProjectListView", () => {
  it("renders one row per project with every column, in English", () => {
    const items = [
      makeProject({ reference: "LD-0001", status: "APPROVED" }),
      makeProject({ reference: "LD-0002", status: "CHANGES_REQUESTED", commodity: "NDPR", stage: "MAGNET" }),
      makeProject({ reference: "LD-0003", sponsors: [] }),
    ];
    renderWithProviders(<ProjectListView {...props({ items })} />, { locale: "en", timeZone: "Asia/Tokyo" });

    const rows = bodyRows();
    expect(rows).toHaveLength(3);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("rowheader").textContent).toBe("LD-0001");
    expect(first.getByText(/^Heavy rare-earth separation plant/)).toBeTruthy();
    // The other language's title is there too, marked as Japanese.
    expect(first.getByText(/^重希土類分離プラント/).getAttribute("lang")).toBe("ja");
    expect(first.getByText("Approved")).toBeTruthy();
    expect(first.getByText("Dysprosium (Dy)")).toBeTruthy();
    expect(first.getByText("Separation and refining")).toBeTruthy();
    expect(first.getByText("Australia")).toBeTruthy();
    expect(first.getByText("Western Australia")).toBeTruthy();
    expect(first.getByText("Proposed by Pilbara Rare Metals Pty Ltd")).toBeTruthy();
    expect(first.getByText("1,500")).toBeTruthy();
    expect(first.getByText("$1.3B")).toBeTruthy();
    // 06:30 UTC is 15:30 in Tokyo.
    const time = rows[0]!.querySelector("time");
    expect(time?.getAttribute("datetime")).toBe("2026-11-20T06:30:00.000Z");
    expect(time?.textContent).toBe("Nov 20, 2026 3:30 PM");

    expect(within(rows[1] as HTMLElement).getByText("Changes requested")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Magnet manufacturing")).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText("None yet")).toBeTruthy();
    expect(screen.getByText("All 3 projects are shown.")).toBeTruthy();
  });

  it("renders Japanese labels, titles, numbers and dates in Japanese", () => {
    const items = [makeProject({ reference: "LD-0009", translation: { en: "ORIGINAL", ja: "MACHINE" } })];
    renderWithProviders(<ProjectListView {...props({ items })} />, { locale: "ja", timeZone: "Asia/Tokyo" });
    const row = within(bodyRows()[0] as HTMLElement);
    expect(row.getByText(/^重希土類分離プラント/).getAttribute("lang")).toBe("ja");
    expect(row.getByText(/^Heavy rare-earth/).getAttribute("lang")).toBe("en");
    expect(row.getByText("審査中")).toBeTruthy();
    expect(row.getByText("ジスプロシウム（Dy）")).toBeTruthy();
    expect(row.getByText("分離・精製")).toBeTruthy();
    expect(row.getByText("オーストラリア")).toBeTruthy();
    expect(row.getByText("機械翻訳（正文：英語）")).toBeTruthy();
    expect(row.getByText("$12.5億")).toBeTruthy();
    expect(bodyRows()[0]!.querySelector("time")?.textContent).toBe("2026/11/20 15:30");
    expect(screen.getByRole("columnheader", { name: "生産能力（t/年）" })).toBeTruthy();
  });

  it("falls back to the other language when a title is not translated, and says so", () => {
    const items = [
      makeProject({
        title: { en: "", ja: "黒鉛負極材工場" },
        translation: { en: "MISSING", ja: "ORIGINAL" },
      }),
    ];
    renderWithProviders(<ProjectListView {...props({ items })} />, { locale: "en" });
    const row = within(bodyRows()[0] as HTMLElement);
    expect(row.getByText("黒鉛負極材工場").getAttribute("lang")).toBe("ja");
    expect(row.getByText("Not yet available in English; shown in Japanese.")).toBeTruthy();
  });

  it("shows an empty state when there are no projects", () => {
    renderWithProviders(<ProjectListView {...props({ items: [] })} />);
    expect(screen.getByRole("heading", { name: "No projects yet" })).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button", { name: "Load more projects" })).toBeNull();
  });

  it('says "No projects match" when a filter finds nothing', () => {
    renderWithProviders(<ProjectListView {...props({ items: [], filtered: true })} />, { locale: "ja" });
    expect(screen.getByRole("heading", { name: "該当するプロジェクトはありません" })).toBeTruthy();
  });

  it("shows a busy loading state with an accessible label", () => {
    renderWithProviders(<ProjectListView {...props({ status: "pending" })} />);
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-busy")).toBe("true");
    expect(status.textContent).toContain("Loading projects…");
  });

  it("shows the server's message and retries on request", () => {
    const onRetry = vi.fn();
    renderWithProviders(
      <ProjectListView
        {...props({
          status: "error",
          error: { message: "Database is restarting.", code: "INTERNAL_SERVER_ERROR" },
          onRetry,
        })}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(within(alert).getByRole("heading", { name: "Projects could not be loaded" })).toBeTruthy();
    expect(within(alert).getByText("Details: Database is restarting.")).toBeTruthy();
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("explains an unreachable service in the reader's language", () => {
    renderWithProviders(
      <ProjectListView
        {...props({
          status: "error",
          error: { message: "The Lodestone API is not reachable.", code: "SERVICE_UNAVAILABLE" },
        })}
      />,
      { locale: "ja" },
    );
    const alert = screen.getByRole("alert");
    expect(within(alert).getByText(/現在 Lodestone のサービスに接続できません/)).toBeTruthy();
    expect(within(alert).getByRole("button", { name: "再試行" })).toBeTruthy();
  });

  it("loads more while there is a next page", () => {
    const onLoadMore = vi.fn();
    const items = [makeProject(), makeProject()];
    const { rerender } = renderWithProviders(
      <ProjectListView {...props({ items, hasNextPage: true, onLoadMore })} />,
    );
    expect(screen.getByText("2 projects shown")).toBeTruthy();
    const button = screen.getByRole("button", { name: "Load more projects" });
    fireEvent.click(button);
    expect(onLoadMore).toHaveBeenCalledTimes(1);

    // While the next page loads the button stays focusable but ignores further presses.
    rerender(
      <ProjectListView {...props({ items, hasNextPage: true, isFetchingNextPage: true, onLoadMore })} />,
    );
    const busy = screen.getByRole("button", { name: "Loading more projects…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(busy);
    expect(onLoadMore).toHaveBeenCalledTimes(1);

    rerender(
      <ProjectListView {...props({ items: [...items, makeProject()], hasNextPage: false, onLoadMore })} />,
    );
    expect(screen.queryByRole("button", { name: /Load/ })).toBeNull();
    expect(screen.getByText("All 3 projects are shown.")).toBeTruthy();
  });

  it("keeps the loaded rows and says so when loading more fails", () => {
    const items = [makeProject()];
    renderWithProviders(
      <ProjectListView
        {...props({ items, hasNextPage: true, loadMoreError: { message: "Timed out.", code: null } })}
      />,
    );
    expect(bodyRows()).toHaveLength(1);
    expect(within(screen.getByRole("alert")).getByText("More projects could not be loaded.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Load more projects" })).toBeTruthy();
  });
});
