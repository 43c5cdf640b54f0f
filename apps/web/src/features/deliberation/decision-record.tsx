"use client";

import type { AppRouter } from "@lodestone/api/router";
import type { DecisionRecord as SealedDecisionRecord } from "@lodestone/domain/decision-record";
import { useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { linkClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { useDelegationName } from "./delegation-names";
import { RoundResults } from "./round-results";
import { RuleSummary } from "./rule-summary";
import { VerifyResultView, signatureBroken, type VerifyState } from "./verify-result";
import { VoteReasonsTable } from "./vote-reasons";

const OUTCOME_CLASSES = {
  APPROVED: "bg-green-50 text-green-900 ring-green-700",
  REJECTED: "bg-red-50 text-red-900 ring-red-700",
  CHANGES_REQUESTED: "bg-amber-50 text-amber-950 ring-amber-700",
} as const;

/**
 * A recorded decision as `review.decision` returns it over the wire (the domain's `DecisionRecord`,
 * serialised); the download is exactly this JSON.
 */
export type DecisionRecord = inferRouterOutputs<AppRouter>["review"]["decision"] | SealedDecisionRecord;

/** The file name of a record's JSON export. */
export function decisionFileName(record: DecisionRecord): string {
  return `decision-${record.project.reference}-revision-${record.revision.number}-${record.id.slice(0, 8)}.json`;
}

/** The decision record: what was decided, on which revision, by which rule and votes; export and verify. */
export function DecisionRecordView({ record }: { record: DecisionRecord }) {
  const t = useTranslations("decision");
  const tOutcome = useTranslations("decision.outcome");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nameOf = useDelegationName();
  const [verify, setVerify] = useState<VerifyState>({ status: "idle" });
  const id = useId();
  const title =
    (locale === "ja" ? record.project.title.ja : record.project.title.en) || record.project.title.en;
  const json = `${JSON.stringify(record, null, 2)}\n`;
  const tReasons = useTranslations("review.reasons");
  const signature =
    verify.status === "done" ? (signatureBroken(verify.result) ? "invalid" : "valid") : verify.status;

  const runVerify = async () => {
    if (verify.status === "pending") return;
    setVerify({ status: "pending" });
    try {
      const result = await queryClient.fetchQuery({
        ...trpc.review.verify.queryOptions({ decisionId: record.id }),
        staleTime: 0,
      });
      setVerify({ status: "done", result });
    } catch (error) {
      setVerify({ status: "failed", message: toLoadError(error).message });
    }
  };

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby={`${id}-summary`} className="flex flex-col gap-4">
        <h2 id={`${id}-summary`} className="text-xl font-semibold text-slate-900">
          {t("summaryHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold text-slate-900">{t("outcomeLabel")}</dt>
          <dd>
            <span
              data-outcome={record.outcome}
              className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${OUTCOME_CLASSES[record.outcome]}`}
            >
              {tOutcome(record.outcome)}
            </span>
          </dd>
          <dt className="font-semibold text-slate-900">{t("project")}</dt>
          <dd className="text-slate-800">
            <span className="font-mono">{record.project.reference}</span>{" "}
            <Link href={`/projects/${record.project.id}`} className={linkClass}>
              {title}
            </Link>
          </dd>
          <dt className="font-semibold text-slate-900">{t("revision")}</dt>
          <dd className="text-slate-800">{t("revisionValue", { number: record.revision.number })}</dd>
          <dt className="font-semibold text-slate-900">{t("contentHash")}</dt>
          <dd>
            <code className="break-all rounded bg-slate-100 px-1 text-xs text-slate-900">
              {record.revision.contentHash}
            </code>
          </dd>
          <dt className="font-semibold text-slate-900">{t("tally")}</dt>
          <dd className="text-slate-800">
            {record.approved ? t("tallyApproves") : t("tallyDoesNotApprove")}
          </dd>
          <dt className="font-semibold text-slate-900">{t("recordedBy")}</dt>
          <dd className="text-slate-800">{record.recordedBy.name}</dd>
          <dt className="font-semibold text-slate-900">{t("recordedAt")}</dt>
          <dd className="text-slate-800">
            <time dateTime={record.recordedAt}>
              {format.dateTime(new Date(record.recordedAt), "dateTime")}
            </time>
          </dd>
        </dl>
      </section>

      <section aria-labelledby={`${id}-rationale`} className="flex flex-col gap-2">
        <h2 id={`${id}-rationale`} className="text-xl font-semibold text-slate-900">
          {t("rationale")}
        </h2>
        <p className="whitespace-pre-line text-slate-900">{record.rationale}</p>
      </section>

      <section aria-labelledby={`${id}-rule`} className="flex flex-col gap-2">
        <h2 id={`${id}-rule`} className="text-xl font-semibold text-slate-900">
          {t("rule")}
        </h2>
        <RuleSummary rule={record.rule} nameOf={nameOf} />
      </section>

      <section aria-labelledby={`${id}-votes`} className="flex flex-col gap-2">
        <h2 id={`${id}-votes`} className="text-xl font-semibold text-slate-900">
          {t("votes")}
        </h2>
        <RoundResults delegations={record.delegations} caption={t("votesCaption")} nameOf={nameOf} />
      </section>

      <section aria-labelledby={`${id}-reasons`} className="flex flex-col gap-2">
        <h2 id={`${id}-reasons`} className="text-xl font-semibold text-slate-900">
          {t("votesAndReasons")}
        </h2>
        {record.votes.length > 0 ? (
          <VoteReasonsTable votes={record.votes} />
        ) : (
          <p className="text-slate-700">{tReasons("none")}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-seal`} className="flex flex-col gap-3">
        <h2 id={`${id}-seal`} className="text-xl font-semibold text-slate-900">
          {t("seal.heading")}
        </h2>
        {record.seal ? (
          <>
            <p className="text-slate-700">{t("seal.lead")}</p>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold text-slate-900">{t("seal.sha256")}</dt>
              <dd>
                <code className="break-all rounded bg-slate-100 px-1 text-xs text-slate-900">
                  {record.seal.sha256}
                </code>
              </dd>
              <dt className="font-semibold text-slate-900">{t("seal.fingerprint")}</dt>
              <dd>
                <code
                  className="break-all rounded bg-slate-100 px-1 text-xs text-slate-900"
                  data-testid="seal-fingerprint"
                >
                  {record.seal.signingKey.fingerprint}
                </code>
              </dd>
              <dt className="font-semibold text-slate-900">{t("seal.algorithm")}</dt>
              <dd className="text-slate-800">{record.seal.signingKey.algorithm}</dd>
            </dl>
            <p
              data-testid="signature-status"
              data-signature={signature}
              className={`font-semibold ${signature === "valid" ? "text-green-900" : signature === "invalid" ? "text-red-900" : "text-slate-800"}`}
            >
              {t(`seal.status.${signature}`)}
            </p>
            <p className="text-sm text-slate-700">
              {t.rich("seal.offline", {
                fingerprint: record.seal.signingKey.fingerprint,
                code: (chunks) => (
                  <code className="break-all rounded bg-slate-100 px-1 text-xs text-slate-900">{chunks}</code>
                ),
              })}
            </p>
          </>
        ) : (
          <p className="text-slate-800" data-testid="seal-unsealed">
            {t("seal.unsealed")}
          </p>
        )}
      </section>

      <section aria-labelledby={`${id}-check`} className="flex flex-col gap-3">
        <h2 id={`${id}-check`} className="text-xl font-semibold text-slate-900">
          {t("checkHeading")}
        </h2>
        <p className="text-slate-700">{t("checkLead")}</p>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            className={primaryButton}
            aria-disabled={verify.status === "pending" || undefined}
            onClick={() => void runVerify()}
          >
            {t("verify.button")}
          </button>
          <a
            href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`}
            download={decisionFileName(record)}
            className={secondaryButton}
          >
            {t("download")}
          </a>
        </div>
        <VerifyResultView state={verify} />
      </section>
    </div>
  );
}
