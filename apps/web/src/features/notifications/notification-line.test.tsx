import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { useNotificationLine } from "./notification-line";
import type { InboxItem } from "./types";

type Line = Pick<InboxItem, "reason" | "eventType" | "actorName" | "data">;

function Lines({ items }: { items: Line[] }) {
  const line = useNotificationLine();
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{line(item)}</li>
      ))}
    </ul>
  );
}

const title = { en: "Pilot plant commissioning", ja: "パイロットプラントの試運転" };
const ITEMS: Line[] = [
  { reason: "VOTE_DUE", eventType: "review_round.opened", actorName: "Thomas Reyes", data: {} },
  { reason: "ROUND_CLOSING", eventType: null, actorName: null, data: {} },
  {
    reason: "DECISION",
    eventType: "decision.recorded",
    actorName: "Thomas Reyes",
    data: { outcome: "APPROVED" },
  },
  { reason: "MENTION", eventType: "comment.posted", actorName: "Margaret Ellison", data: {} },
  { reason: "REPLY", eventType: "comment.posted", actorName: null, data: {} },
  { reason: "CHANGES_REQUESTED", eventType: "decision.recorded", actorName: null, data: {} },
  { reason: "MILESTONE_ASSIGNED", eventType: "milestone.created", actorName: null, data: { title } },
  { reason: "MILESTONE_DUE", eventType: null, actorName: null, data: { title, dueDate: "2026-03-01" } },
  {
    reason: "MILESTONE_DUE",
    eventType: null,
    actorName: null,
    data: { title, dueDate: "2026-03-01", overdue: true },
  },
  { reason: "ACTIVITY", eventType: "project.resubmitted", actorName: null, data: {} },
  { reason: "ACTIVITY", eventType: "milestone.reported", actorName: null, data: { title } },
  { reason: "ACTIVITY", eventType: "document.added", actorName: null, data: { documentId: "d1" } },
  { reason: "ACTIVITY", eventType: "document.version_added", actorName: null, data: { documentId: "d1" } },
  { reason: "ACTIVITY", eventType: "project.edited", actorName: null, data: {} },
  {
    reason: "ACTIVITY",
    eventType: "gate.submitted",
    actorName: null,
    data: { gateId: "g1", gateKind: "SCOPING", gateState: "SUBMITTED" },
  },
  {
    reason: "ACTIVITY",
    eventType: "gate.passed",
    actorName: null,
    data: { gateId: "g1", gateKind: "PRE_FEASIBILITY", gateState: "PASSED" },
  },
  { reason: "ACTIVITY", eventType: "gate.waived", actorName: null, data: { gateKind: "PERMITS" } },
  { reason: "ACTIVITY", eventType: "gate.failed", actorName: null, data: { gateKind: "OFFTAKE" } },
  {
    reason: "ACTIVITY",
    eventType: "funding.facility_opened",
    actorName: null,
    data: { facilityId: "f1", entryKind: "PLEDGE" },
  },
  {
    reason: "ACTIVITY",
    eventType: "funding.entry_recorded",
    actorName: null,
    data: { facilityId: "f1", entryKind: "COMMITMENT" },
  },
  {
    reason: "PERMIT_ATTENTION",
    eventType: null,
    actorName: null,
    data: {
      authorizationId: "a1",
      permitMilestoneId: "m1",
      dueDate: "2026-03-02",
      missedBy: 4,
      title: { en: "Draft environmental impact statement", ja: "環境影響評価書案（DEIS）" },
    },
  },
  {
    reason: "PERMIT_ATTENTION",
    eventType: null,
    actorName: null,
    data: { pauseId: "p1", summaryDue: "2026-04-10" },
  },
  {
    reason: "ACTIVITY",
    eventType: "permit.date_changed",
    actorName: null,
    data: { authorizationId: "a1", jurisdiction: "JP_NATIONAL", instrument: "JP_EIA" },
  },
];

const texts = () => screen.getAllByRole("listitem").map((li) => li.textContent);

describe("useNotificationLine", () => {
  it("says what each notification is about, in English", () => {
    // The due date is a calendar day: the same day whatever the reader's zone.
    renderWithProviders(<Lines items={ITEMS} />, { timeZone: "Pacific/Honolulu" });
    expect(texts()).toEqual([
      "Your vote is due",
      "The round closes within 24 hours and you have not voted",
      "A decision was recorded: Approved",
      "Margaret Ellison mentioned you",
      "Someone replied to you",
      "Changes were requested on your proposal",
      "A milestone was assigned to you: Pilot plant commissioning",
      "Milestone due Mar 1, 2026: Pilot plant commissioning",
      "Milestone overdue since Mar 1, 2026: Pilot plant commissioning",
      "A revised proposal was submitted",
      "Progress was reported on a milestone: Pilot plant commissioning",
      "A document was added to the data room",
      "A new version of a document was uploaded",
      "New activity",
      "A gate was submitted for sign-off: Scoping",
      "A gate was passed: Pre-feasibility",
      "A gate was waived: Permits",
      "A gate was failed: Offtake",
      "A funding facility was opened: Pledge",
      "Funding was recorded: Commitment",
      "Permitting date Mar 2, 2026 missed by 4 working days: Draft environmental impact statement",
      "The summary of the permitting pause is overdue (due Apr 10, 2026)",
      "A permitting date was moved: Environmental Impact Assessment Act (Japan)",
    ]);
  });

  it("and in Japanese, with the milestone's Japanese title", () => {
    renderWithProviders(<Lines items={ITEMS} />, { locale: "ja", timeZone: "Pacific/Kiritimati" });
    expect(texts()).toEqual([
      "投票をお願いします",
      "ラウンドは24時間以内に締め切られますが、まだ投票していません",
      "決定が記録されました：承認",
      "Margaret Ellisonさんがあなたをメンションしました",
      "誰かさんがあなたに返信しました",
      "あなたの提案に修正が求められました",
      "マイルストーンが割り当てられました：パイロットプラントの試運転",
      "マイルストーンの期限が近づいています（2026/03/01）：パイロットプラントの試運転",
      "マイルストーンの期限が過ぎています（2026/03/01）：パイロットプラントの試運転",
      "改訂された提案が提出されました",
      "マイルストーンの進捗が報告されました：パイロットプラントの試運転",
      "データルームに文書が追加されました",
      "文書の新しい版がアップロードされました",
      "新しい動き",
      "ゲートが承認申請されました：スコーピング",
      "ゲートを通過しました：予備的実行可能性調査",
      "ゲートが免除されました：許認可",
      "ゲートが不合格になりました：引取契約",
      "資金ファシリティが開設されました：拠出表明",
      "資金が記帳されました：確約",
      "許認可の期限を過ぎています（2026/03/02、4営業日超過）：環境影響評価書案（DEIS）",
      "許認可の一時停止報告の期限が過ぎています（2026/04/10）",
      "許認可の日程が変更されました：環境影響評価法に基づく環境アセスメント",
    ]);
  });
});
