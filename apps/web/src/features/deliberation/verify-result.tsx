"use client";

import type { VerifyResult } from "@lodestone/domain/deliberation";
import { useTranslations } from "next-intl";
import { Spinner } from "@/features/ui/spinner";

export type VerifyState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "failed"; message: string }
  | { status: "done"; result: VerifyResult };

/** What "Verify" found: verified, or each disagreement the server named. Lives in a live region. */
export function VerifyResultView({ state }: { state: VerifyState }) {
  const t = useTranslations("decision.verify");
  return (
    <div role="status" aria-live="polite" data-testid="verify-result">
      {state.status === "pending" ? (
        <p className="flex items-center gap-2 text-slate-700">
          <Spinner /> {t("checking")}
        </p>
      ) : state.status === "failed" ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
          {t("failed", { message: state.message })}
        </p>
      ) : state.status === "done" ? (
        state.result.verified ? (
          <p className="rounded-md border border-green-700 bg-green-50 p-3 font-semibold text-green-900">
            {t("verified")}
          </p>
        ) : (
          <div className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
            <p className="font-semibold">{t("notVerified", { count: state.result.problems.length })}</p>
            <ul className="mt-2 list-disc pl-6">
              {state.result.problems.map((problem) => (
                <li key={problem} lang="en">
                  {problem}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </div>
  );
}
