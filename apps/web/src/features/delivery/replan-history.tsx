"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CALENDAR_DATE, calendarDay } from "./dates";
import type { Replan } from "./types";

/** Every re-plan of a due date: which milestone, from when to when, why, by whom and when. */
export function ReplanHistory({
  headingId,
  replans,
  titles,
}: {
  headingId: string;
  replans: Replan[];
  /** Each milestone's title in the reader's language, by id. */
  titles: ReadonlyMap<string, string>;
}) {
  const t = useTranslations("delivery");
  const format = useFormatter();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t("replans.heading")}
      </h2>
      {replans.length === 0 ? (
        <p className="text-slate-700">{t("replans.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {replans.map((r) => (
            <li
              key={`${r.milestoneId}-${r.createdAt}`}
              className="rounded-md border border-slate-300 bg-white p-3"
            >
              <p className="font-semibold text-slate-900">{titles.get(r.milestoneId) ?? ""}</p>
              <p className="text-slate-800" data-replan={r.milestoneId}>
                {t("replans.moved", {
                  from: format.dateTime(calendarDay(r.oldDueDate), CALENDAR_DATE),
                  to: format.dateTime(calendarDay(r.newDueDate), CALENDAR_DATE),
                })}
              </p>
              <p className="text-slate-800">{t("replans.reason", { reason: r.reason })}</p>
              <p className="text-sm text-slate-700">
                {t("replans.by", { name: r.by.name })} ·{" "}
                <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), "dateTime")}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
