import type { CSSProperties, ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

/** `data-*` attributes, for tests and styles that find a row by what it shows. */
export type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };

/** What a row (or a row's group) may carry besides its cells. */
export type RowAttributes = DataAttributes & { className?: string };

/** What a body cell may carry besides its content and classes. */
export type CellAttributes = DataAttributes & { lang?: string; style?: CSSProperties };

export interface DataTableColumn<Row> {
  /** Unique in the table (React's key for the column's cells). */
  id: string;
  /** The column's header (`<th scope="col">`). */
  header: ReactNode;
  /** The body cell's content for a row. */
  cell: (row: Row) => ReactNode;
  /** The column that names each row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Classes added to the table's header-cell classes for this column. */
  headerClassName?: string;
  /** Classes added to the table's cell classes for this column's body cells. */
  className?: string;
  /** Attributes of a body cell that depend on its row (`lang`, an indent). */
  cellProps?: (row: Row) => CellAttributes;
  /** The column's cell in the footer row (a total); a footer row shows when any column has one. */
  footer?: ReactNode;
  /** Classes of the footer cell. */
  footerClassName?: string;
}

/** Classes of the table's parts; each replaces the default of the same name. */
export interface DataTableClassNames {
  table?: string;
  caption?: string;
  thead?: string;
  headRow?: string;
  headerCell?: string;
  tbody?: string;
  row?: string;
  cell?: string;
  emptyCell?: string;
  detailCell?: string;
  tfoot?: string;
}

const DEFAULT_CLASSES = {
  table: "w-full border-collapse text-left text-sm",
  caption: "sr-only",
  thead: "bg-slate-100 text-xs text-slate-700",
  headRow: "",
  headerCell: "px-3 py-3 font-semibold",
  tbody: "divide-y divide-slate-200",
  row: "",
  cell: "px-3 py-3",
  emptyCell: "px-3 py-3 text-slate-700",
  detailCell: "px-3 py-3",
  tfoot: "",
} satisfies Required<DataTableClassNames>;

/** Names the table: a caption (shown, or read by screen readers only), or else a label. */
type TableName = { caption: string; label?: undefined } | { label: string; caption?: undefined };

/** The box the table scrolls sideways in when it is wider than the screen (ScrollRegion). */
export interface DataTableRegion {
  className?: string;
  id?: string;
  /** For screen readers only (a chart's numbers until asked for). */
  visuallyHidden?: boolean;
}

export type DataTableProps<Row> = TableName & {
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  /** A stable key per row. */
  rowKey: (row: Row) => string;
  /** Attributes of a row (`data-*`, classes added to the table's row classes). */
  rowProps?: (row: Row) => RowAttributes;
  /**
   * What opens under a row across every column (earlier votes under a vote), or null. With it,
   * each row and its detail form one row group (`<tbody>`), which `rowGroupProps` describe.
   */
  rowDetail?: (row: Row) => ReactNode;
  rowGroupProps?: (row: Row) => RowAttributes;
  /** Shown in a single row across every column when there are no rows. */
  empty?: ReactNode;
  /** The box it scrolls in (default: one, without classes); `false` for none. */
  region?: DataTableRegion | false;
  classNames?: DataTableClassNames;
  testId?: string;
};

function join(...classes: (string | undefined)[]): string | undefined {
  return classes.filter(Boolean).join(" ") || undefined;
}

/**
 * Every table of the app: a caption or label, column headers with `scope="col"`, an optional
 * row-header column (`scope="row"`), an optional empty-state row and footer row, in a box that
 * scrolls sideways on a small screen (a named, focusable region only while it does).
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, rowProps, rowDetail, rowGroupProps, empty, region = {}, testId } = props;
  const classes = { ...DEFAULT_CLASSES, ...props.classNames };
  const name = props.caption ?? props.label;
  const hasFooter = columns.some((column) => column.footer !== undefined);

  const bodyRow = (row: Row) => {
    const { className, ...attributes } = rowProps?.(row) ?? {};
    return (
      <tr key={rowKey(row)} {...attributes} className={join(classes.row, className)}>
        {columns.map((column) => {
          const cellClass = join(classes.cell, column.className);
          const cellAttributes = column.cellProps?.(row) ?? {};
          return column.rowHeader ? (
            <th key={column.id} scope="row" {...cellAttributes} className={cellClass}>
              {column.cell(row)}
            </th>
          ) : (
            <td key={column.id} {...cellAttributes} className={cellClass}>
              {column.cell(row)}
            </td>
          );
        })}
      </tr>
    );
  };

  const bodies =
    rows.length === 0 && empty !== undefined ? (
      <tbody className={join(classes.tbody)}>
        <tr>
          <td colSpan={columns.length} className={join(classes.emptyCell)}>
            {empty}
          </td>
        </tr>
      </tbody>
    ) : rowDetail ? (
      rows.map((row) => {
        const detail = rowDetail(row);
        const { className, ...attributes } = rowGroupProps?.(row) ?? {};
        return (
          <tbody key={rowKey(row)} {...attributes} className={join(classes.tbody, className)}>
            {bodyRow(row)}
            {detail !== null && detail !== undefined ? (
              <tr>
                <td colSpan={columns.length} className={join(classes.detailCell)}>
                  {detail}
                </td>
              </tr>
            ) : null}
          </tbody>
        );
      })
    ) : (
      <tbody className={join(classes.tbody)}>{rows.map(bodyRow)}</tbody>
    );

  const table = (
    <table className={join(classes.table)} aria-label={props.label} data-testid={testId}>
      {props.caption !== undefined ? (
        <caption className={join(classes.caption)}>{props.caption}</caption>
      ) : null}
      <thead className={join(classes.thead)}>
        <tr className={join(classes.headRow)}>
          {columns.map((column) => (
            <th key={column.id} scope="col" className={join(classes.headerCell, column.headerClassName)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      {bodies}
      {hasFooter ? (
        <tfoot className={join(classes.tfoot)}>
          <tr>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.id} scope="row" className={join(column.footerClassName)}>
                  {column.footer}
                </th>
              ) : (
                <td key={column.id} className={join(column.footerClassName)}>
                  {column.footer}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );

  if (region === false) return table;
  return (
    <ScrollRegion
      name={name}
      className={region.className}
      id={region.id}
      visuallyHidden={region.visuallyHidden}
    >
      {table}
    </ScrollRegion>
  );
}
