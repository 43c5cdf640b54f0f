import { pipelineFigures } from "@lodestone/db/repositories/dashboard";
import { milestonesForExport, projectsForExport } from "@lodestone/db/repositories/project";
import { projectVisibility } from "@lodestone/domain/access";
import { progressOf } from "@lodestone/domain/delivery";
import { stringify } from "csv-stringify/sync";
import type { SignedInContext } from "../../context.js";

/** Where the pipeline stands, for everyone who is signed in (within what they may see). */
export function pipeline({ ctx }: { ctx: SignedInContext }) {
  return pipelineFigures(ctx.db.prisma, projectVisibility(ctx.user), ctx.now());
}

// UTF-8 with a byte-order mark, so Excel (Japanese Windows included) opens it as UTF-8.
const BOM = "\uFEFF";
const csv = (header: string[], rows: unknown[][]) =>
  BOM + stringify([header, ...rows], { record_delimiter: "\r\n" });

export interface CsvFile {
  filename: string;
  content: string;
}

export async function projectsCsv({ ctx }: { ctx: SignedInContext }): Promise<CsvFile> {
  const rows = await projectsForExport(ctx.db.prisma, projectVisibility(ctx.user));
  return {
    filename: `lodestone-projects-${ctx.now().toISOString().slice(0, 10)}.csv`,
    content: csv(
      [
        "reference",
        "title_en",
        "title_ja",
        "status",
        "commodity",
        "stage",
        "site_country",
        "site_region",
        "capacity_tpy",
        "capex_usd",
        "binding_language",
        "organisation",
        "sponsors",
        "updated_at",
      ],
      rows.map((p) => [
        p.reference,
        p.titleEn,
        p.titleJa,
        p.status,
        p.commodity,
        p.stage,
        p.siteCountry,
        p.siteRegion,
        p.capacityTpy,
        p.capexUsd.toString(),
        p.bindingLanguage,
        p.organisation.name,
        p.sponsors
          .map((s) => s.delegation.code)
          .sort()
          .join(" "),
        p.updatedAt.toISOString(),
      ]),
    ),
  };
}

export async function milestonesCsv({ ctx }: { ctx: SignedInContext }): Promise<CsvFile> {
  const rows = await milestonesForExport(ctx.db.prisma, projectVisibility(ctx.user));
  // Every milestone of each exported project is here, so parents roll up as on the delivery tree.
  const progress = progressOf(rows).byId;
  return {
    filename: `lodestone-milestones-${ctx.now().toISOString().slice(0, 10)}.csv`,
    content: csv(
      [
        "project",
        "title_en",
        "title_ja",
        "parent",
        "due_date",
        "reference_time_zone",
        "status",
        "progress",
        "weight",
        "assignee",
      ],
      rows.map((m) => [
        m.project.reference,
        m.titleEn,
        m.titleJa,
        m.parent?.titleEn ?? "",
        m.dueDate.toISOString().slice(0, 10),
        m.project.referenceTimeZone,
        m.status,
        progress.get(m.id) ?? m.progress,
        m.weight ?? "",
        m.assigneeUser?.name ?? m.assigneeOrganisation?.name ?? "",
      ]),
    ),
  };
}
