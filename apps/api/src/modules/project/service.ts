import { listProjects as listProjectRows } from "@lodestone/db/repositories/project";
import type { ListProjectsQuery, Page, ProjectListItem } from "@lodestone/domain/project-list";
import type { Context } from "../../context.js";

export function listProjects({
  ctx,
  input,
}: {
  ctx: Context;
  input: ListProjectsQuery;
}): Promise<Page<ProjectListItem>> {
  return listProjectRows(ctx.db.prisma, input);
}
