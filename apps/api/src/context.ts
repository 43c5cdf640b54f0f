import { createHash, timingSafeEqual } from "node:crypto";
import { SESSION_COOKIE_NAMES } from "@lodestone/auth/secrets";
import type { SessionUser } from "@lodestone/auth/session";
import type { Database } from "@lodestone/db/client";
import { createDecisionSigner, generateSigningKey, type DecisionSigner } from "@lodestone/db/decision-seal";
import { findSession } from "@lodestone/db/repositories/session";
import { DEFAULT_DOCUMENT_MAX_BYTES } from "@lodestone/domain/documents";
import { NO_RATE_LIMITS, type RateLimitPolicy } from "@lodestone/domain/rate-limit";
import { parse as parseCookies } from "cookie";
import ipaddr from "ipaddr.js";
import { toTRPCError } from "./errors.js";
import { createEventFeed, type EventFeed } from "./event-feed.js";
import { createInboxWatch, type InboxWatch } from "./inbox-watch.js";
import type { Mailer } from "./mailer.js";
import type { Scanner } from "./modules/documents/scanner.js";

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
  /** This instance's reader of the event log, shared by its live subscriptions. */
  events: EventFeed;
  /** Wakes this instance's live inbox counts when notifications change. */
  inbox: InboxWatch;
  /** The web's public address: links in mails point there. */
  webUrl: string;
  /** The data room: the per-file limit and the malware scanner (null: none configured). */
  documents: { maxBytes: number; scanner: Scanner | null };
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
  /**
   * The TCP peer of the connection, as the socket reports it (never a header); null for an
   * in-process call (createCaller), which has no network peer.
   */
  peer: string | null;
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
    events: overrides.events ?? createEventFeed(db),
    inbox: overrides.inbox ?? createInboxWatch(db),
    webUrl: overrides.webUrl ?? "http://localhost:3000",
    documents: overrides.documents ?? { maxBytes: DEFAULT_DOCUMENT_MAX_BYTES, scanner: null },
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
    peer: opts.peer ?? null,
  };
}

interface RequestLike {
  id: string;
  /** Fastify's client address (it honours X-Forwarded-For only from trusted proxies). */
  ip?: string;
  /** The connection's own peer address. */
  socket?: { remoteAddress?: string | undefined };
  headers: Record<string, string | string[] | undefined>;
}

/** A valid IP address, normalised (IPv4-mapped IPv6 becomes IPv4), or null for anything else. */
export function normalizeIp(value: string | null | undefined): string | null {
  if (!value || !ipaddr.isValid(value)) return null;
  return ipaddr.process(value).toString();
}

/** Whether an address is loopback (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopback(value: string | null | undefined): boolean {
  const ip = normalizeIp(value);
  return ip !== null && ipaddr.parse(ip).range() === "loopback";
}

/**
 * The client's address: what Fastify derived (X-Forwarded-For, believed only from a trusted
 * proxy) when it is an IP address; otherwise the connection's own peer. A forwarded value that is
 * not an address (too long, a name, garbage) never becomes a rate-limit key or an audit entry.
 */
export function clientIpOf(req: RequestLike): string | null {
  return normalizeIp(req.ip) ?? normalizeIp(req.socket?.remoteAddress);
}

const header = (req: RequestLike, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The session token a request carries: `Authorization: Bearer …` or next-auth's cookie. */
export function sessionTokenOf(req: RequestLike): string | null {
  const auth = header(req, "authorization");
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim() || null;
  const cookieHeader = header(req, "cookie");
  if (!cookieHeader) return null;
  // The `cookie` package never throws on a malformed value (`%` stays `%`): such a token simply
  // matches no session.
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookies[name];
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
    clientIp: clientIpOf(req),
    // Over HTTP the peer is always known; a socket already gone reads as a non-address, never loopback.
    peer: req.socket?.remoteAddress ?? "unknown",
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

/** What a use-case receives: the caller's context (signed in, unless said otherwise) and its validated input. */
export type UseCase<T, C extends Context = SignedInContext> = { ctx: C; input: T };
