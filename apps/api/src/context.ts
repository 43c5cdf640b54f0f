import { createHash, timingSafeEqual } from "node:crypto";
import { SESSION_COOKIE_NAMES } from "@lodestone/auth/secrets";
import type { SessionUser } from "@lodestone/auth/session";
import type { Database } from "@lodestone/db/client";
import { createDecisionSigner, generateSigningKey, type DecisionSigner } from "@lodestone/db/decision-seal";
import { findSession } from "@lodestone/db/repositories/session";
import { NO_RATE_LIMITS, type RateLimitPolicy } from "@lodestone/domain/rate-limit";
import { toTRPCError } from "./errors.js";
import type { Mailer } from "./mailer.js";

/** What the API was started with that procedures need. */
export interface Services {
  db: Database;
  mailer: Mailer;
  internalSecret: string;
  /** The development outbox is on (no SMTP, not production). */
  devOutbox: boolean;
  /** Limits on mutations and sign-in mails (a limit of 0 is off). */
  rateLimits: RateLimitPolicy;
  /** The deployment's key that seals decision records. */
  signer: DecisionSigner;
  now: () => Date;
}

let testSigner: DecisionSigner | undefined;
/** One key per process for tests and tools that do not pass the deployment's. */
export function processSigner(): DecisionSigner {
  return (testSigner ??= createDecisionSigner(generateSigningKey()));
}

export interface InnerContext extends Services {
  /** The signed-in, active caller, or null. */
  session: SessionUser | null;
  /** The raw session token the caller presented (for sign-out), or null. */
  sessionToken: string | null;
  /** The caller presented the internal secret (the web's next-auth adapter). */
  internal: boolean;
  requestId: string;
  /** The client's address (behind a trusted proxy: the forwarded one), or null without HTTP. */
  clientIp: string | null;
}

/** SHA-256 of a session token: what the database stores. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Services with quiet defaults (no mail, no rate limits), for tests and tools (the server passes real ones). */
export function createServices(db: Database, overrides: Partial<Omit<Services, "db">> = {}): Services {
  return {
    db,
    mailer: overrides.mailer ?? { kind: "outbox", send: async () => {} },
    internalSecret: overrides.internalSecret ?? "test-internal-secret-test-internal-secret",
    devOutbox: overrides.devOutbox ?? true,
    rateLimits: overrides.rateLimits ?? NO_RATE_LIMITS,
    signer: overrides.signer ?? processSigner(),
    now: overrides.now ?? (() => new Date()),
  };
}

/** The context without HTTP: what tests pass to `createCaller`. */
export function createInnerContext(opts: Partial<Omit<InnerContext, "db">> & { db: Database }): InnerContext {
  return {
    ...createServices(opts.db, opts),
    session: opts.session ?? null,
    sessionToken: opts.sessionToken ?? null,
    internal: opts.internal ?? false,
    requestId: opts.requestId ?? "internal",
    clientIp: opts.clientIp ?? null,
  };
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

interface RequestLike {
  id: string;
  /** Fastify's client address (it honours X-Forwarded-For only from trusted proxies). */
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (req: RequestLike, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The session token a request carries: `Authorization: Bearer …` or next-auth's cookie. */
export function sessionTokenOf(req: RequestLike): string | null {
  const auth = header(req, "authorization");
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim() || null;
  const cookies = header(req, "cookie");
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readCookie(cookies, name);
    if (token) return token;
  }
  return null;
}

/** Resolves who calls, once per request: a live session of an active user, or nobody. */
export async function resolveSession(
  db: Database,
  token: string | null,
  now: Date,
): Promise<SessionUser | null> {
  if (!token) return null;
  const found = await findSession(db.prisma, hashToken(token), now);
  return found?.principal ?? null;
}

export async function createContext(
  services: Services,
  req: RequestLike,
  internalHeader: string,
): Promise<InnerContext> {
  const token = sessionTokenOf(req);
  const presented = header(req, internalHeader);
  // Resolving the session is the request's first database call: a database that is down must
  // answer through the one error mapping (503 with a clear message), not as a crash.
  const session = await resolveSession(services.db, token, services.now()).catch((error: unknown) => {
    throw toTRPCError(error);
  });
  return {
    ...services,
    session,
    sessionToken: token,
    internal: presented !== undefined && safeEqual(presented, services.internalSecret),
    requestId: req.id,
    clientIp: req.ip ?? null,
  };
}

function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export type Context = InnerContext;

/** The context after `signedInProcedure`: the caller is known. */
export type SignedInContext = Context & { user: SessionUser };
