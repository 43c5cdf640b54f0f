"use client";

import { useTranslations } from "next-intl";
import type { ApiProblem } from "@/features/forms/api-problem";
import { ServerProblem } from "@/features/forms/server-problem";
import { secondaryButton } from "@/features/ui/styles";

/** Why a save failed: someone else saved first (with a way to load theirs), or the server's answer. */
export function SaveProblem({ problem, onReload }: { problem: ApiProblem; onReload?: () => void }) {
  const t = useTranslations("proposal.form");
  if (problem.code !== "CONFLICT") return <ServerProblem title={t("saveFailed")} problem={problem} />;
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">{t("conflictTitle")}</p>
      <p className="mt-1">{t("conflictBody")}</p>
      {onReload ? (
        <button type="button" onClick={onReload} className={`${secondaryButton} mt-3`}>
          {t("reload")}
        </button>
      ) : null}
    </div>
  );
}
