"use client";

import type { AppRouter } from "@lodestone/api/router";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { MAX_BATCH_CALLS } from "@lodestone/domain/transport";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { signInPath } from "@/features/auth/paths";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every request gets its own client; in the browser one lives for the page.
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient({
    onUnauthorized: () => {
      const here = `${window.location.pathname}${window.location.search}`;
      window.location.assign(signInPath(here));
    },
  });
  return browserQueryClient;
}

/**
 * Same-origin `/trpc`: the web server forwards it to the API (see src/app/trpc/[trpc]/route.ts).
 * Subscriptions (the live feed) are server-sent events: an EventSource on the same origin, so the
 * session cookie goes with it, and it reconnects by itself, resuming after the last event it got.
 */
function createBrowserTRPCClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/trpc" }),
        // Never more calls per batch than the API accepts.
        false: httpBatchLink({ url: "/trpc", maxURLLength: 2083, maxItems: MAX_BATCH_CALLS }),
      }),
    ],
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(createBrowserTRPCClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
