"use client";

import { useTranslations } from "next-intl";
import type { ApiProblem } from "@/features/forms/api-problem";

/** A refused or failed delivery action, in the reader's language, with the server's details. */
export function DeliveryProblem({ title, problem }: { title: string; problem: ApiProblem }) {
  const t = useTranslations("delivery.problem");
  const reason =
    problem.code === "CONFLICT"
      ? t("conflict")
      : problem.code === "FORBIDDEN"
        ? t("forbidden")
        : problem.code === "UNAUTHORIZED"
          ? t("unauthorized")
          : problem.code === null ||
              problem.code === "SERVICE_UNAVAILABLE" ||
              problem.code === "GATEWAY_TIMEOUT"
            ? t("unavailable")
            : null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
      <p className="font-semibold">{title}</p>
      {reason ? <p className="mt-1">{reason}</p> : null}
      <p className="mt-1 text-sm">{t("details", { message: problem.message })}</p>
    </div>
  );
}
