"use client";

import { useTranslations } from "next-intl";
import type { ApiProblem } from "@/features/forms/api-problem";

/**
 * Why an action on a comment or a review round failed, in the reader's language where the cause
 * is known, with the server's own words as details.
 */
export function ActionProblem({ title, problem }: { title: string; problem: ApiProblem }) {
  const t = useTranslations("discussion.problem");
  const tForms = useTranslations("forms.problem");
  const reason =
    problem.code === "FORBIDDEN"
      ? t("forbidden")
      : problem.code === "UNAUTHORIZED"
        ? tForms("unauthorized")
        : problem.code === null ||
            problem.code === "SERVICE_UNAVAILABLE" ||
            problem.code === "GATEWAY_TIMEOUT"
          ? tForms("unavailable")
          : problem.code === "INTERNAL_SERVER_ERROR"
            ? tForms("internal")
            : null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
      <p className="font-semibold">{title}</p>
      {reason ? <p className="mt-1">{reason}</p> : null}
      <p className="mt-1">{tForms("details", { message: problem.message })}</p>
    </div>
  );
}
