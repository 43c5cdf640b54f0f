import { randomUUID } from "node:crypto";
import helmet from "@fastify/helmet";
import { INTERNAL_SECRET_HEADER } from "@lodestone/auth/secrets";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify from "fastify";
import { pino, type Logger } from "pino";
import { createContext, type Services } from "./context.js";
import { RateLimited } from "./rate-limit.js";
import { appRouter, type AppRouter } from "./root.js";

export interface HttpOptions {
  services: Services;
  logger: Logger;
  /** Proxies whose X-Forwarded-For gives the client address (default: loopback). */
  trustProxy?: string[];
}

/** JSON logs, one line per event; cookies and tokens never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ["req.headers.cookie", "req.headers.authorization", `req.headers["${INTERNAL_SECRET_HEADER}"]`],
  });
}

/** The HTTP host: `/trpc` (batching), `/healthz`, JSON logs with a request id. */
export async function buildHttpServer({ services, logger, trustProxy = ["127.0.0.1", "::1"] }: HttpOptions) {
  const { db } = services;
  const app = Fastify({
    loggerInstance: logger,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy,
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
      createContext: ({ req }) => createContext(services, req, INTERNAL_SECRET_HEADER),
      // A refused, rate-limited call says when to come back.
      responseMeta({ errors }) {
        const wait = Math.max(
          0,
          ...errors.map((e) => (e.cause instanceof RateLimited ? e.cause.retryAfterSeconds : 0)),
        );
        return wait > 0 ? { headers: new Headers({ "retry-after": String(wait) }) } : {};
      },
      onError({ error, path, req }) {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          req.log.error({ err: error.cause ?? error, path }, "procedure failed");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
  return app;
}
