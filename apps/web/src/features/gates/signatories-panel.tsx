"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useDelegationName } from "@/features/deliberation/delegation-names";
import { toApiProblem } from "@/features/forms/api-problem";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import type { GatePeople, GatesData, GateSignatory } from "./types";

/**
 * Who signs the project's gates off: a coordinator, and the delegate designated for each
 * sponsoring delegation. A coordinator designates (or changes) each delegation's delegate here.
 */
export function SignatoriesPanel({
  projectId,
  data,
  onDesignated,
}: {
  projectId: string;
  data: Pick<GatesData, "signatories" | "canDesignate">;
  /** After a designation is saved, with what to say. */
  onDesignated: (message: string) => Promise<void>;
}) {
  const t = useTranslations("gates.signatories");
  const tGates = useTranslations("gates");
  const trpc = useTRPC();
  const delegationName = useDelegationName();
  const people = useQuery({ ...trpc.gates.people.queryOptions({ projectId }), enabled: data.canDesignate });
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("lead")}</p>
      {data.canDesignate && people.isError ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {t("peopleFailed", { message: toApiProblem(people.error).message })}
        </p>
      ) : null}
      <ul className="mt-3 flex flex-col divide-y divide-slate-200">
        {data.signatories.map((s) =>
          s.party === "COORDINATOR" ? (
            <li key="COORDINATOR" data-party="COORDINATOR" className="py-3">
              <span className="font-semibold text-slate-900">
                {tGates("labelled", { label: t("coordinator") })}
              </span>
              <span className="text-slate-800">{t("anyCoordinator")}</span>
            </li>
          ) : (
            <SignatoryRow
              key={s.delegation}
              projectId={projectId}
              signatory={s}
              name={delegationName(s.delegation ?? "")}
              canDesignate={data.canDesignate}
              people={people.data}
              loading={people.isPending && data.canDesignate}
              onDesignated={onDesignated}
            />
          ),
        )}
      </ul>
    </section>
  );
}

function SignatoryRow({
  projectId,
  signatory,
  name,
  canDesignate,
  people,
  loading,
  onDesignated,
}: {
  projectId: string;
  signatory: GateSignatory;
  name: string;
  canDesignate: boolean;
  people: GatePeople | undefined;
  loading: boolean;
  onDesignated: (message: string) => Promise<void>;
}) {
  const t = useTranslations("gates.signatories");
  const tGates = useTranslations("gates");
  const trpc = useTRPC();
  const designate = useMutation(trpc.gates.designate.mutationOptions());
  const id = useId();
  const delegation = signatory.delegation ?? "";
  const [choice, setChoice] = useState(signatory.userId ?? "");
  const [failed, setFailed] = useState<string | null>(null);
  const delegates = (people?.delegates ?? []).filter((d) => d.delegation === delegation);
  const unchanged = choice === (signatory.userId ?? "");

  return (
    <li data-party={delegation} className="flex flex-col gap-2 py-3">
      <p>
        <span className="font-semibold text-slate-900">{tGates("labelled", { label: name })}</span>
        {signatory.userId ? (
          <span className="text-slate-800">{signatory.name ?? t("unknown")}</span>
        ) : (
          <span className="text-amber-900">{t("noneDesignated")}</span>
        )}
      </p>
      {canDesignate ? (
        <form
          noValidate
          className="flex flex-wrap items-end gap-3"
          onSubmit={async (event) => {
            event.preventDefault();
            if (designate.isPending || unchanged) return;
            setFailed(null);
            try {
              await designate.mutateAsync({ projectId, delegation, userId: choice || null });
              const person = delegates.find((d) => d.id === choice)?.name;
              await onDesignated(
                person
                  ? t("designated", { name: person, delegation: name })
                  : t("cleared", { delegation: name }),
              );
            } catch (error) {
              setFailed(toApiProblem(error).message);
            }
          }}
        >
          <div className="flex min-w-[14rem] flex-col gap-1.5">
            <label htmlFor={`${id}-choice`} className="text-sm font-semibold text-slate-900">
              {t("choiceLabel", { delegation: name })}
            </label>
            <select
              id={`${id}-choice`}
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
              aria-describedby={failed ? `${id}-failed` : undefined}
              className={inputClass}
            >
              <option value="">{t("nobody")}</option>
              {/* The one designated now, while the choices load or if no longer a delegate. */}
              {signatory.userId && !delegates.some((d) => d.id === signatory.userId) ? (
                <option value={signatory.userId}>{signatory.name ?? t("unknown")}</option>
              ) : null}
              {delegates.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className={secondaryButton}
            aria-disabled={designate.isPending || unchanged || loading || undefined}
          >
            {designate.isPending ? <Spinner /> : null}
            {t("designate")} <span className="sr-only">{t("designateFor", { delegation: name })}</span>
          </button>
          {failed ? (
            <p id={`${id}-failed`} role="alert" className="w-full text-sm font-medium text-red-800">
              {t("failed", { message: failed })}
            </p>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}
