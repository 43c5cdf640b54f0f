"use client";

import type { DecisionRule } from "@lodestone/domain/decision";
import { useFormatter, useTranslations } from "next-intl";

/** The decision rule in words: who counts, who must approve, quorum and approval. */
export function RuleSummary({ rule, nameOf }: { rule: DecisionRule; nameOf: (code: string) => string }) {
  const t = useTranslations("review.rule");
  const format = useFormatter();
  const list = (codes: string[]) => (codes.length ? codes.map(nameOf).join(", ") : t("none"));
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold text-slate-900">{t("counted")}</dt>
      <dd className="text-slate-800">{list(rule.countedDelegations)}</dd>
      <dt className="font-semibold text-slate-900">{t("required")}</dt>
      <dd className="text-slate-800">{list(rule.requiredDelegations)}</dd>
      <dt className="font-semibold text-slate-900">{t("quorum")}</dt>
      <dd className="text-slate-800">
        {t("quorumValue", {
          share: format.number(rule.quorum, { style: "percent", maximumFractionDigits: 1 }),
        })}
      </dd>
      <dt className="font-semibold text-slate-900">{t("approval")}</dt>
      <dd className="text-slate-800">{t(`approvalRule.${rule.approval}`)}</dd>
    </dl>
  );
}
