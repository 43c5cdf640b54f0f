import type { AppRouter } from "@lodestone/api/router";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { headers } from "next/headers";
import { env } from "@/env";

/**
 * A tRPC client for server components and server actions: it calls the API directly and
 * carries the visitor's cookies (so the API sees the same session as the browser would).
 */
export async function serverApi() {
  const incoming = await headers();
  const cookie = incoming.get("cookie");
  const requestId = incoming.get("x-request-id");
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${env.API_URL}/trpc`,
        headers: () => ({
          ...(cookie ? { cookie } : {}),
          ...(requestId ? { "x-request-id": requestId } : {}),
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
