"use client";

import { STANCES, type Stance } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";

export interface CommentStats {
  total: number;
  byStance: Record<Stance, number>;
}

/** How many comments a project has, and how its threads lean. */
export function CommentStatsView({ stats }: { stats: CommentStats }) {
  const t = useTranslations("discussion");
  return (
    <div
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-800"
      data-testid="comment-stats"
    >
      <span className="font-semibold">{t("count", { count: stats.total })}</span>
      <ul aria-label={t("stanceBreakdown")} className="flex flex-wrap gap-x-3 gap-y-1">
        {STANCES.map((stance) => (
          <li key={stance}>
            {t("stanceCount", { stance: t(`stance.${stance}`), count: stats.byStance[stance] })}
          </li>
        ))}
      </ul>
    </div>
  );
}
