"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { useDelegationName } from "./delegation-names";
import { RuleForm } from "./rule-form";
import { RuleSummary } from "./rule-summary";
import type { RoundView } from "./round-view";
import { useRefreshReview } from "./use-refresh-review";

/**
 * The round's decision rule; whoever runs rounds may change it while the round is open and
 * nobody has voted yet.
 */
export function RoundRule({
  round,
  canEdit,
  onNotice,
}: {
  round: RoundView;
  /** The reader runs rounds. */
  canEdit: boolean;
  /** What to tell the reader (null: nothing, as an edit starts). */
  onNotice: (notice: string | null) => void;
}) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const nameOf = useDelegationName();
  const refresh = useRefreshReview();
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  const updateRule = useMutation(trpc.review.updateRule.mutationOptions());
  const [editing, setEditing] = useState(false);

  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-lg font-semibold text-slate-900">{t("rule.heading")}</h3>
      {editing ? (
        <RuleForm
          initial={round.rule}
          codes={(delegations.data ?? []).map((d) => d.code)}
          nameOf={nameOf}
          onCancel={() => setEditing(false)}
          onSubmit={async (rule) => {
            await updateRule.mutateAsync({ roundId: round.id, rule });
            setEditing(false);
            onNotice(t("rule.saved"));
            await refresh();
          }}
        />
      ) : (
        <RuleSummary rule={round.rule} nameOf={nameOf} />
      )}
      {canEdit && round.status === "OPEN" && !editing ? (
        round.voters === 0 ? (
          <div>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => {
                onNotice(null);
                setEditing(true);
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
  );
}
