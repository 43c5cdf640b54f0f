"use client";

import { notificationPath, type InboxView } from "@lodestone/domain/notifications";
import Link from "next/link";
import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { todayIn } from "@/features/delivery/dates";
import { toApiProblem } from "@/features/forms/api-problem";
import { wallTimeToDate } from "@/features/i18n/zoned-time";
import { titleIn } from "@/features/projects/project-title";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton, smallButton } from "@/features/ui/styles";
import { useNotificationLine } from "./notification-line";
import type { InboxItem } from "./types";
import { useUpdateNotifications } from "./use-inbox";

/** The hour a snoozed notification comes back, on the chosen day, in the reader's time zone. */
const SNOOZE_HOUR = "08:00";

/** What an action did, for the page to say; `removed` when the item left the list shown. */
export interface InboxNotice {
  text: string;
  removed: boolean;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * One notification: what happened (a link to it, which marks it read), the project, when; unread
 * ones stand out. Its actions: read or unread, done or back to the inbox, save, snooze to a day.
 */
export function InboxItemRow({
  item,
  view,
  onNotice,
}: {
  item: InboxItem;
  view: InboxView;
  onNotice: (notice: InboxNotice) => void;
}) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const locale = useLocale();
  const line = useNotificationLine()(item);
  const id = useId();
  const update = useUpdateNotifications();
  const [snoozing, setSnoozing] = useState(false);
  const project = titleIn(locale, item.project);
  const unread = item.readAt === null;
  // When the row was first shown: a snooze that has ended since is over on the next read of the list.
  const [shownAt] = useState(() => Date.now());
  const snoozed = item.snoozedUntil !== null && Date.parse(item.snoozedUntil) > shownAt;
  const done = item.doneAt !== null;
  const saved = item.savedAt !== null;

  const change = (
    patch: { read?: boolean; done?: boolean; saved?: boolean; snoozedUntil?: string | null },
    notice: InboxNotice,
  ) => {
    if (update.isPending) return;
    update.mutate({ ids: [item.id], ...patch }, { onSuccess: () => onNotice(notice) });
  };
  // Leaves the list shown: done in the inbox, back from done, saved no more in "saved", …
  const leaves = (after: { done?: boolean; saved?: boolean; snoozed?: boolean }) =>
    (view === "inbox" && (after.done === true || after.snoozed === true)) ||
    (view === "done" && after.done === false) ||
    (view === "saved" && after.saved === false) ||
    (view === "snoozed" && (after.snoozed === false || after.done === true));

