import type { AppRouter } from "@lodestone/api/router";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** One notification as `notifications.list` gives it. */
export type InboxItem = Outputs["notifications"]["list"]["items"][number];
/** Whether the reader follows an item, and why (`notifications.followState`). */
export type FollowStateData = Outputs["notifications"]["followState"];
/** What an unsubscribe link turns off (`notifications.unsubscribePreview`). */
export type UnsubscribeScopeView = Outputs["notifications"]["unsubscribePreview"];
/** A notification mail that failed (`notifications.mailProblems`). */
export type MailProblem = Outputs["notifications"]["mailProblems"]["items"][number];
