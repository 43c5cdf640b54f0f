"use client";

import type { DelegationResult } from "@lodestone/domain/decision";
import { useTranslations } from "next-intl";
import { DataTable } from "@/features/ui/data-table";

/** Votes and quorum per delegation, as a table (the same on a round and on its decision record). */
export function RoundResults({
  delegations,
  caption,
  nameOf,
}: {
  delegations: Record<string, DelegationResult>;
  caption: string;
  /** A delegation's name for its code. */
  nameOf: (code: string) => string;
}) {
  const t = useTranslations("review.results");
  const codes = Object.keys(delegations).sort();
  const count = (id: "approve" | "reject" | "abstain" | "didNotVote") => ({
    id,
    header: t(id),
    cell: (code: string) => delegations[code]![id],
  });
  const cell = "border-b border-slate-200 px-3 py-2";
  return (
    <DataTable
      caption={caption}
      rows={codes}
      rowKey={(code) => code}
      rowProps={(code) => ({ "data-delegation": code })}
      columns={[
        {
          id: "delegation",
          header: t("delegation"),
          rowHeader: true,
          className: "font-semibold",
          cell: (code) => (
            <>
              {nameOf(code)}
              {delegations[code]!.required ? (
                <span className="ml-2 text-xs font-normal text-slate-700">{t("required")}</span>
              ) : null}
            </>
          ),
        },
        count("approve"),
        count("reject"),
        count("abstain"),
        count("didNotVote"),
        {
          id: "quorum",
          header: t("quorum"),
          cell: (code) => (delegations[code]!.quorumMet ? t("quorumMet") : t("quorumMissed")),
        },
        {
          id: "result",
          header: t("result"),
          cell: (code) => (delegations[code]!.approved ? t("rowApproves") : t("rowDoesNotApprove")),
        },
      ]}
      classNames={{
        table: "min-w-full border-collapse text-left text-sm",
        caption: "mb-2 text-left font-semibold text-slate-900",
        thead: "",
        headRow: "bg-slate-100 text-slate-900",
        headerCell: cell,
        tbody: "",
        cell,
      }}
    />
  );
}
