import { useFormatter, useTranslations } from "next-intl";

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
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-300">
        <tr>
          <th scope="col" className="py-1.5 pr-3 font-semibold text-slate-900">
            {category}
          </th>
          <th scope="col" className="py-1.5 text-right font-semibold text-slate-900">
            {t("projects")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {data.length === 0 ? (
          <tr>
            <td colSpan={2} className="py-1.5 text-slate-700">
              {t("noProjects")}
            </td>
          </tr>
        ) : (
          data.map((d) => (
            <tr key={d.key} data-key={d.key}>
              <th scope="row" className="py-1.5 pr-3 font-normal text-slate-800">
                {d.label}
              </th>
              <td className="py-1.5 text-right tabular-nums text-slate-900">{format.number(d.count)}</td>
            </tr>
          ))
        )}
      </tbody>
      <tfoot className="border-t border-slate-400">
        <tr>
          <th scope="row" className="py-1.5 pr-3 font-semibold text-slate-900">
            {t("total")}
          </th>
          <td className="py-1.5 text-right font-semibold tabular-nums text-slate-900">
            {format.number(total)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
