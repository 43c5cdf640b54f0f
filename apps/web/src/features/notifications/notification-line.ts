"use client";

import { DECISION_OUTCOMES, type DecisionOutcome } from "@lodestone/domain/enums";
import { ACTIVITY_EVENT_TYPES } from "@lodestone/domain/notifications";
import {
  GATE_KINDS,
  LEDGER_ENTRY_KINDS,
  PERMIT_INSTRUMENTS,
  type GateKind,
  type LedgerEntryKind,
  type PermitInstrument,
} from "@lodestone/domain/vocabulary";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import type { InboxItem } from "./types";

type ActivityEventType = (typeof ACTIVITY_EVENT_TYPES)[number];

const isActivityEvent = (type: string | null): type is ActivityEventType =>
  (ACTIVITY_EVENT_TYPES as readonly (string | null)[]).includes(type);
const isOutcome = (v: unknown): v is DecisionOutcome => (DECISION_OUTCOMES as readonly unknown[]).includes(v);
const isGateKind = (v: unknown): v is GateKind => (GATE_KINDS as readonly unknown[]).includes(v);
const isEntryKind = (v: unknown): v is LedgerEntryKind =>
  (LEDGER_ENTRY_KINDS as readonly unknown[]).includes(v);
const isPermitInstrument = (v: unknown): v is PermitInstrument =>
  (PERMIT_INSTRUMENTS as readonly unknown[]).includes(v);
const CALENDAR = /^\d{4}-\d{2}-\d{2}$/;

/** A milestone's title in `locale` (else the other language), from a notification's data. */
export function titleFromData(data: Record<string, unknown>, locale: string): string {
  const title = data.title;
  if (!title || typeof title !== "object") return "";
  const { en, ja } = title as { en?: unknown; ja?: unknown };
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  return locale === "ja" ? text(ja) || text(en) : text(en) || text(ja);
}

/** The sentence that says what a notification is about, in the reader's language. */
export function useNotificationLine(): (
  item: Pick<InboxItem, "reason" | "eventType" | "actorName" | "data">,
) => string {
  const t = useTranslations("notifications.line");
  const tActivity = useTranslations("notifications.activity");
  const tOutcome = useTranslations("decision.outcome");
  const tGateKind = useTranslations("enums.gateKind");
  const tEntryKind = useTranslations("enums.ledgerEntryKind");
  const tInstrument = useTranslations("enums.permitInstrument");
  const format = useFormatter();
  const locale = useLocale();

  /** A calendar day from a notification's data, shown as the day it is (in no time zone). */
  const calendar = (value: unknown) =>
    typeof value === "string" && CALENDAR.test(value)
      ? format.dateTime(calendarDay(value), CALENDAR_DATE)
      : "";

  return (item) => {
    const title = titleFromData(item.data, locale);
    const actor = item.actorName ?? t("someone");
    switch (item.reason) {
      case "VOTE_DUE":
      case "ROUND_CLOSING":
      case "CHANGES_REQUESTED":
        return t(item.reason);
      case "DECISION": {
        const outcome = item.data.outcome;
        return isOutcome(outcome) ? t("decisionOutcome", { outcome: tOutcome(outcome) }) : t("DECISION");
      }
      case "MENTION":
      case "REPLY":
        return t(item.reason, { actor });
      case "MILESTONE_ASSIGNED":
        return t("MILESTONE_ASSIGNED", { title });
      case "MILESTONE_DUE": {
        const date = calendar(item.data.dueDate);
        return item.data.overdue === true
          ? t("milestoneOverdue", { date, title })
          : t("milestoneDue", { date, title });
      }
      case "PERMIT_ATTENTION": {
        // A missed permitting date (its milestone, target and working days late), or a pause
        // whose quarterly summary is overdue.
        if (typeof item.data.summaryDue === "string") {
          return t("pauseSummaryOverdue", { date: calendar(item.data.summaryDue) });
        }
        const missedBy = typeof item.data.missedBy === "number" ? item.data.missedBy : 0;
        return t("permitMissed", { date: calendar(item.data.dueDate), days: missedBy, title });
      }
      case "ACTIVITY": {
        if (!isActivityEvent(item.eventType)) return t("activityOther");
        const label = tActivity(item.eventType);
        // What it is about: a milestone's title, a gate, or the kind of a funding entry.
        const about = title
          ? title
          : isGateKind(item.data.gateKind)
            ? tGateKind(item.data.gateKind)
            : isEntryKind(item.data.entryKind)
              ? tEntryKind(item.data.entryKind)
              : isPermitInstrument(item.data.instrument)
                ? tInstrument(item.data.instrument)
                : "";
        return about ? t("activityWithTitle", { label, title: about }) : label;
      }
    }
  };
}
