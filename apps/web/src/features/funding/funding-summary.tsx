"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { listLoadState } from "@/features/ui/load-problem";
import { linkClass } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { TotalsTable } from "./funding-overview";

/** The dashboard's funding panel: totals by state per financier's delegation, in US dollars. */
export function FundingSummary() {
  const t = useTranslations("fundingSummary");
  const trpc = useTRPC();
  const id = useId();
  const query = useQuery(trpc.funding.totals.queryOptions({ by: "delegation" }));
  const loadState = listLoadState(query, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  return (
    <section
      aria-labelledby={id}
      data-panel="funding"
      className="flex min-w-0 flex-col gap-3 rounded-md border border-slate-300 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("lead")}</p>
      {loadState ?? <TotalsTable by="delegation" rows={query.data ?? []} caption={t("caption")} />}
      <p>
        <Link href="/funding" className={linkClass}>
          {t("more")}
        </Link>
      </p>
    </section>
  );
}
