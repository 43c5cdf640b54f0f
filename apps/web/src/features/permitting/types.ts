import type { AppRouter } from "@lodestone/api/router";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `permitting.get` answers: a project's permitting timetable as the reader sees it, and what they may do. */
export type PermittingData = Outputs["permitting"]["get"];
export type Authorization = PermittingData["authorizations"][number];
export type PermitMilestone = Authorization["milestones"][number];
export type DateChange = PermittingData["changes"][number];
export type OpenPause = NonNullable<PermittingData["pause"]>;
export type PastPause = PermittingData["pastPauses"][number];
/** The permitting page across projects (`permitting.overview`). */
export type PermittingOverview = Outputs["permitting"]["overview"];
export type OverviewRow = PermittingOverview["rows"][number];
export type AuthorityStats = PermittingOverview["stats"][number];
