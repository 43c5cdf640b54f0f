import type { AppRouter } from "@lodestone/api/router";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { clientRequestId } from "@lodestone/domain/transport";
import { headers } from "next/headers";
import { env } from "@/env";
import { requestPeer } from "@/features/security/request-peer";

/**
 * A tRPC client for server components and server actions: it calls the API directly and
 * carries the visitor's cookies (so the API sees the same session as the browser would), the
 * visitor's address as this server saw it, and the visitor's own request id (logged beside the
 * API's, never in its place).
 */
export async function serverApi() {
  const incoming = await headers();
  const cookie = incoming.get("cookie");
  const clientId = clientRequestId(incoming.get("x-request-id"));
  const clientIp = requestPeer()?.clientIp ?? null;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${env.API_URL}/trpc`,
        headers: () => ({
          ...(cookie ? { cookie } : {}),
          ...(clientId ? { "x-client-request-id": clientId } : {}),
          ...(clientIp ? { "x-forwarded-for": clientIp } : {}),
        }),
        fetch: (url, init) => fetch(url, { ...init, cache: "no-store", signal: AbortSignal.timeout(15_000) }),
      }),
    ],
  });
}

/** The tRPC code of an error from the API (NOT_FOUND, FORBIDDEN, …), or null. */
export function trpcCodeOf(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? code : null;
  }
  return null;
}
