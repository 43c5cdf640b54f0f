import { pipelineFigures } from "@lodestone/db/repositories/dashboard";
import { milestonesForExport, projectsForExport } from "@lodestone/db/repositories/project";
import { projectVisibility } from "@lodestone/domain/access";
import { progressOf } from "@lodestone/domain/delivery";
import type { SignedInContext } from "../../context.js";
import { csvFile, type CsvColumn, type CsvFile } from "../../csv.js";

/** Where the pipeline stands, for everyone who is signed in (within what they may see). */
export function getPipeline({ ctx }: { ctx: SignedInContext }) {
  return pipelineFigures(ctx.db.prisma, projectVisibility(ctx.user), ctx.now());
}

type ProjectRow = Awaited<ReturnType<typeof projectsForExport>>[number];

/** The projects export: a column per fact, headed in the reader's language. */
const PROJECT_COLUMNS: readonly CsvColumn<ProjectRow>[] = [
  { header: { en: "Reference", ja: "参照番号" }, value: (p) => p.reference },
  { header: { en: "Title (English)", ja: "タイトル（英語）" }, value: (p) => p.titleEn },
  { header: { en: "Title (Japanese)", ja: "タイトル（日本語）" }, value: (p) => p.titleJa },
  { header: { en: "Status", ja: "ステータス" }, value: (p) => p.status },
  { header: { en: "Commodity", ja: "鉱種" }, value: (p) => p.commodity },
  { header: { en: "Supply-chain stage", ja: "サプライチェーンの段階" }, value: (p) => p.stage },
  { header: { en: "Site country", ja: "サイトの国" }, value: (p) => p.siteCountry },
  { header: { en: "Site region", ja: "サイトの地域" }, value: (p) => p.siteRegion },
  { header: { en: "Capacity (t/yr)", ja: "生産能力（t/年）" }, value: (p) => p.capacityTpy },
  { header: { en: "Capex (USD)", ja: "設備投資額（米ドル）" }, value: (p) => p.capexUsd },
  { header: { en: "Binding language", ja: "正本の言語" }, value: (p) => p.bindingLanguage },
  { header: { en: "Proposing organisation", ja: "提案組織" }, value: (p) => p.organisationName },
  {
    header: { en: "Sponsoring delegations", ja: "支援代表団" },
    value: (p) => p.sponsors.join(" "),
  },
  { header: { en: "Updated (UTC)", ja: "更新日時（UTC）" }, value: (p) => p.updatedAt.toISOString() },
];

export async function exportProjectsCsv({ ctx }: { ctx: SignedInContext }): Promise<CsvFile> {
  const rows = await projectsForExport(ctx.db.prisma, projectVisibility(ctx.user));
  return csvFile("projects", PROJECT_COLUMNS, rows, ctx.user, ctx.now());
}

type MilestoneRow = Awaited<ReturnType<typeof milestonesForExport>>[number] & { rolledUp: number };

/** The milestones export, headed in the reader's language. */
const MILESTONE_COLUMNS: readonly CsvColumn<MilestoneRow>[] = [
  { header: { en: "Project", ja: "プロジェクト" }, value: (m) => m.projectReference },
  { header: { en: "Title (English)", ja: "タイトル（英語）" }, value: (m) => m.titleEn },
  { header: { en: "Title (Japanese)", ja: "タイトル（日本語）" }, value: (m) => m.titleJa },
  { header: { en: "Parent milestone", ja: "親マイルストーン" }, value: (m) => m.parentTitleEn },
  { header: { en: "Due date", ja: "期限日" }, value: (m) => m.dueDate.toISOString().slice(0, 10) },
  {
    header: { en: "Reference time zone", ja: "基準タイムゾーン" },
    value: (m) => m.referenceTimeZone,
  },
  { header: { en: "Status", ja: "状態" }, value: (m) => m.status },
  { header: { en: "Progress (%)", ja: "進捗（%）" }, value: (m) => m.rolledUp },
  { header: { en: "Weight", ja: "重み" }, value: (m) => m.weight },
  {
    header: { en: "Assignee", ja: "担当" },
    value: (m) => m.assigneeUserName ?? m.assigneeOrganisationName,
  },
];

export async function exportMilestonesCsv({ ctx }: { ctx: SignedInContext }): Promise<CsvFile> {
  const rows = await milestonesForExport(ctx.db.prisma, projectVisibility(ctx.user));
  // Every milestone of each exported project is here, so parents roll up as on the delivery tree.
  const progress = progressOf(rows).byId;
  const rolledUp = rows.map((m) => ({ ...m, rolledUp: progress.get(m.id) ?? m.progress }));
  return csvFile("milestones", MILESTONE_COLUMNS, rolledUp, ctx.user, ctx.now());
}
