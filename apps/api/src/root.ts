import { projectRouter } from "./modules/project/router.js";
import { createCallerFactory, router } from "./trpc.js";

export const appRouter = router({
  project: projectRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
