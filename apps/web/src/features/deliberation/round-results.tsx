"use client";

import type { DelegationResult } from "@lodestone/domain/decision";
import { useTranslations } from "next-intl";
import { ScrollRegion } from "@/features/ui/scroll-region";

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
  const cell = "border-b border-slate-200 px-3 py-2";
  return (
    <ScrollRegion name={caption}>
      <table className="min-w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-900">{caption}</caption>
        <thead>
          <tr className="bg-slate-100 text-slate-900">
            <th scope="col" className={cell}>
              {t("delegation")}
            </th>
            <th scope="col" className={cell}>
              {t("approve")}
            </th>
            <th scope="col" className={cell}>
              {t("reject")}
            </th>
            <th scope="col" className={cell}>
              {t("abstain")}
            </th>
            <th scope="col" className={cell}>
              {t("didNotVote")}
            </th>
            <th scope="col" className={cell}>
              {t("quorum")}
            </th>
            <th scope="col" className={cell}>
              {t("result")}
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => {
            const r = delegations[code]!;
            return (
              <tr key={code} data-delegation={code}>
                <th scope="row" className={`${cell} font-semibold`}>
                  {nameOf(code)}
                  {r.required ? (
                    <span className="ml-2 text-xs font-normal text-slate-700">{t("required")}</span>
                  ) : null}
                </th>
                <td className={cell}>{r.approve}</td>
                <td className={cell}>{r.reject}</td>
                <td className={cell}>{r.abstain}</td>
                <td className={cell}>{r.didNotVote}</td>
                <td className={cell}>{r.quorumMet ? t("quorumMet") : t("quorumMissed")}</td>
                <td className={cell}>{r.approved ? t("rowApproves") : t("rowDoesNotApprove")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
