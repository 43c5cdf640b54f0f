import type { MailContent, MailEntry } from "@lodestone/db/repositories/notifications";
import { notificationPath, type NotificationReason } from "@lodestone/domain/notifications";
import type { EventType } from "@lodestone/domain/events";
import type { Mail } from "../../mailer.js";
import type { UnsubscribeTokens } from "./unsubscribe-token.js";

// Notification mails, in the person's language and time zone: an "immediately" mail for one item,
// or a digest grouped by project, newest first. Every mail carries one-click unsubscribe links
// (RFC 8058) for each item and each reason in it, and the header for the whole mail.

type Locale = "en" | "ja";

const EVENT_LABEL: Record<Locale, Partial<Record<EventType, string>>> = {
  en: {
    "project.submitted": "The proposal was submitted",
    "project.resubmitted": "A revised proposal was submitted",
    "project.withdrawn": "The proposal was withdrawn",
    "project.delivery_started": "Delivery started",
    "project.completed": "The project was completed",
    "review_round.opened": "A review round opened",
    "review_round.closed_at_time": "The review round closed",
    "decision.recorded": "A decision was recorded",
    "comment.posted": "New comment",
    "milestone.created": "A milestone was planned",
    "milestone.replanned": "A milestone was replanned",
    "milestone.reported": "Progress was reported on a milestone",
    "document.added": "A document was added to the data room",
    "document.version_added": "A new version of a document was added",
    "gate.submitted": "A stage gate was submitted for sign-off",
    "gate.passed": "A stage gate was passed",
    "gate.failed": "A stage gate failed",
    "gate.waived": "A stage gate was waived",
    "funding.facility_opened": "Funding was pledged",
    "funding.entry_recorded": "Funding was recorded",
    "permit.authorization_added": "An authorization was added to the permitting timetable",
    "permit.outcome_set": "An authorization was denied or withdrawn",
    "permit.date_changed": "A permitting date moved",
    "permit.date_change_requested": "A permitting date change awaits a determination",
    "permit.date_change_decided": "A permitting date change was decided",
    "permit.milestone_completed": "A permitting milestone was completed",
    "permit.paused": "The project's permitting was paused",
    "permit.resumed": "The project's permitting resumed",
  },
  ja: {
    "project.submitted": "提案が提出されました",
    "project.resubmitted": "改訂された提案が提出されました",
    "project.withdrawn": "提案が取り下げられました",
    "project.delivery_started": "実施が始まりました",
    "project.completed": "プロジェクトが完了しました",
    "review_round.opened": "審査ラウンドが始まりました",
    "review_round.closed_at_time": "審査ラウンドが締め切られました",
    "decision.recorded": "決定が記録されました",
    "comment.posted": "新しいコメント",
    "milestone.created": "マイルストーンが計画されました",
    "milestone.replanned": "マイルストーンの日程が変更されました",
    "milestone.reported": "マイルストーンの進捗が報告されました",
    "document.added": "データルームに文書が追加されました",
    "document.version_added": "文書の新しい版が追加されました",
    "gate.submitted": "ステージゲートが承認申請されました",
    "gate.passed": "ステージゲートを通過しました",
    "gate.failed": "ステージゲートが不合格になりました",
    "gate.waived": "ステージゲートが免除されました",
    "funding.facility_opened": "資金拠出が表明されました",
    "funding.entry_recorded": "資金の記帳がありました",
    "permit.authorization_added": "許認可スケジュールに許認可が追加されました",
    "permit.outcome_set": "許認可が却下または取り下げられました",
    "permit.date_changed": "許認可の目標日が変更されました",
    "permit.date_change_requested": "許認可の日程変更が判断待ちです",
    "permit.date_change_decided": "許認可の日程変更が判断されました",
    "permit.milestone_completed": "許認可のマイルストーンが完了しました",
    "permit.paused": "許認可手続きが一時停止されました",
    "permit.resumed": "許認可手続きが再開されました",
  },
};

const OUTCOME: Record<Locale, Record<string, string>> = {
  en: { APPROVED: "approved", REJECTED: "rejected", CHANGES_REQUESTED: "changes requested" },
  ja: { APPROVED: "承認", REJECTED: "却下", CHANGES_REQUESTED: "修正要求" },
};

