"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { DataTable } from "@/features/ui/data-table";
import { useMoney } from "./money";

/** The parts of the stack, bottom up: money spent first, then promised, then what is missing. */
const PARTS = ["disbursed", "committed", "pledged", "gap"] as const;
type Part = (typeof PARTS)[number];

// Each colour stands out from white and from its neighbours (non-text contrast of at least 3:1).
const COLOURS: Record<Part, string> = {
  disbursed: "bg-green-800",
  committed: "bg-blue-800",
  pledged: "bg-sky-500",
  gap: "bg-[repeating-linear-gradient(45deg,#cbd5e1_0_6px,#ffffff_6px_12px)] ring-1 ring-inset ring-slate-500",
};

export interface CapitalStackProps {
  capexUsd: number;
  stack: { pledgedUsd: number; committedUsd: number; disbursedUsd: number };
  gapUsd: number;
}

/**
 * The capital stack against the capex: one horizontal bar of money disbursed, committed and pledged
 * (or approved), and the gap left to the capex. The bar is an image named by its numbers; the same
 * numbers are in the table under it.
 */
export function CapitalStack({ capexUsd, stack, gapUsd }: CapitalStackProps) {
  const t = useTranslations("funding.stack");
  const format = useFormatter();
  const money = useMoney();
  const id = useId();
  const values: Record<Part, number> = {
    disbursed: stack.disbursedUsd,
    committed: stack.committedUsd,
    pledged: stack.pledgedUsd,
    gap: gapUsd,
  };
  const usd = (amount: number) => money(amount, "USD");
  const total = values.disbursed + values.committed + values.pledged + values.gap;
  // More than the capex is raised: the bar is as long as the money, the capex marked on it.
  const scale = Math.max(total, capexUsd, 1);
  const share = (amount: number) =>
    capexUsd > 0 ? format.number(amount / capexUsd, { style: "percent", maximumFractionDigits: 1 }) : "–";
  const label = t("imageLabel", {
    capex: usd(capexUsd),
    disbursed: usd(values.disbursed),
    committed: usd(values.committed),
    pledged: usd(values.pledged),
    gap: usd(values.gap),
  });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <div
          role="img"
          aria-label={label}
          data-testid="capital-stack"
          className="relative flex h-10 w-full overflow-hidden rounded-md border border-slate-500 bg-white"
        >
          {PARTS.map((part) =>
            values[part] > 0 ? (
              <div
                key={part}
                data-part={part}
                className={`h-full ${COLOURS[part]}`}
                style={{ width: `${(values[part] / scale) * 100}%` }}
              />
            ) : null,
          )}
          {capexUsd > 0 && capexUsd < scale ? (
            <div
              aria-hidden="true"
              className="absolute inset-y-0 w-0.5 bg-slate-950"
              style={{ left: `${(capexUsd / scale) * 100}%` }}
            />
          ) : null}
        </div>
        <ul aria-hidden="true" className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
          {PARTS.map((part) => (
            <li key={part} className="flex items-center gap-2">
              <span className={`inline-block h-3 w-5 rounded-sm ${COLOURS[part]}`} />
              {t(`parts.${part}`)}
            </li>
          ))}
        </ul>
      </div>
      <DataTable
        caption={t("tableCaption")}
        rows={PARTS.map((part) => ({ part, amount: values[part] }))}
        rowKey={(row) => row.part}
        rowProps={(row) => ({ "data-part": row.part })}
        region={false}
        classNames={{
          caption: "mb-2 text-left font-semibold text-slate-900",
          table: "w-full max-w-2xl text-left text-sm",
          thead: "border-b border-slate-300",
          headerCell: "py-1.5 pr-3 font-semibold text-slate-900",
          cell: "py-1.5 pr-3",
          tfoot: "border-t border-slate-400",
        }}
        columns={[
          {
            id: "part",
            header: t("columns.part"),
            rowHeader: true,
            className: "font-normal text-slate-800",
            cell: (row) => (
              <span className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className={`inline-block h-3 w-5 shrink-0 rounded-sm ${COLOURS[row.part]}`}
                />
                {t(`parts.${row.part}`)}
              </span>
            ),
            footer: t("capex"),
            footerClassName: "py-1.5 pr-3 font-semibold text-slate-900",
          },
          {
            id: "amount",
            header: t("columns.amount"),
            headerClassName: "text-right",
            className: "text-right tabular-nums text-slate-900",
            cell: (row) => usd(row.amount),
            footer: <data value={capexUsd}>{usd(capexUsd)}</data>,
            footerClassName: "py-1.5 pr-3 text-right font-semibold tabular-nums text-slate-900",
          },
          {
            id: "share",
            header: t("columns.share"),
            headerClassName: "text-right",
            className: "text-right tabular-nums text-slate-800",
            cell: (row) => share(row.amount),
            footer: share(capexUsd),
            footerClassName: "py-1.5 pr-3 text-right font-semibold tabular-nums text-slate-900",
          },
        ]}
      />
      <p id={`${id}-note`} className="text-sm text-slate-700">
        {t("note")}
      </p>
    </div>
  );
}
