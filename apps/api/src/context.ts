import type { Database } from "@lodestone/db/client";
import type { SessionUser } from "@lodestone/auth/session";

export interface InnerContext {
  db: Database;
  /** The signed-in caller, or null. */
  session: SessionUser | null;
  requestId: string;
}

/** The context without HTTP: what tests pass to `createCaller`. */
export function createInnerContext(opts: {
  db: Database;
  session?: SessionUser | null;
  requestId?: string;
}): InnerContext {
  return { db: opts.db, session: opts.session ?? null, requestId: opts.requestId ?? "internal" };
}

/** The context of one HTTP request. Sessions are resolved here once the sign-in issue lands. */
export function createContext(db: Database, req: { id: string }): InnerContext {
  return createInnerContext({ db, session: null, requestId: req.id });
}

export type Context = InnerContext;
