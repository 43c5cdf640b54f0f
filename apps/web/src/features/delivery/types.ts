import type { AppRouter } from "@lodestone/api/router";
import type { MilestoneView } from "@lodestone/domain/delivery";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `delivery.get` answers: the milestone tree, progress, re-plans, the reference time zone. */
export type DeliveryData = Outputs["delivery"]["get"];
export type Replan = DeliveryData["replans"][number];
export type MyMilestone = Outputs["delivery"]["mine"]["items"][number];
export type Assignee = Outputs["delivery"]["assignees"][number];
export type { MilestoneView };

/** The tree, depth first, each milestone with its depth (0 for top level). */
export function flattenTree(
  nodes: MilestoneView[],
  depth = 0,
): { milestone: MilestoneView; depth: number }[] {
  return nodes.flatMap((milestone) => [{ milestone, depth }, ...flattenTree(milestone.children, depth + 1)]);
}
