import { listProjects as listProjectRows } from "@lodestone/db/repositories/project";
import { projectVisibility } from "@lodestone/domain/access";
import type { Page } from "@lodestone/domain/page";
import type { ListProjectsQuery, ProjectListItem } from "@lodestone/domain/project-list";
import type { Context } from "../../context.js";

export function listProjects({
  ctx,
  input,
}: {
  ctx: Context;
  input: ListProjectsQuery;
}): Promise<Page<ProjectListItem>> {
  // Until the web signs people in, a signed-out caller sees what a delegate sees.
  const visibility = ctx.session ? projectVisibility(ctx.session) : ({ kind: "submitted" } as const);
  return listProjectRows(ctx.db.prisma, visibility, input);
}
