import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/features/ui/data-table";

export interface ChartDatum {
  key: string;
  label: string;
  count: number;
}

/** The numbers behind a chart, as a table (what a screen reader or keyboard user reads). */
export function ChartDataTable({
  caption,
  category,
  data,
}: {
  caption: string;
  category: string;
  data: ChartDatum[];
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <DataTable
      caption={caption}
      rows={data}
      rowKey={(d) => d.key}
      rowProps={(d) => ({ "data-key": d.key })}
      empty={t("noProjects")}
      columns={[
        {
          id: "category",
          header: category,
          headerClassName: "pr-3",
          rowHeader: true,
          className: "pr-3 font-normal text-slate-800",
          cell: (d) => d.label,
          footer: t("total"),
          footerClassName: "py-1.5 pr-3 font-semibold text-slate-900",
        },
        {
          id: "count",
          header: t("projects"),
          headerClassName: "text-right",
          className: "text-right tabular-nums text-slate-900",
          cell: (d) => format.number(d.count),
          footer: format.number(total),
          footerClassName: "py-1.5 text-right font-semibold tabular-nums text-slate-900",
        },
      ]}
      // It sits in its chart's panel, which is as wide as the screen allows.
      region={false}
      classNames={{
        table: "w-full text-left text-sm",
        thead: "border-b border-slate-300",
        headerCell: "py-1.5 font-semibold text-slate-900",
        cell: "py-1.5",
        emptyCell: "py-1.5 text-slate-700",
        tfoot: "border-t border-slate-400",
      }}
    />
  );
}
