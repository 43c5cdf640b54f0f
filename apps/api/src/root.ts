import { authRouter } from "./modules/auth/router.js";
import { delegationRouter } from "./modules/delegation/router.js";
import { devRouter } from "./modules/dev/router.js";
import { projectRouter } from "./modules/project/router.js";
import { userRouter } from "./modules/user/router.js";
import { createCallerFactory, router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  delegation: delegationRouter,
  dev: devRouter,
  project: projectRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
