"use client";

import type { VerifyProblem, VerifyResult } from "@lodestone/domain/decision-record";
import { useFormatter, useTranslations } from "next-intl";
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
                <li key={JSON.stringify(problem)} className="break-all">
                  <ProblemText problem={problem} />
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </div>
  );
}

/** One disagreement, in the user's language. */
function ProblemText({ problem }: { problem: VerifyProblem }) {
  const t = useTranslations("decision.verify");
  const tOutcome = useTranslations("decision.outcome");
  const format = useFormatter();
  const value = (v: number | boolean | null) =>
    v === null
      ? t("value.none")
      : typeof v === "boolean"
        ? t(v ? "value.yes" : "value.no")
        : format.number(v);
  switch (problem.kind) {
    case "unsealed":
      return t("problem.unsealed");
    case "recordHash":
      return t("problem.recordHash", { computed: problem.computed, recorded: problem.recorded });
    case "signature":
      return t("problem.signature");
    case "signingKey":
      return t("problem.signingKey", { recorded: problem.recorded, expected: problem.expected });
    case "malformed":
      return t("problem.malformed", { detail: problem.detail });
    case "field":
      return t("problem.field", { field: t(`field.${problem.field}`) });
    case "vote":
      return t("problem.vote", { voterId: problem.voterId, what: t(`what.vote.${problem.what}`) });
    case "elector":
      return t("problem.elector", { voterId: problem.voterId, what: t(`what.elector.${problem.what}`) });
    case "voteOutsideElectorate":
      return t("problem.voteOutsideElectorate", { voterId: problem.voterId });
    case "duplicateVote":
      return t("problem.duplicateVote", { voterId: problem.voterId });
    case "contentHash":
      return t("problem.contentHash", { computed: problem.computed, recorded: problem.recorded });
    case "storedHash":
      return t("problem.storedHash", { stored: problem.stored, recorded: problem.recorded });
    case "invalidRule":
      return t("problem.invalidRule");
    case "figure":
      return t("problem.figure", {
        delegation: problem.delegation,
        figure: t(`figure.${problem.figure}`),
        recorded: value(problem.recorded),
        recomputed: value(problem.recomputed),
      });
    case "approved":
      return t("problem.approved", { recorded: problem.recorded ? "yes" : "no" });
    case "outcomeNotApproved":
      return t("problem.outcomeNotApproved", { outcome: tOutcome(problem.recorded) });
    case "approvedWithoutVotes":
      return t("problem.approvedWithoutVotes");
    default:
      return unreachable(problem);
  }
}

/** A compile error when a kind of problem has no words. */
function unreachable(problem: never): never {
  throw new Error(`Unknown verify problem: ${JSON.stringify(problem)}`);
}

/** Whether Verify found the seal itself broken: the record's hash, its signature or its key. */
export function signatureBroken(result: VerifyResult): boolean {
  return result.problems.some(
    (p) => p.kind === "signature" || p.kind === "signingKey" || p.kind === "recordHash",
  );
}
