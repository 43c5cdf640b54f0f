import { auditRouter } from "./modules/audit/router.js";
import { authRouter } from "./modules/auth/router.js";
import { commentRouter } from "./modules/comment/router.js";
import { dashboardRouter } from "./modules/dashboard/router.js";
import { delegationRouter } from "./modules/delegation/router.js";
import { deliveryRouter } from "./modules/delivery/router.js";
import { documentsRouter } from "./modules/documents/router.js";
import { fundingRouter } from "./modules/funding/router.js";
import { gatesRouter } from "./modules/gates/router.js";
import { permittingRouter } from "./modules/permitting/router.js";
import { devRouter } from "./modules/dev/router.js";
import { liveRouter } from "./modules/live/router.js";
import { notificationsRouter } from "./modules/notifications/router.js";
import { projectRouter } from "./modules/project/router.js";
import { reviewRouter } from "./modules/review/router.js";
import { userRouter } from "./modules/user/router.js";
import { createCallerFactory, router } from "./trpc.js";

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  comment: commentRouter,
  dashboard: dashboardRouter,
  delegation: delegationRouter,
  delivery: deliveryRouter,
  dev: devRouter,
  documents: documentsRouter,
  gates: gatesRouter,
  funding: fundingRouter,
  permitting: permittingRouter,
  live: liveRouter,
  notifications: notificationsRouter,
  project: projectRouter,
  review: reviewRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