  return (
    <li
      data-notification={item.id}
      data-reason={item.reason}
      data-read={unread ? "false" : "true"}
      className={`rounded-lg border p-4 ${unread ? "border-l-8 border-blue-800 bg-blue-50/60" : "border-slate-300 bg-white"}`}
    >
      <article
        aria-labelledby={`${id}-line`}
        aria-describedby={`${id}-about`}
        className="flex flex-col gap-2"
      >
        <div className="flex items-start gap-2">
          {unread ? (
            <>
              <span aria-hidden="true" className="mt-2 h-2.5 w-2.5 shrink-0 rounded-full bg-blue-800" />
              <span className="sr-only">{t("item.unread")}: </span>
            </>
          ) : null}
          <Link
            id={`${id}-line`}
            href={notificationPath(item)}
            onClick={() => {
              if (unread && !update.isPending) update.mutate({ ids: [item.id], read: true });
            }}
            className={`rounded text-base underline-offset-4 hover:underline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${unread ? "font-semibold text-blue-900" : "font-medium text-slate-800"}`}
          >
            {line}
          </Link>
        </div>
        <p id={`${id}-about`} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span>
            <span className="font-mono font-semibold">{item.project.reference}</span>{" "}
            <span lang={project.lang}>{project.title}</span>
          </span>
          <time dateTime={item.createdAt}>{format.dateTime(new Date(item.createdAt), "dateTime")}</time>
          {saved ? (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-inset ring-amber-700">
              {t("item.saved")}
            </span>
          ) : null}
          {snoozed && item.snoozedUntil ? (
            <span className="text-slate-800">
              {t("item.snoozedUntil", { time: format.dateTime(new Date(item.snoozedUntil), "dateTime") })}
            </span>
          ) : null}
        </p>
        <div role="group" aria-label={t("item.actions")} className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={smallButton}
            aria-disabled={update.isPending || undefined}
            onClick={() =>
              change(
                { read: unread },
                { text: t(unread ? "notices.read" : "notices.unread"), removed: false },
              )
            }
          >
            {unread ? t("item.markRead") : t("item.markUnread")}
          </button>
          <button
            type="button"
            className={smallButton}
            aria-disabled={update.isPending || undefined}
            onClick={() =>
              change(
                { done: !done },
                { text: t(done ? "notices.undone" : "notices.done"), removed: leaves({ done: !done }) },
              )
            }
          >
            {done ? t("item.undone") : t("item.done")}
          </button>
          <button
            type="button"
            className={smallButton}
            aria-pressed={saved}
            aria-disabled={update.isPending || undefined}
            onClick={() =>
              change(
                { saved: !saved },
                { text: t(saved ? "notices.unsaved" : "notices.saved"), removed: leaves({ saved: !saved }) },
              )
            }
          >
            {saved ? t("item.unsave") : t("item.save")}
          </button>
          {snoozed ? (
            <button
              type="button"
              className={smallButton}
              aria-disabled={update.isPending || undefined}
              onClick={() =>
                change(
                  { snoozedUntil: null },
                  { text: t("notices.unsnoozed"), removed: leaves({ snoozed: false }) },
                )
              }
            >
              {t("item.unsnooze")}
            </button>
          ) : !done ? (
            <button
              type="button"
              className={smallButton}
              aria-expanded={snoozing}
              aria-controls={`${id}-snooze`}
              onClick={() => {
                update.reset();
                setSnoozing((was) => !was);
              }}
            >
              {t("item.snooze")}
            </button>
          ) : null}
          {update.isPending ? <Spinner /> : null}
        </div>
        {snoozing ? (
          <SnoozeForm
            id={`${id}-snooze`}
            busy={update.isPending}
            onCancel={() => {
              update.reset();
              setSnoozing(false);
            }}
            onSnooze={(until) =>
              update.mutate(
                { ids: [item.id], snoozedUntil: until.toISOString() },
                {
                  onSuccess: () => {
                    setSnoozing(false);
                    onNotice({
                      text: t("notices.snoozed", { time: format.dateTime(until, "dateTime") }),
                      removed: leaves({ snoozed: true }),
                    });
                  },
                },
              )
            }
          />
        ) : null}
        {update.isError ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
            <p className="font-semibold">{t("item.failed")}</p>
            <p className="mt-1">{toApiProblem(update.error).message}</p>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** Snooze until a day: the notification comes back to the inbox at 08:00 that day, in the reader's zone. */
function SnoozeForm({
  id,
  busy,
  onSnooze,
  onCancel,
}: {
  id: string;
  busy: boolean;
  onSnooze: (until: Date) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("notifications.item");
  const timeZone = useTimeZone() ?? "UTC";
  const [day, setDay] = useState(() => nextDay(todayIn(timeZone)));
  const [missing, setMissing] = useState(false);
  return (
    <form
      id={id}
      noValidate
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-slate-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const until = day ? wallTimeToDate(`${day}T${SNOOZE_HOUR}`, timeZone) : null;
        setMissing(until === null);
        if (until) onSnooze(until);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-day`} className="text-sm font-semibold text-slate-900">
          {t("snoozeUntil")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {t("snoozeHint", { timeZone })}
        </p>
        <input
          id={`${id}-day`}
          type="date"
          value={day}
          onChange={(event) => setDay(event.target.value)}
          aria-describedby={missing ? `${id}-hint ${id}-missing` : `${id}-hint`}
          aria-invalid={missing || undefined}
          className={`${inputClass} max-w-[12rem]`}
        />
        {missing ? (
          <p id={`${id}-missing`} className="text-sm font-medium text-red-800">
            {t("chooseDate")}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} aria-disabled={busy || undefined}>
          {busy ? <Spinner tone="light" /> : null}
          {busy ? t("snoozing") : t("snoozeSubmit")}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
