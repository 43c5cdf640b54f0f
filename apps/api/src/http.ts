import { randomUUID } from "node:crypto";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import helmet from "@fastify/helmet";
import { INTERNAL_SECRET_HEADER } from "@lodestone/auth/secrets";
import {
  batchPaths,
  batchProblem,
  BODY_TOO_LARGE_MESSAGE,
  clientRequestId,
  MAX_REQUEST_BODY_BYTES,
  refusalBody,
} from "@lodestone/domain/transport";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { resolveResponse, type ResponseMetaFn } from "@trpc/server/http";
import Fastify from "fastify";
import { pino, type Logger } from "pino";
import { createContext, type Services } from "./context.js";
import { registerFileRoutes } from "./modules/documents/files.js";
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
    // Request ids are this server's own; a client's id is logged beside it, never in its place.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    bodyLimit: MAX_REQUEST_BODY_BYTES,
    trustProxy,
    routerOptions: { maxParamLength: 5000 },
  });
  app.addHook("onRequest", async (req) => {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const clientId = clientRequestId(header("x-client-request-id") ?? header("x-request-id"));
    if (clientId) req.log = req.log.child({ clientRequestId: clientId });
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    // Fastify's own refusals before any procedure (an oversized or unreadable body) keep their
    // 4xx status with a message a person understands; anything else is logged and answered 500.
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send(refusalBody("PAYLOAD_TOO_LARGE", BODY_TOO_LARGE_MESSAGE, [], false).body);
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send(
          refusalBody(
            "BAD_REQUEST",
            "The request could not be read. Check its body and try again.",
            [],
            false,
          ).body,
        );
    }
    req.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: { message: "Something went wrong on our side." } });
  });
  await app.register(helmet, { contentSecurityPolicy: false });

  // Open live streams are cut when the server closes, as a crash would cut them: the browser
  // reconnects (to another instance, or to this one restarted) with its last event id and
  // resumes exactly. Ending them gracefully would tell the client the subscription is over.
  const liveStreams = new Set<ServerResponse>();
  app.addHook("preClose", async () => {
    for (const stream of liveStreams) stream.destroy();
  });

  registerFileRoutes(app, services);

  app.get("/healthz", async (_req, reply) => {
    const up = await db.ping();
    return reply
      .code(up ? 200 : 503)
      .send({ status: up ? "ok" : "unavailable", database: up ? "up" : "down", kind: db.kind });
  });

  // A refused, rate-limited call says when to come back.
  const responseMeta: ResponseMetaFn<AppRouter> = ({ errors }) => {
    const wait = Math.max(
      0,
      ...errors.map((e) => (e.cause instanceof RateLimited ? e.cause.retryAfterSeconds : 0)),
    );
    return wait > 0 ? { headers: new Headers({ "retry-after": String(wait) }) } : {};
  };

  // tRPC's own Fastify adapter (fastifyRequestHandler), minus its streamed reply: the answer
  // (streamed only for subscriptions; queries and mutations go through httpBatchLink) is read
  // whole and sent with a Content-Length,
  // instead of piped from the Response's body stream with chunked encoding (the benchmark's
  // project list: 502 → 598 requests/s).
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    done(null, body);
  });
  app.all<{ Params: { path: string }; Querystring: { batch?: string } }>(
    "/trpc/:path",
    async (req, reply) => {
      const paths = batchPaths(req.params.path);
      const problem = paths ? batchProblem(paths) : "The request names no procedure.";
      if (problem) {
        return reply
          .code(400)
          .send(refusalBody("BAD_REQUEST", problem, paths ?? [], req.query.batch === "1").body);
      }
      const raw = req.raw as typeof req.raw & { body?: unknown };
      if (req.body !== undefined) raw.body = req.body;
      const response = await resolveResponse({
        router: appRouter,
        req: incomingMessageToRequest(raw, reply.raw, { maxBodySize: null }),
        path: req.params.path,
        error: null,
        createContext: () => createContext(services, req, INTERNAL_SECRET_HEADER),
        responseMeta,
        onError({ error, path }) {
          if (error.code === "INTERNAL_SERVER_ERROR") {
            req.log.error({ err: error.cause ?? error, path }, "procedure failed");
          }
        },
      });
      reply.code(response.status);
      response.headers.forEach((value, name) => reply.header(name, value));
      // A live subscription's server-sent events are written to the socket as they come (tRPC's
      // headers say not to buffer or transform them), without a further stream in between: every
      // event goes to every subscriber, so each layer counts. The stream ends when the client goes
      // away (the request's signal stops the subscription) or the subscription ends.
      if (response.body && response.headers.get("content-type")?.startsWith("text/event-stream")) {
        reply.hijack();
        const raw = reply.raw;
        // What Fastify would have sent (helmet's headers, the request id) and tRPC's own.
        const headers: OutgoingHttpHeaders = { "x-request-id": req.id };
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined) headers[name] = value;
        }
        response.headers.forEach((value, name) => (headers[name] = value));
        raw.writeHead(response.status, headers);
        const reader = response.body.getReader();
        liveStreams.add(raw);
        raw.once("close", () => {
          liveStreams.delete(raw);
          void reader.cancel().catch(() => {});
        });
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done || raw.destroyed) break;
            raw.write(value);
          }
        } catch {
          // The client went away, or the instance is shutting down: the client reconnects.
        } finally {
          raw.end();
        }
        return reply;
      }
      return reply.send(Buffer.from(await response.arrayBuffer()));
    },
  );
  return app;
}
