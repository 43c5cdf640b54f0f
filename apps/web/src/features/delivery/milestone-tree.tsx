"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FollowControl } from "@/features/notifications/follow-control";
import { smallButton } from "@/features/ui/styles";
import { CALENDAR_DATE, calendarDay } from "./dates";
import { DueTodayBadge, MilestoneStatusBadge, OverdueBadge } from "./milestone-status-badge";
import { ProgressBar } from "./progress-bar";
import type { MilestoneView } from "./types";

export interface MilestoneActions {
  /** Coordinators plan: add a sub-milestone, re-plan a due date. */
  canPlan: boolean;
  onReport: (m: MilestoneView) => void;
  onReplan: (m: MilestoneView) => void;
  onAddChild: (m: MilestoneView) => void;
}

/** The milestone's title in the reader's language, with its `lang`. */
export function milestoneTitle(m: { title: { en: string; ja: string } }, locale: string) {
  const lang = locale === "ja" && m.title.ja ? "ja" : "en";
  return { text: m.title[lang], lang };
}

/**
 * The milestone tree as nested lists: each milestone with its status, due date (a calendar day in
 * the project's reference time zone), assignee, weight and rolled-up progress; overdue ones
 * highlighted, and those due today (in that zone) marked. Report is offered only where the API
 * says the reader may report, which is never on a parent (its progress is rolled up).
 */
export function MilestoneTree({
  milestones,
  actions,
}: {
  milestones: MilestoneView[];
  actions: MilestoneActions;
}) {
  const t = useTranslations("delivery");
  if (milestones.length === 0) return <p className="text-slate-700">{t("tree.empty")}</p>;
  return (
    <ul aria-label={t("tree.label")} className="flex flex-col gap-3">
      {milestones.map((m) => (
        <MilestoneItem key={m.id} m={m} actions={actions} />
      ))}
    </ul>
  );
}

function MilestoneItem({ m, actions }: { m: MilestoneView; actions: MilestoneActions }) {
  const t = useTranslations("delivery");
  const format = useFormatter();
  const locale = useLocale();
  const title = milestoneTitle(m, locale);
  const open = m.status !== "DONE" && m.status !== "CANCELLED";
  const tFollow = useTranslations("notifications.follow");
  const [following, setFollowing] = useState(false);
  const followId = useId();
  return (
    <li data-milestone={m.id} data-overdue={m.overdue || undefined} data-due-today={m.dueToday || undefined}>
      <div
        className={`rounded-md border p-4 ${m.overdue ? "border-red-600 bg-red-50/60 border-l-8" : "border-slate-300 bg-white"}`}
      >
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 lang={title.lang} className="font-semibold text-slate-900">
            {title.text}
          </h3>
          <MilestoneStatusBadge status={m.status} />
          {m.overdue ? <OverdueBadge /> : null}
          {m.dueToday ? <DueTodayBadge /> : null}
        </div>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
          <div className="flex gap-1">
            <dt>{t("tree.due")}</dt>
            <dd className={m.overdue ? "font-semibold text-red-900" : "text-slate-900"}>
              {format.dateTime(calendarDay(m.dueDate), CALENDAR_DATE)}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>{t("tree.assignee")}</dt>
            <dd className="text-slate-900">
              {m.assignee
                ? t(m.assignee.kind === "user" ? "tree.assigneeUser" : "tree.assigneeOrganisation", {
                    name: m.assignee.name,
                  })
                : t("tree.unassigned")}
            </dd>
          </div>
          {m.weight !== null ? (
            <div className="flex gap-1">
              <dt>{t("tree.weight")}</dt>
              <dd className="text-slate-900">{m.weight}</dd>
            </div>
          ) : null}
        </dl>
        <div className="mt-3 max-w-xl">
          <ProgressBar value={m.progress} label={t("tree.progressOf", { title: title.text })} />
          {m.children.length > 0 ? <p className="mt-1 text-sm text-slate-700">{t("tree.rolledUp")}</p> : null}
        </div>
        <div className="mt-3 flex flex-wrap gap-2">
          {m.canReport ? (
            <button
              type="button"
              className={smallButton}
              onClick={() => actions.onReport(m)}
              aria-label={t("tree.actionOn", { action: t("tree.report"), title: title.text })}
            >
              {t("tree.report")}
            </button>
          ) : null}
          {actions.canPlan && open ? (
            <>
              <button
                type="button"
                className={smallButton}
                onClick={() => actions.onReplan(m)}
                aria-label={t("tree.actionOn", { action: t("tree.replan"), title: title.text })}
              >
                {t("tree.replan")}
              </button>
              <button
                type="button"
                className={smallButton}
                onClick={() => actions.onAddChild(m)}
                aria-label={t("tree.actionOn", { action: t("tree.addChild"), title: title.text })}
              >
                {t("tree.addChild")}
              </button>
            </>
          ) : null}
          <button
            type="button"
            className={smallButton}
            aria-expanded={following}
            aria-controls={followId}
            onClick={() => setFollowing((was) => !was)}
            aria-label={tFollow("milestoneToggle", { title: title.text })}
          >
            {tFollow("milestoneButton")}
          </button>
        </div>
        {following ? (
          <div id={followId} className="mt-3 max-w-2xl">
            <FollowControl subject={{ type: "MILESTONE", id: m.id }} level={4} />
          </div>
        ) : null}
      </div>
      {m.children.length > 0 ? (
        <ul
          aria-label={t("tree.childrenOf", { title: title.text })}
          className="mt-3 ml-4 flex flex-col gap-3 border-l-2 border-slate-300 pl-4 sm:ml-6"
        >
          {m.children.map((c) => (
            <MilestoneItem key={c.id} m={c} actions={actions} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
