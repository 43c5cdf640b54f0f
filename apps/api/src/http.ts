import { randomUUID } from "node:crypto";
import helmet from "@fastify/helmet";
import type { Database } from "@lodestone/db/client";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { createContext } from "./context.js";
import { appRouter, type AppRouter } from "./root.js";

export interface HttpOptions {
  db: Database;
  logLevel?: string;
}

/** The HTTP host: `/trpc` (batching), `/healthz`, JSON logs with a request id. */
export async function buildHttpServer({ db, logLevel = "info" }: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 5000 },
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  await app.register(helmet, { contentSecurityPolicy: false });

  app.get("/healthz", async (_req, reply) => {
    const up = await db.ping();
    return reply
      .code(up ? 200 : 503)
      .send({ status: up ? "ok" : "unavailable", database: up ? "up" : "down", kind: db.kind });
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => createContext(db, req),
      onError({ error, path, req }) {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          req.log.error({ err: error.cause ?? error, path }, "procedure failed");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
  return app;
}