/** Each reason's name, as the preferences and the unsubscribe links call it. */
export const REASON_NAME: Record<Locale, Record<NotificationReason, string>> = {
  en: {
    VOTE_DUE: "your vote is due",
    ROUND_CLOSING: "a round closes soon and you have not voted",
    DECISION: "decisions",
    MENTION: "mentions",
    REPLY: "replies to you",
    CHANGES_REQUESTED: "changes requested on your proposals",
    MILESTONE_ASSIGNED: "milestones assigned to you",
    MILESTONE_DUE: "milestones due or overdue",
    PERMIT_ATTENTION: "missed permitting dates and overdue pause summaries",
    ACTIVITY: "activity on what you follow",
  },
  ja: {
    VOTE_DUE: "投票の依頼",
    ROUND_CLOSING: "締切が近い未投票のラウンド",
    DECISION: "決定",
    MENTION: "メンション",
    REPLY: "あなたへの返信",
    CHANGES_REQUESTED: "提案への修正要求",
    MILESTONE_ASSIGNED: "割り当てられたマイルストーン",
    MILESTONE_DUE: "期限間近・期限切れのマイルストーン",
    PERMIT_ATTENTION: "許認可の期日超過・一時停止の報告遅れ",
    ACTIVITY: "フォロー中の項目の動き",
  },
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

function titleOf(entry: MailEntry, locale: Locale): string {
  const t = entry.data.title as { en?: string; ja?: string } | undefined;
  return (locale === "ja" ? t?.ja : t?.en) ?? t?.en ?? "";
}

/** One line saying what happened and why it reached this person. */
export function entryLine(entry: MailEntry, locale: Locale): string {
  const who = entry.actorName ?? (locale === "ja" ? "誰か" : "Someone");
  const title = titleOf(entry, locale);
  const d = entry.data;
  if (locale === "ja") {
    switch (entry.reason) {
      case "VOTE_DUE":
        return `投票をお願いします：審査ラウンドが始まりました（改訂 ${str(d.revision) || String(d.revision ?? "")}）`;
      case "ROUND_CLOSING":
        return "ラウンドは24時間以内に締め切られますが、まだ投票していません";
      case "DECISION":
        return `決定が記録されました：${OUTCOME.ja[str(d.outcome)] ?? ""}`;
      case "MENTION":
        return `${who}さんがコメントであなたをメンションしました`;
      case "REPLY":
        return `${who}さんがあなたのコメントに返信しました`;
      case "CHANGES_REQUESTED":
        return "あなたの提案に修正が求められました";
      case "MILESTONE_ASSIGNED":
        return `マイルストーンが割り当てられました：${title}`;
      case "MILESTONE_DUE":
        return d.overdue
          ? `マイルストーンの期限が過ぎています（${str(d.dueDate)}）：${title}`
          : `マイルストーンの期限が近づいています（${str(d.dueDate)}）：${title}`;
      case "PERMIT_ATTENTION":
        return d.summaryDue
          ? `一時停止の定期報告（${str(d.summaryDue)} 期限）が提出されていません`
          : `許認可の目標日（${str(d.dueDate)}）を ${String(d.missedBy ?? "")} 営業日過ぎています：${title}`;
      case "ACTIVITY":
        return `${EVENT_LABEL.ja[entry.eventType ?? "project.edited"] ?? "新しい動き"}${title ? `：${title}` : ""}`;
    }
  }
  switch (entry.reason) {
    case "VOTE_DUE":
      return `Your vote is due: a review round opened (revision ${String(d.revision ?? "")})`;
    case "ROUND_CLOSING":
      return "The round closes within 24 hours and you have not voted";
    case "DECISION":
      return `A decision was recorded: ${OUTCOME.en[str(d.outcome)] ?? ""}`;
    case "MENTION":
      return `${who} mentioned you in a comment`;
    case "REPLY":
      return `${who} replied to your comment`;
    case "CHANGES_REQUESTED":
      return "Changes were requested on your proposal";
    case "MILESTONE_ASSIGNED":
      return `A milestone was assigned to you: ${title}`;
    case "MILESTONE_DUE":
      return d.overdue
        ? `Milestone overdue since ${str(d.dueDate)}: ${title}`
        : `Milestone due ${str(d.dueDate)}: ${title}`;
    case "PERMIT_ATTENTION":
      return d.summaryDue
        ? `The pause summary due ${str(d.summaryDue)} has not been written`
        : `Permitting date ${str(d.dueDate)} missed by ${String(d.missedBy ?? "")} working days: ${title}`;
    case "ACTIVITY":
      return `${EVENT_LABEL.en[entry.eventType ?? "project.edited"] ?? "New activity"}${title ? `: ${title}` : ""}`;
  }
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const T = {
  en: {
    immediateSubject: (line: string, ref: string) => `[${ref}] ${line}`,
    dailySubject: (n: number) => `Lodestone daily digest: ${n} notification${n === 1 ? "" : "s"}`,
    weeklySubject: (n: number) => `Lodestone weekly digest: ${n} notification${n === 1 ? "" : "s"}`,
    greeting: (name: string) => `Hello ${name},`,
    open: "Open",
    muteItem: "Stop notifications about this item",
    offReason: (r: string) => `Stop emails about ${r}`,
    offDigest: "Stop this digest",
    inbox: "Your inbox",
    preferences: "Change what you receive",
    why: "You receive this because you follow these items or are part of them.",
  },
  ja: {
    immediateSubject: (line: string, ref: string) => `[${ref}] ${line}`,
    dailySubject: (n: number) => `Lodestone 日次ダイジェスト：通知 ${n} 件`,
    weeklySubject: (n: number) => `Lodestone 週次ダイジェスト：通知 ${n} 件`,
    greeting: (name: string) => `${name} 様`,
    open: "開く",
    muteItem: "この項目の通知を止める",
    offReason: (r: string) => `「${r}」のメールを止める`,
    offDigest: "このダイジェストを止める",
    inbox: "受信箱",
    preferences: "受け取る内容を変更する",
    why: "フォロー中または関係する項目についてお知らせしています。",
  },
} as const;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and zone (making one costs more than rendering a mail). */
function timeFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
      timeZone,
      dateStyle: "medium",
      timeStyle: "short",
    });
    timeFormats.set(key, format);
  }
  return format;
}

