"use client";

import { useTranslations } from "next-intl";
import type { ApiProblem } from "./api-problem";

/** A refused or failed request, above a form's buttons: what went wrong, in the reader's language. */
export function ServerProblem({ title, problem }: { title: string; problem: ApiProblem }) {
  const t = useTranslations("forms.problem");
  const reason =
    problem.code === "FORBIDDEN"
      ? t("forbidden")
      : problem.code === "UNAUTHORIZED"
        ? t("unauthorized")
        : problem.code === null ||
            problem.code === "SERVICE_UNAVAILABLE" ||
            problem.code === "GATEWAY_TIMEOUT"
          ? t("unavailable")
          : problem.code === "INTERNAL_SERVER_ERROR"
            ? t("internal")
            : null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
      <p className="font-semibold">{title}</p>
      {reason ? <p className="mt-1">{reason}</p> : null}
      <p className="mt-1 text-sm">{t("details", { message: problem.message })}</p>
    </div>
  );
}
