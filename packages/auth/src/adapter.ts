// next-auth's adapter, backed by the API's internal procedures: the web never opens the database.
import type {
  Adapter,
  AdapterAccount,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from "next-auth/adapters";
import { INTERNAL_SECRET_HEADER } from "./secrets.js";
import type { SessionUser } from "./session.js";

export interface InternalApi {
  apiUrl: string;
  internalSecret: string;
  fetch?: typeof fetch;
}

/** Raised when the API refuses or cannot be reached; next-auth shows its error page. */
export class InternalApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    message: string,
    /** A rate-limited call's wait, as the API said it. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${path}: ${message}`);
    this.name = "InternalApiError";
  }
}

/** Calls one tRPC procedure over plain HTTP (the protocol without batching). */
export async function callInternal<T>(
  api: InternalApi,
  path: string,
  kind: "query" | "mutation",
  input: unknown,
): Promise<T> {
  const doFetch = api.fetch ?? fetch;
  const base = `${api.apiUrl.replace(/\/$/, "")}/trpc/${path}`;
  const headers = { [INTERNAL_SECRET_HEADER]: api.internalSecret, "content-type": "application/json" };
  const res =
    kind === "query"
      ? await doFetch(`${base}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await doFetch(base, { method: "POST", headers, body: JSON.stringify(input) });
  const body = (await res.json().catch(() => null)) as {
    result?: { data?: T };
    error?: { message?: string; data?: { retryAfterSeconds?: unknown } };
  } | null;
  if (!res.ok || !body?.result) {
    const wait = body?.error?.data?.retryAfterSeconds;
    throw new InternalApiError(
      path,
      res.status,
      body?.error?.message ?? res.statusText,
      typeof wait === "number" && wait > 0 ? wait : null,
    );
  }
  return body.result.data as T;
}

type WireUser = Omit<AdapterUser, "emailVerified"> & { emailVerified: string | null };
const toUser = (u: WireUser | null): AdapterUser | null =>
  u ? { ...u, emailVerified: u.emailVerified ? new Date(u.emailVerified) : null } : null;
type WireSession = { sessionToken: string; userId: string; expires: string };
const toSession = (s: WireSession): AdapterSession => ({ ...s, expires: new Date(s.expires) });
type WireToken = { identifier: string; token: string; expires: string };
const toToken = (t: WireToken | null): VerificationToken | null =>
  t ? { ...t, expires: new Date(t.expires) } : null;

/** The adapter user carries what the app needs about the caller. */
export type LodestoneAdapterUser = AdapterUser & SessionUser;

export function apiAdapter(api: InternalApi): Adapter {
  const q = <T>(path: string, input: unknown) => callInternal<T>(api, `auth.${path}`, "query", input);
  const m = <T>(path: string, input: unknown) => callInternal<T>(api, `auth.${path}`, "mutation", input);
  return {
    createUser: async () => {
      // Only invited users exist; next-auth reaches this only for an address we do not know.
      throw new Error("Only invited users can sign in to Lodestone.");
    },
    getUser: async (id) => toUser(await q<WireUser | null>("getUser", { userId: id })),
    getUserByEmail: async (email) => toUser(await q<WireUser | null>("getUserByEmail", { email })),
    getUserByAccount: async ({ provider, providerAccountId }) =>
      toUser(await q<WireUser | null>("getUserByAccount", { provider, providerAccountId })),
    updateUser: async (user) => {
      // Only the verification time is taken from next-auth; names and roles are managed in Lodestone.
      if (user.emailVerified) {
        return toUser(
          await m<WireUser>("markEmailVerified", { userId: user.id, emailVerified: user.emailVerified }),
        )!;
      }
      return toUser(await q<WireUser>("getUser", { userId: user.id }))!;
    },
    linkAccount: async (_account: AdapterAccount) => {
      // Identities are linked only by single sign-on's admission (the API's auth.admitSsoSignIn,
      // asked by the signIn callback), which checks the verified address and audits the link.
      // next-auth finds every admitted identity already linked and never gets here.
      throw new Error("Single sign-on identities are linked only when the API admits the sign-in.");
    },
    unlinkAccount: async ({
      provider,
      providerAccountId,
    }: Pick<AdapterAccount, "provider" | "providerAccountId">) => {
      await m("unlinkAccount", { provider, providerAccountId });
    },
    createSession: async (session) => toSession(await m<WireSession>("createSession", session)),
    getSessionAndUser: async (sessionToken) => {
      const found = await q<{ session: WireSession; user: WireUser & SessionUser } | null>(
        "getSessionAndUser",
        {
          sessionToken,
        },
      );
      return found
        ? { session: toSession(found.session), user: toUser(found.user) as LodestoneAdapterUser }
        : null;
    },
    updateSession: async ({ sessionToken, expires }) => {
      const s = await m<WireSession | null>("updateSession", {
        sessionToken,
        ...(expires ? { expires } : {}),
      });
      return s ? toSession(s) : null;
    },
    deleteSession: async (sessionToken) => {
      await m("deleteSession", { sessionToken });
    },
    createVerificationToken: async (token) => toToken(await m<WireToken>("createVerificationToken", token)),
    useVerificationToken: async ({ identifier, token }) =>
      toToken(await m<WireToken | null>("useVerificationToken", { identifier, token })),
  };
}
