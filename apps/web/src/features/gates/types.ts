import type { AppRouter } from "@lodestone/api/router";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `gates.get` answers: a project's gate sequence as the reader sees it, and what they may do. */
export type GatesData = Outputs["gates"]["get"];
export type GateView = GatesData["gates"][number];
export type GateAction = GateView["actions"][number];
export type GateProblem = GateView["problems"][number];
export type GateSignatory = GatesData["signatories"][number];
/** Whom a coordinator may designate and name as a gate's owner (`gates.people`). */
export type GatePeople = Outputs["gates"]["people"];
/** The dashboard's gate panel (`gates.overview`). */
export type GateOverview = Outputs["gates"]["overview"];
/** A project's current gate as lists show it. */
export interface CurrentGate {
  kind: GateView["kind"];
  state: GateView["state"];
  days: number;
}
