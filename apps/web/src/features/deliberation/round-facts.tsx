"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { RoundView } from "./round-view";

/** The round's number and whether it is open. */
export function RoundHeading({ id, number, round }: { id: string; number: number; round: RoundView }) {
  const t = useTranslations("review");
  const isOpen = round.status === "OPEN";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h2 id={id} className="text-xl font-semibold text-slate-900">
        {t("roundHeading", { number })}
      </h2>
      <span
        data-round-status={round.status}
        className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${isOpen ? "bg-green-50 text-green-900 ring-green-700" : "bg-slate-100 text-slate-900 ring-slate-500"}`}
      >
        {isOpen ? t("status.OPEN") : t("status.CLOSED")}
      </span>
    </div>
  );
}

/** Which revision is reviewed, when the round opened and closes, how many have voted. */
export function RoundFacts({ round }: { round: RoundView }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  return (
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
      <dt className="font-semibold text-slate-900">{round.status === "OPEN" ? t("closes") : t("closed")}</dt>
      <dd className="text-slate-800">
        <time dateTime={round.closesAt}>{date(round.closesAt)}</time>
      </dd>
      <dt className="font-semibold text-slate-900">{t("voters")}</dt>
      <dd className="text-slate-800">{t("votersValue", { count: round.voters })}</dd>
    </dl>
  );
}

/** Who may vote, fixed when the round opened, and how many users changed since. */
export function Electorate({ electorate }: { electorate: RoundView["electorate"] }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const codes = Object.keys(electorate.byDelegation).sort();
  const size = codes.reduce((n, code) => n + electorate.byDelegation[code]!, 0);
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-800" data-testid="electorate">
      <p>
        {t("electorate.fixed", {
          count: size,
          list: format.list(
            codes.map((code) =>
              t("electorate.item", { code, count: format.number(electorate.byDelegation[code]!) }),
            ),
            { type: "conjunction" },
          ),
        })}
      </p>
      {electorate.changedSince > 0 ? (
        <p>{t("electorate.changed", { count: electorate.changedSince })}</p>
      ) : null}
    </div>
  );
}
