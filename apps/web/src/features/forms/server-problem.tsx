"use client";

import { useTranslations } from "next-intl";
import type { ApiProblem } from "./api-problem";

/** The catalogue sections that word a refused request: the forms' and the delivery forms'. */
export type ProblemMessages = "forms.problem" | "delivery.problem";
type ReasonKey = "conflict" | "forbidden" | "unauthorized" | "unavailable" | "internal";

function reasonKey(code: ApiProblem["code"]): ReasonKey | null {
  if (code === null || code === "SERVICE_UNAVAILABLE" || code === "GATEWAY_TIMEOUT") return "unavailable";
  if (code === "CONFLICT") return "conflict";
  if (code === "FORBIDDEN") return "forbidden";
  if (code === "UNAUTHORIZED") return "unauthorized";
  if (code === "INTERNAL_SERVER_ERROR") return "internal";
  return null;
}

/**
 * A refused or failed request, above a form's buttons: what went wrong, in the reader's language,
 * with the server's details. A reason is shown when `messages` words it (the delivery forms word a
 * conflict, the other forms an internal error).
 */
export function ServerProblem({
  title,
  problem,
  messages = "forms.problem",
}: {
  title: string;
  problem: ApiProblem;
  messages?: ProblemMessages;
}) {
  const t = useTranslations(messages);
  const key = reasonKey(problem.code);
  const reason = key && t.has(key) ? t(key as Parameters<typeof t>[0]) : null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
      <p className="font-semibold">{title}</p>
      {reason ? <p className="mt-1">{reason}</p> : null}
      <p className="mt-1 text-sm">{t("details", { message: problem.message })}</p>
    </div>
  );
}
