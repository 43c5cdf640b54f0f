// The domain's rules as SQL, for the queries that must filter or count the way the rule decides
// (lists, the dashboard, exports). Each fragment is built from the domain's own definition (its
// description of who sees what, its list of finished statuses) and is checked against the pure
// rule on generated rows in rule-sql.test.ts, on PGlite and on PostgreSQL.
import type { ProjectVisibility } from "@lodestone/domain/access";
import { FINISHED_MILESTONE_STATUSES } from "@lodestone/domain/delivery";
import { Prisma } from "../generated/prisma/client.js";

/** A table alias in a fragment (a fixed identifier of ours, never user input). */
type Alias = "p" | "m";

const col = (alias: Alias, column: string) => Prisma.raw(`${alias}."${column}"`);

/**
 * `canSeeProject` as a condition on the project row `p` (`projectVisibility` describes the reader):
 * ever submitted, or the reader's own organisation's, or public to partners.
 */
export function visibleProjectSql(v: ProjectVisibility, p: Alias = "p"): Prisma.Sql {
  if (v.kind === "submitted") return Prisma.sql`${col(p, "submittedAt")} IS NOT NULL`;
  const statuses = Prisma.join(v.publicStatuses.map((s) => Prisma.sql`${s}::"ProjectStatus"`));
  return v.organisationId
    ? Prisma.sql`(${col(p, "organisationId")} = ${v.organisationId}::uuid OR ${col(p, "status")} IN (${statuses}))`
    : Prisma.sql`${col(p, "status")} IN (${statuses})`;
}

/** The calendar date it is at `now` in the time zone named by `zone` (`dateIn`). */
export function todayInSql(now: Date, zone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${now}::timestamptz AT TIME ZONE ${zone})::date`;
}

/** `!isFinished` as a condition on the milestone row `m`. */
export function openMilestoneSql(m: Alias = "m"): Prisma.Sql {
  const finished = Prisma.join(FINISHED_MILESTONE_STATUSES.map((s) => Prisma.sql`${s}::"MilestoneStatus"`));
  return Prisma.sql`${col(m, "status")} NOT IN (${finished})`;
}

/** `dueState` of the milestone row `m` when it is `today` where it is due: 'overdue', 'dueToday' or NULL. */
export function dueStateSql(today: Prisma.Sql, m: Alias = "m"): Prisma.Sql {
  const due = col(m, "dueDate");
  return Prisma.sql`CASE WHEN NOT (${openMilestoneSql(m)}) THEN NULL
    WHEN ${due} < ${today} THEN 'overdue' WHEN ${due} = ${today} THEN 'dueToday' END`;
}

/** `isDueThisMonth` of the milestone row `m` when it is `today` where it is due. */
export function dueThisMonthSql(today: Prisma.Sql, m: Alias = "m"): Prisma.Sql {
  const due = col(m, "dueDate");
  return Prisma.sql`(${openMilestoneSql(m)} AND ${due} >= date_trunc('month', ${today})
    AND ${due} < date_trunc('month', ${today}) + interval '1 month')`;
}