export interface RenderOptions {
  webUrl: string;
  tokens: UnsubscribeTokens;
}

/** The mail for `content` (its entries already filtered to what is to be sent). */
export function renderMail(content: MailContent, options: RenderOptions): Mail {
  const locale: Locale = content.user.locale === "ja" ? "ja" : "en";
  const t = T[locale];
  const web = options.webUrl.replace(/\/$/, "");
  const unsubscribeUrl = (token: string) => `${web}/api/unsubscribe?token=${encodeURIComponent(token)}`;
  const formatTime = timeFormat(locale, content.user.timeZone);
  const userId = content.user.id;

  // Grouped by project (the project of the newest entry first), each group newest first.
  const groups = new Map<string, MailEntry[]>();
  for (const e of content.entries) groups.set(e.project.id, [...(groups.get(e.project.id) ?? []), e]);

  const items = new Map<string, { type: MailEntry["subject"]["type"]; id: string }>();
  const reasons = new Set<NotificationReason>();
  for (const e of content.entries) {
    items.set(`${e.subject.type}:${e.subject.id}`, e.subject);
    reasons.add(e.reason);
  }

  const headerToken =
    content.kind === "IMMEDIATE"
      ? options.tokens.create(userId, { kind: "item", subject: content.entries[0]!.subject })
      : options.tokens.create(userId, { kind: "channel", channel: content.kind });

  const text: string[] = [t.greeting(content.user.name), ""];
  const html: string[] = [`<p>${escape(t.greeting(content.user.name))}</p>`];
  for (const entries of groups.values()) {
    const p = entries[0]!.project;
    const projectTitle = `${p.reference} · ${locale === "ja" ? p.titleJa : p.titleEn}`;
    text.push(`== ${projectTitle} ==`);
    html.push(`<h2 style="font-size:16px">${escape(projectTitle)}</h2><ul>`);
    for (const e of entries) {
      const line = entryLine(e, locale);
      const url = `${web}${notificationPath(e)}`;
      const when = formatTime.format(new Date(e.createdAt));
      text.push(`- ${line} (${when})`, `  ${url}`);
      html.push(
        `<li data-notification="${e.id}">${escape(line)} <small>(${escape(when)})</small> — <a href="${escape(url)}">${escape(t.open)}</a></li>`,
      );
    }
    text.push("");
    html.push("</ul>");
  }

  text.push(t.why, "");
  html.push(`<hr><p style="font-size:12px;color:#555">${escape(t.why)}</p><ul style="font-size:12px">`);
  const footerLink = (label: string, url: string) => {
    text.push(`${label}: ${url}`);
    html.push(`<li><a href="${escape(url)}">${escape(label)}</a></li>`);
  };
  for (const subject of items.values()) {
    const entry = content.entries.find((e) => e.subject.id === subject.id)!;
    const name = `${t.muteItem} (${entry.project.reference}${subject.type === "PROJECT" ? "" : ` · ${subject.type.toLowerCase()}`})`;
    footerLink(name, unsubscribeUrl(options.tokens.create(userId, { kind: "item", subject })));
  }
  for (const reason of reasons) {
    footerLink(
      t.offReason(REASON_NAME[locale][reason]),
      unsubscribeUrl(options.tokens.create(userId, { kind: "reason", reason })),
    );
  }
  if (content.kind !== "IMMEDIATE") footerLink(t.offDigest, unsubscribeUrl(headerToken));
  footerLink(t.inbox, `${web}/inbox`);
  footerLink(t.preferences, `${web}/profile#notifications`);
  html.push("</ul>");

  const n = content.entries.length;
  const subject =
    content.kind === "IMMEDIATE"
      ? t.immediateSubject(entryLine(content.entries[0]!, locale), content.entries[0]!.project.reference) +
        (n > 1 ? (locale === "ja" ? `（ほか ${n - 1} 件）` : ` (+${n - 1} more)`) : "")
      : content.kind === "DAILY"
        ? t.dailySubject(n)
        : t.weeklySubject(n);

  return {
    to: content.user.email,
    subject,
    text: text.join("\n"),
    html: `<!doctype html><html lang="${locale}"><body>${html.join("\n")}</body></html>`,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl(headerToken)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Content-Language": locale,
    },
    messageId: `<${content.key.replace(/[^A-Za-z0-9.-]/g, ".")}@lodestone.notifications>`,
  };
}
