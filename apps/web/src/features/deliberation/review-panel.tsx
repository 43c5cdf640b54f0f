"use client";

import type { AppRouter } from "@lodestone/api/router";
import type { ProjectStatus, Role } from "@lodestone/domain/enums";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { Spinner } from "@/features/ui/spinner";
import { linkClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { CloseRoundForm } from "./close-round-form";
import { useDelegationName } from "./delegation-names";
import { OpenRoundForm } from "./open-round-form";
import { RoundResults } from "./round-results";
import { RuleForm } from "./rule-form";
import { RuleSummary } from "./rule-summary";
import { VoteForm } from "./vote-form";
import { RoundVoteReasons } from "./vote-reasons";
import { LoadProblem } from "@/features/ui/load-problem";
import { ResultMessage } from "@/features/ui/result-message";

type RoundView = inferRouterOutputs<AppRouter>["review"]["round"];

interface ReviewPanelProps {
  projectId: string;
  projectStatus: ProjectStatus;
  role: Role;
}

/** A project's review rounds: opening one, voting, the results as the reader may see them, closing. */
export function ReviewPanel({ projectId, projectStatus, role }: ReviewPanelProps) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const rounds = useQuery(trpc.review.rounds.queryOptions({ id: projectId }));
  const open = useMutation(trpc.review.open.mutationOptions());
  const headingId = useId();
  const anyOpen = rounds.data?.some((r) => r.status === "OPEN") ?? false;

  return (
    <div className="flex flex-col gap-8">
      {role === "COORDINATOR" && projectStatus === "SUBMITTED" && rounds.data && !anyOpen ? (
        <section
          aria-labelledby={`${headingId}-open`}
          className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5"
        >
          <h2 id={`${headingId}-open`} className="text-xl font-semibold text-slate-900">
            {t("open.heading")}
          </h2>
          <p className="text-slate-700">{t("open.lead")}</p>
          <OpenRoundForm
            onSubmit={async (closesAt) => {
              await open.mutateAsync({ projectId, closesAt: closesAt.toISOString() });
              await queryClient.invalidateQueries(trpc.review.pathFilter());
              router.refresh();
            }}
          />
        </section>
      ) : null}

      {rounds.isPending ? (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <Spinner /> {t("loading")}
        </p>
      ) : rounds.isError ? (
        <LoadProblem
          message={t("loadFailed", { message: toLoadError(rounds.error).message })}
          retryLabel={t("retry")}
          onRetry={() => void rounds.refetch()}
        />
      ) : rounds.data.length === 0 ? (
        <p className="text-slate-700">{t("noRounds")}</p>
      ) : (
        rounds.data.map((round, index) => (
          <RoundSection
            key={round.id}
            roundId={round.id}
            number={rounds.data.length - index}
            projectId={projectId}
            role={role}
          />
        ))
      )}
    </div>
  );
}

