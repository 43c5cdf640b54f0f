import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { DataTable, type DataTableColumn } from "./data-table";

interface Tally {
  code: string;
  approve: number;
  note: string | null;
}

const ROWS: Tally[] = [
  { code: "JP", approve: 3, note: "Changed twice" },
  { code: "US", approve: 5, note: null },
];

const COLUMNS: DataTableColumn<Tally>[] = [
  { id: "approve", header: "Approve", cell: (r) => r.approve, className: "text-right" },
  {
    id: "code",
    header: "Delegation",
    cell: (r) => r.code,
    rowHeader: true,
    cellProps: () => ({ lang: "en" }),
  },
];

describe("DataTable", () => {
  it("names the table by its caption, with column headers and the chosen column as row headers", () => {
    renderWithProviders(
      <DataTable caption="Votes by delegation" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.code} />,
    );
    const table = screen.getByRole("table", { name: "Votes by delegation" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Approve", "Delegation"]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    const rowHeaders = within(table).getAllByRole("rowheader");
    expect(rowHeaders.map((h) => h.textContent)).toEqual(["JP", "US"]);
    expect(
      rowHeaders.every((h) => h.getAttribute("scope") === "row" && h.getAttribute("lang") === "en"),
    ).toBe(true);
    expect(
      within(table)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["3", "5"]);
    expect(within(table).getAllByRole("cell")[0]!.className).toBe("px-3 py-3 text-right");
  });

  it("can be named by a label instead of a caption", () => {
    renderWithProviders(<DataTable label="Tallies" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.code} />);
    const table = screen.getByRole("table", { name: "Tallies" });
    expect(table.querySelector("caption")).toBeNull();
  });

  it("scrolls in a region named for the table, or in none when asked", () => {
    const { unmount } = renderWithProviders(
      <DataTable caption="Votes by delegation" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.code} />,
    );
    // jsdom measures nothing, so the box assumes its content is wider than it.
    const region = screen.getByRole("region", { name: "Votes by delegation (scrolls sideways)" });
    expect(within(region).getByRole("table")).toBeTruthy();
    unmount();

    renderWithProviders(
      <DataTable caption="Votes" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.code} region={false} />,
    );
    expect(screen.queryByRole("region")).toBeNull();
  });

  it("shows the empty state in one row across every column", () => {
    renderWithProviders(
      <DataTable caption="Votes" columns={COLUMNS} rows={[]} rowKey={(r) => r.code} empty="No votes yet" />,
    );
    const cell = screen.getByRole("cell", { name: "No votes yet" });
    expect(cell.getAttribute("colspan")).toBe("2");
    expect(screen.queryAllByRole("rowheader")).toHaveLength(0);
  });

  it("adds a row's attributes, a footer row, and a detail under a row in the row's own group", () => {
    renderWithProviders(
      <DataTable
        caption="Votes"
        columns={[
          { ...COLUMNS[1]!, footer: "Total" },
          { ...COLUMNS[0]!, footer: 8 },
        ]}
        rows={ROWS}
        rowKey={(r) => r.code}
        rowProps={(r) => ({ "data-delegation": r.code, className: "align-top" })}
        rowDetail={(r) => (r.note ? <p>{r.note}</p> : null)}
        rowGroupProps={(r) => ({ "data-group": r.code })}
      />,
    );
    const table = screen.getByRole("table", { name: "Votes" });
    const groups = table.querySelectorAll("tbody");
    expect([...groups].map((g) => g.getAttribute("data-group"))).toEqual(["JP", "US"]);
    expect(groups[0]!.querySelectorAll("tr")).toHaveLength(2);
    expect(groups[1]!.querySelectorAll("tr")).toHaveLength(1);
    expect(within(groups[0]!).getByText("Changed twice").closest("td")!.getAttribute("colspan")).toBe("2");
    const us = table.querySelector('tr[data-delegation="US"]')!;
    expect(us.className).toBe("align-top");
    const total = within(table.querySelector("tfoot")!).getByRole("row", { name: "Total 8" });
    expect(within(total).getByRole("rowheader").textContent).toBe("Total");
  });
});
