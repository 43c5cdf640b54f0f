import type { SessionUser } from "@lodestone/auth/session";
import { rolesFor, type Permission } from "@lodestone/domain/access";
import type { Role } from "@lodestone/domain/enums";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { isLoopback, type Context } from "./context.js";
import { toTRPCError } from "./errors.js";
import { enforceRateLimits, RateLimited } from "./rate-limit.js";

/** What a procedure declares about itself. */
export interface ProcedureMeta {
  /**
   * A query that reads across many projects (dashboards, exports, searches): each call counts
   * against the caller's limit on such queries, as mutations do.
   */
  heavy?: boolean;
}

export const SSE_PING_MS = 10_000;
export const SSE_MAX_DURATION_MS = 10 * 60_000;

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Live subscriptions over server-sent events: a ping keeps proxies from closing a quiet
    // stream; after the maximum duration the server ends it and the client reconnects with its
    // last event id (its session is checked again then); a client that hears nothing, not even a
    // ping, for the inactivity span reconnects by itself.
    sse: {
      ping: { enabled: true, intervalMs: SSE_PING_MS },
      maxDurationMs: SSE_MAX_DURATION_MS,
      client: { reconnectAfterInactivityMs: SSE_PING_MS * 3 },
    },
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
      return {
        ...shape,
        message: zodError ? "Some fields need attention." : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          // Field-level messages for forms; never a stack trace.
          fieldErrors: zodError?.fieldErrors ?? null,
          formErrors: zodError?.formErrors ?? null,
          retryAfterSeconds: error.cause instanceof RateLimited ? error.cause.retryAfterSeconds : null,
        },
      };
    },
  });

/** Every error leaves a procedure through the one mapping in errors.ts. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// ── The procedure ladder. Every procedure is built from one of these. ──────────────────────

// A NUL character (PostgreSQL text cannot store it) or half of a surrogate pair (not Unicode;
// PostgreSQL's JSON refuses it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const malformed = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);

/** Whether a string anywhere in `value` (keys included) is text the database cannot store. */
function containsMalformedText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return malformed(value);
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => containsMalformedText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => malformed(k) || containsMalformedText(v, depth + 1));
}

/** Refuses such text in any input, before any procedure's own checks. */
const refuseMalformedText = t.middleware(async ({ getRawInput, next }) => {
  if (containsMalformedText(await getRawInput())) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "Text may not contain the NUL character (\\u0000) or broken Unicode (half of a surrogate pair). Remove it and try again.",
    });
  }
  return next();
});

/** Anyone, signed in or not: health and sign-in only. */
export const publicProcedure = t.procedure.use(mapErrors).use(refuseMalformedText);

/** The web's next-auth adapter, proven by the shared internal secret. */
export const internalProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.internal) throw new TRPCError({ code: "FORBIDDEN", message: "This procedure is internal." });
  return next();
});

/**
 * The development outbox lists sign-in links: only without SMTP, outside production, and only to
 * a caller on this machine — the connection's own peer is loopback (never a header), or the call
 * is in-process.
 */
export const devOutboxProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.devOutbox || (ctx.peer !== null && !isLoopback(ctx.peer))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "The development outbox is off." });
  }
  return next();
});

/**
 * A signed-in, active user; `ctx.user` is non-null from here on. Every mutation counts against
 * the caller's and the client address's rate limits, every heavy query and every subscription
 * (each connection and reconnection) against the caller's limit on those (counted in the
 * database: shared by all API instances).
 */
export const signedInProcedure = publicProcedure.use(async ({ ctx, type, meta, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  }
  const limits = ctx.rateLimits;
  if (type === "mutation") {
    await enforceRateLimits(ctx, [
      [limits.mutationsPerUser, `mutation:user:${ctx.session.id}`],
      ...(ctx.clientIp ? ([[limits.mutationsPerIp, `mutation:ip:${ctx.clientIp}`]] as const) : []),
    ]);
  } else if (meta?.heavy || type === "subscription") {
    await enforceRateLimits(ctx, [[limits.heavyQueriesPerUser, `heavy-query:user:${ctx.session.id}`]]);
  }
  return next({ ctx: { user: ctx.session as SessionUser } });
});

const ROLE_NAMES: Record<Role, string> = {
  DELEGATE: "delegates",
  COORDINATOR: "coordinators",
  PARTNER: "partners",
  ADMIN: "administrators",
};

/** Signed in with one of `roles`. */
function roleProcedure(...roles: [Role, ...Role[]]) {
  const who = roles.map((r) => ROLE_NAMES[r]).join(" or ");
  return signedInProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${who} can do this.` });
    }
    return next();
  });
}

/** Signed in with a role that holds `permission` in the domain's table (DESIGN.md §4). */
function permittedProcedure(permission: Permission) {
  return roleProcedure(...rolesFor(permission));
}

// The procedure bases, one per row of the table (named for what they permit).
export const proposalProcedure = permittedProcedure("proposal.manage");
export const commenterProcedure = permittedProcedure("comment.write");
export const moderatorProcedure = permittedProcedure("comment.moderate");
export const voterProcedure = permittedProcedure("round.vote");
export const roundRunnerProcedure = permittedProcedure("round.run");
export const plannerProcedure = permittedProcedure("delivery.plan");
export const reporterProcedure = permittedProcedure("delivery.report");
export const auditReaderProcedure = permittedProcedure("audit.read");
export const userAdminProcedure = permittedProcedure("users.manage");
export const delegationAdminProcedure = permittedProcedure("delegations.manage");
export const folderOrganiserProcedure = permittedProcedure("documents.organise");
export const scanReaderProcedure = permittedProcedure("documents.scanStatus");
export const gateAdvancerProcedure = permittedProcedure("gates.advance");
export const gateWorkerProcedure = permittedProcedure("gates.evidence");
export const gateSignerProcedure = permittedProcedure("gates.signOff");
export const fundingRecorderProcedure = permittedProcedure("funding.record");
export const permitEditorProcedure = permittedProcedure("permitting.edit");
export const permitDeterminerProcedure = permittedProcedure("permitting.determine");