function RoundSection({
  roundId,
  number,
  projectId,
  role,
}: {
  roundId: string;
  number: number;
  projectId: string;
  role: Role;
}) {
  const t = useTranslations("review");
  const tChoice = useTranslations("review.choice");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const nameOf = useDelegationName();
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  const query = useQuery(trpc.review.round.queryOptions({ roundId }));
  const castVote = useMutation(trpc.review.castVote.mutationOptions());
  const updateRule = useMutation(trpc.review.updateRule.mutationOptions());
  const close = useMutation(trpc.review.close.mutationOptions());
  const [editingRule, setEditingRule] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Why the delegate's last vote was refused, when the round closed before it arrived. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const headingId = useId();
  const refresh = () => queryClient.invalidateQueries(trpc.review.pathFilter());

  if (query.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-700">
        <Spinner /> {t("loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <LoadProblem
        message={t("loadFailed", { message: toLoadError(query.error).message })}
        retryLabel={t("retry")}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const round: RoundView = query.data;
  const isOpen = round.status === "OPEN";
  const date = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  const electorateCodes = Object.keys(round.electorate.byDelegation).sort();
  const electorateSize = electorateCodes.reduce((n, code) => n + round.electorate.byDelegation[code]!, 0);
  /** A delegate who joined after the round opened: not in its electorate, so no vote. */
  const outsideElectorate = role === "DELEGATE" && isOpen && !round.electorate.includesMe;

  return (
    <section
      aria-labelledby={headingId}
      data-round-id={round.id}
      className="flex flex-col gap-5 rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {t("roundHeading", { number })}
        </h2>
        <span
          data-round-status={round.status}
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${isOpen ? "bg-green-50 text-green-900 ring-green-700" : "bg-slate-100 text-slate-900 ring-slate-500"}`}
        >
          {isOpen ? t("status.OPEN") : t("status.CLOSED")}
        </span>
      </div>

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold text-slate-900">{t("revision")}</dt>
        <dd className="text-slate-800">
          {t("revisionValue", { number: round.revision.number })}{" "}
          <code className="break-all rounded bg-slate-100 px-1 text-xs">{round.revision.contentHash}</code>
        </dd>
        <dt className="font-semibold text-slate-900">{t("opened")}</dt>
        <dd className="text-slate-800">
          <time dateTime={round.opensAt}>{date(round.opensAt)}</time>
        </dd>
        <dt className="font-semibold text-slate-900">{isOpen ? t("closes") : t("closed")}</dt>
        <dd className="text-slate-800">
          <time dateTime={round.closesAt}>{date(round.closesAt)}</time>
        </dd>
        <dt className="font-semibold text-slate-900">{t("voters")}</dt>
        <dd className="text-slate-800">{t("votersValue", { count: round.voters })}</dd>
      </dl>

      <div className="flex flex-col gap-1 text-sm text-slate-800" data-testid="electorate">
        <p>
          {t("electorate.fixed", {
            count: electorateSize,
            list: format.list(
              electorateCodes.map((code) =>
                t("electorate.item", {
                  code,
                  count: format.number(round.electorate.byDelegation[code]!),
                }),
              ),
              { type: "conjunction" },
            ),
          })}
        </p>
        {round.electorate.changedSince > 0 ? (
          <p>{t("electorate.changed", { count: round.electorate.changedSince })}</p>
        ) : null}
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="text-lg font-semibold text-slate-900">{t("rule.heading")}</h3>
        {editingRule ? (
          <RuleForm
            initial={round.rule}
            codes={(delegations.data ?? []).map((d) => d.code)}
            nameOf={nameOf}
            onCancel={() => setEditingRule(false)}
            onSubmit={async (rule) => {
              await updateRule.mutateAsync({ roundId: round.id, rule });
              setEditingRule(false);
              setNotice(t("rule.saved"));
              await refresh();
            }}
          />
        ) : (
          <RuleSummary rule={round.rule} nameOf={nameOf} />
        )}
        {role === "COORDINATOR" && isOpen && !editingRule ? (
          round.voters === 0 ? (
            <div>
              <button
                type="button"
                className={secondaryButton}
                onClick={() => {
                  setNotice(null);
                  setEditingRule(true);
                }}
              >
                {t("rule.edit")}
              </button>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t("rule.fixed")}</p>
          )
        ) : null}
      </div>

      {role === "DELEGATE" ? (
        <div className="flex flex-col gap-3">
          <h3 className="text-lg font-semibold text-slate-900">{t("vote.heading")}</h3>
          {round.myVote ? (
            <p className="text-slate-800" data-testid="my-vote">
              {t("vote.yours", { choice: tChoice(round.myVote.choice), date: date(round.myVote.at) })}
            </p>
          ) : isOpen ? null : (
            <p className="text-slate-800">{t("vote.none")}</p>
          )}
          {round.myVoteHistory.length > 1 ? (
            <details className="text-sm text-slate-800">
              <summary className="cursor-pointer font-semibold text-blue-800 underline underline-offset-4">
                {t("vote.history", { count: round.myVoteHistory.length })}
              </summary>
              <ol className="mt-2 list-decimal pl-6">
                {round.myVoteHistory.map((v, i) => (
                  <li key={i}>
                    {tChoice(v.choice)} — <time dateTime={v.createdAt}>{date(v.createdAt)}</time>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {outsideElectorate ? (
            <p
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
              data-testid="not-in-electorate"
            >
              {t("electorate.notIncluded")}
            </p>
          ) : isOpen ? (
            <VoteForm
              key={round.myVote?.at ?? "none"}
              roundId={round.id}
              current={round.myVote}
              onSubmit={async (vote) => {
                setNotice(null);
                await castVote.mutateAsync(vote);
                setNotice(t("vote.recorded", { choice: tChoice(vote.choice) }));
                await refresh();
              }}
              describeProblem={async () => {
                const again = await query.refetch();
                if (again.data?.status !== "CLOSED") return null;
                setRefusal(t("vote.closedNow"));
                return t("vote.closedNow");
              }}
            />
          ) : refusal ? (
            <p
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-950"
            >
              {refusal}
            </p>
          ) : (
            <p className="text-slate-800">{t("vote.closed")}</p>
          )}
        </div>
      ) : null}

      {/* Focus goes to the notice: the vote form starts afresh and the rule form closes. */}
      <ResultMessage message={notice} className="font-semibold text-green-900" />

      <div className="flex flex-col gap-3">
        <h3 className="text-lg font-semibold text-slate-900">{t("results.heading")}</h3>
        {round.results ? (
          <>
            <RoundResults
              delegations={round.results.delegations}
              caption={t("results.caption")}
              nameOf={nameOf}
            />
            <p className="font-semibold text-slate-900" data-testid="round-outcome">
              {isOpen
                ? round.results.approved
                  ? t("results.soFarApproves")
                  : t("results.soFarNotApproved")
                : round.results.approved
                  ? t("results.approves")
                  : t("results.notApproved")}
            </p>
          </>
        ) : (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
            {role === "DELEGATE" ? t("results.afterYouVote") : t("results.afterClose")}
          </p>
        )}
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="text-lg font-semibold text-slate-900">{t("reasons.heading")}</h3>
        {round.reasonsVisible ? (
          <RoundVoteReasons roundId={round.id} isOpen={isOpen} />
        ) : (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
            {t("reasons.hidden")}
          </p>
        )}
      </div>

      {round.decisionId ? (
        <p>
          <Link href={`/projects/${projectId}/decisions/${round.decisionId}`} className={linkClass}>
            {t("decisionLink")}
          </Link>
        </p>
      ) : role === "COORDINATOR" ? (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold text-slate-900">{t("close.heading")}</h3>
          <p className="text-slate-700">{isOpen ? t("close.leadOpen") : t("close.leadClosed")}</p>
          <CloseRoundForm
            roundId={round.id}
            onSubmit={async (command) => {
              const closed = await close.mutateAsync(command);
              await refresh();
              router.push(`/projects/${projectId}/decisions/${closed.decisionId}`);
              router.refresh();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
